package lesson

import (
	"github.com/charmbracelet/bubbles/key"

	"kafkasim/ui/keys"
)

// LessonKeys drive the lesson screen. The simulator's own keys (play,
// step, back, fault, panes) work under them and mean the same; a key the
// simulator has that a lesson cannot honour is disabled, never reused.
type LessonKeys struct {
	Enter     key.Binding // start, continue, next stop, confirm: the help names it
	Challenge key.Binding // go to the challenge, or check it
	Text      key.Binding
	Hide      key.Binding
	Restart   key.Binding
	Hint      key.Binding
	Solve     key.Binding // play the worked solution, once the hints reach it
	Tour      key.Binding // open the lesson's scenario: the tour
	Next      key.Binding
	Skip      key.Binding // pass on a prediction
	Letter    key.Binding // pick a prediction's choice by letter
	Names     key.Binding // show the engine's metric names beside the words
	Export    key.Binding // write a lesson of this run: x shares a run everywhere
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Page      key.Binding
	Digit     key.Binding
	Erase     key.Binding
	Sim       keys.Sim
	global    keys.Global
}

func NewLessonKeys(g keys.Global) LessonKeys {
	s := keys.NewSim(g)
	// A Player has its own seed and restart; what-if, sharing and the
	// command line would act on a copy the lesson does not judge, so they
	// stay in the simulator proper. In a lesson the marks are the stops.
	// The lesson's stops are its timeline: scrubbing (t, R, C, E) stays in
	// the simulator proper too.
	for _, b := range []*key.Binding{&s.Seed, &s.Restart, &s.WhatIf, &s.Share, &s.Command,
		&s.GoTo, &s.NextRebalance, &s.NextCommit, &s.NextElection} {
		b.SetEnabled(false)
	}
	s.PrevMark.SetHelp("[", "previous stop")
	s.NextMark.SetHelp("]", "next stop")
	digits := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"}
	return LessonKeys{
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go on")),
		Challenge: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "challenge")),
		Text:      key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "lesson text")),
		Hide:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "hide/show box")),
		Restart:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart run")),
		Hint:      key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "hint")),
		Solve:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "play the solution")),
		Tour:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the tour")),
		Next:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next lesson")),
		Skip:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Letter:    key.NewBinding(key.WithKeys("a", "b", "c", "d", "e"), key.WithHelp("a-e", "pick")),
		Names:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "metric names")),
		Export:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "write a lesson of this run")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Page:      key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "page down")),
		Digit:     key.NewBinding(key.WithKeys(digits...), key.WithHelp("0-9", "type")),
		Erase:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "erase")),
		Sim:       s,
		global:    g,
	}
}

// ReadingHelp lists every key that works on the lesson's text.
func (k LessonKeys) ReadingHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Page},
		{keys.Named(k.Enter, "watch it run / back to the run"), k.Challenge, k.global.Back, k.global.Help, k.global.Quit},
	}
}

// LessonHelp lists the lesson's own keys in a run, by what they are for;
// the simulator's keys follow, with [ ] ← → as the lesson means them.
func (k LessonKeys) LessonHelp() [][]key.Binding {
	return [][]key.Binding{
		{keys.Named(k.Enter, "continue / next stop / confirm"), keys.Named(k.Digit, "pick a choice"), keys.Named(k.Letter, "pick a choice"), keys.Named(k.Skip, "skip a question"), k.Hide, k.Names, k.Text},
		{keys.Named(k.Challenge, "challenge / check"), k.Hint, k.Solve, k.Tour, keys.Named(k.Restart, "restart run"), k.Export, k.Next},
	}
}
