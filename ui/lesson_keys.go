package ui

import "github.com/charmbracelet/bubbles/key"

// lessonKeys drive the lesson screen. The simulator's own keys (play,
// step, fault, panes) work under them; the lesson takes back, seed and
// restart, which a Player cannot do its way.
type lessonKeys struct {
	Enter     key.Binding // start, continue, next stop: the help names it
	Challenge key.Binding // go to the challenge, or check it
	Text      key.Binding
	Hide      key.Binding
	Restart   key.Binding
	Hint      key.Binding
	Tour      key.Binding
	Next      key.Binding
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Page      key.Binding
	Digit     key.Binding
	Erase     key.Binding
	sim       simKeys
	global    globalKeys
}

func newLessonKeys(g globalKeys) lessonKeys {
	s := newSimKeys(g)
	// A Player runs forward only, with its own seed and restart; what-if,
	// sharing and the command line would act on a copy the lesson does not
	// judge, so they stay in the simulator proper.
	for _, b := range []*key.Binding{&s.StepBack, &s.PrevMark, &s.Seed, &s.Restart, &s.WhatIf, &s.Share, &s.Command} {
		b.SetEnabled(false)
	}
	digits := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"}
	return lessonKeys{
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go on")),
		Challenge: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "challenge")),
		Text:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "lesson text")),
		Hide:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "hide/show box")),
		Restart:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart run")),
		Hint:      key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "hint")),
		Tour:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "watch tour")),
		Next:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next lesson")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Page:      key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "page down")),
		Digit:     key.NewBinding(key.WithKeys(digits...), key.WithHelp("0-9", "type")),
		Erase:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "erase")),
		sim:       s,
		global:    g,
	}
}

// named is a copy of b whose help says what it does now.
func named(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// keyList is a help.KeyMap built for what the screen shows now.
type keyList struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp is the footer line.
func (k keyList) ShortHelp() []key.Binding { return k.short }

// FullHelp is the `?` overlay.
func (k keyList) FullHelp() [][]key.Binding {
	if len(k.full) == 0 {
		return [][]key.Binding{k.short}
	}
	return k.full
}
