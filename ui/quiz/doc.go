// Package quiz is the quiz screen: the topic menu, the questions, the
// answer inputs and the score.
package quiz
