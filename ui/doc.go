// Package ui is kafkasim's terminal UI: the root Bubble Tea model that routes
// between the screens (ui/home, ui/simview, ui/lesson, ui/quiz) and the entry
// points the CLI uses: Run, Frame and the live-run types.
package ui
