package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// drive presses keys on the root model and feeds back every message the
// commands answer with (screen changes, progress), dropping ticks: tests
// move time themselves.
func drive(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = feed(next.(Model), cmd)
	}
	return m
}

// feed runs cmd and hands its message back to the model, recursively.
func feed(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(2 * time.Second):
		return m
	}
	switch msg := msg.(type) {
	case nil, simview.TickMsg:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = feed(m, c)
		}
		return m
	case tea.QuitMsg:
		return m
	default:
		next, c := m.Update(msg)
		return feed(next.(Model), c)
	}
}

// openOn opens a screen on a model of the real engine and lessons, with
// progress kept in dir (empty: in memory), sized w×h. The quiz gets seed
// 7; lessons run with their scenarios' own seeds, as their texts expect.
func openOn(t testing.TB, s nav.Screen, arg, dir string, w, h int) Model {
	t.Helper()
	opts := Options{StateDir: dir}
	if s == nav.ScreenQuiz {
		seed := uint64(7)
		opts.Seed = &seed
	}
	m := newModel(opts, plainStyles(), defaultDeps())
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = next.(Model)
	next, cmd := m.Update(nav.OpenScreenMsg{Screen: s, Arg: arg})
	return feed(next.(Model), cmd)
}
