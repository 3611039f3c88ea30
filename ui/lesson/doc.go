// Package lesson is the lesson screen: the text, then the guided run with
// its stops, predictions, challenge and reveal, on a simulator screen.
package lesson
