package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// prompt is a one-line text question in a box (the seed, a scenario path).
// While it is open every key goes to it, so "q" types a q. It edits its own
// small line rather than bubbles/textinput, whose clipboard dependency is
// not in go.sum.
type prompt struct {
	keys  promptKeys
	title string
	hint  string
	value []rune
	open  bool
	// done builds the message sent when the learner presses enter; a nil
	// message keeps the prompt open (the value was not acceptable).
	done func(value string) tea.Msg
}

// promptMaxRunes caps what a prompt accepts.
const promptMaxRunes = 200

func newPrompt() prompt { return prompt{keys: newPromptKeys()} }

// Open shows the prompt with a starting value.
func (p prompt) Open(title, hint, value string, done func(string) tea.Msg) prompt {
	p.title, p.hint, p.done, p.open = title, hint, done, true
	p.value = []rune(value)
	return p
}

// IsOpen reports whether the prompt is showing.
func (p prompt) IsOpen() bool { return p.open }

// Update handles keys while open.
func (p prompt) Update(msg tea.Msg) (prompt, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, p.keys.Cancel):
			p.open = false
			return p, nil
		case key.Matches(km, p.keys.Accept):
			out := p.done(strings.TrimSpace(string(p.value)))
			if out == nil {
				return p, nil
			}
			p.open = false
			return p, func() tea.Msg { return out }
		}
		p.edit(km)
	}
	return p, nil
}

// edit applies a typing key to the value.
func (p *prompt) edit(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyBackspace:
		if len(p.value) > 0 {
			p.value = p.value[:len(p.value)-1]
		}
	case tea.KeyCtrlU:
		p.value = p.value[:0]
	case tea.KeyRunes, tea.KeySpace:
		for _, r := range km.Runes {
			if len(p.value) < promptMaxRunes && r >= ' ' && r != 0x7f {
				p.value = append(p.value, r)
			}
		}
		if km.Type == tea.KeySpace && len(km.Runes) == 0 && len(p.value) < promptMaxRunes {
			p.value = append(p.value, ' ')
		}
	}
}

// View draws the prompt box.
func (p prompt) View(st *Styles) string {
	lines := []string{st.Title.Render(p.title), "> " + sanitize(string(p.value)) + st.Selected.Render(" ")}
	if p.hint != "" {
		lines = append(lines, st.Faint.Render(p.hint))
	}
	lines = append(lines, st.Faint.Render("enter ok · esc cancel"))
	return st.MenuBox.Render(strings.Join(lines, "\n"))
}
