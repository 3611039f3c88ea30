// Package quiz is kafkasim's quiz: a bank of questions kept as TOML data,
// a strict loader and validator for it, questions generated from the
// engine's own code, the answer checking and scoring a quiz screen needs,
// saved progress, and a Markdown print mode.
//
// It renders nothing interactive: the TUI builds its screen on [Session].
// Dependencies point one way: quiz uses sim (for key hashing and the
// assignors), and ui uses quiz.
package quiz
