// Package quiz is kafkasim's quiz: a bank of questions kept as TOML data,
// a strict loader and validator for it, questions generated from the
// engine's own code, the answer checking and scoring a quiz screen needs,
// saved progress, and a Markdown print mode.
//
// It renders nothing interactive; the TUI builds its screen on this API:
//
//	s, err := quiz.NewSession(quiz.Options{Topics: ..., Count: 20, Generated: 5, Seed: seed})
//	q, ok := s.Current()          // show q.Prompt, q.Choices labelled quiz.Label(i)
//	r, err := q.ParseResponse(in) // or build a quiz.Response directly
//	res, err := s.Answer(r)       // res.Correct, res.AnswerText, res.Explanation
//	s.Score(); s.Wrong()          // the summary at the end
//
//	store, _ := quiz.DefaultStore()
//	p, warning := store.Load()    // never fails; show the warning if any
//	p.Record(s); store.Save(p)
//
// Bank files live in bank/ (see bank/README.md for the format); every
// answer of a generated question is computed by code, never typed in.
// Dependencies point one way: quiz uses sim (key hashing, assignors) and
// state (the progress file); ui uses quiz.
package quiz
