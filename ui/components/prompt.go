package components

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/keys"
	"kafkasim/ui/theme"
)

// Prompt is a one-line text question in a box (the seed, a scenario path).
// While it is open every key goes to it, so "q" types a q. It edits its own
// small line rather than bubbles/textinput, whose clipboard dependency is
// not in go.sum.
type Prompt struct {
	Keys  keys.Prompt
	Title string
	hint  string
	Value []rune
	open  bool
	// done builds the message sent when the learner presses enter; a nil
	// message keeps the prompt open (the value was not acceptable).
	done func(value string) tea.Msg
}

// promptMaxRunes caps what a prompt accepts.
const promptMaxRunes = 200

func NewPrompt() Prompt { return Prompt{Keys: keys.NewPrompt()} }

// Open shows the prompt with a starting value.
func (p Prompt) Open(title, hint, value string, done func(string) tea.Msg) Prompt {
	p.Title, p.hint, p.done, p.open = title, hint, done, true
	p.Value = []rune(value)
	return p
}

// IsOpen reports whether the prompt is showing.
func (p Prompt) IsOpen() bool { return p.open }

// Update handles keys while open.
func (p Prompt) Update(msg tea.Msg) (Prompt, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, p.Keys.Cancel):
			p.open = false
			return p, nil
		case key.Matches(km, p.Keys.Accept):
			out := p.done(strings.TrimSpace(string(p.Value)))
			if out == nil {
				return p, nil
			}
			p.open = false
			return p, func() tea.Msg { return out }
		}
		p.Edit(km)
	}
	return p, nil
}

// Edit applies a typing key to the value.
func (p *Prompt) Edit(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyBackspace:
		if len(p.Value) > 0 {
			p.Value = p.Value[:len(p.Value)-1]
		}
	case tea.KeyCtrlU:
		p.Value = p.Value[:0]
	case tea.KeyRunes, tea.KeySpace:
		for _, r := range km.Runes {
			if len(p.Value) < promptMaxRunes && r >= ' ' && r != 0x7f {
				p.Value = append(p.Value, r)
			}
		}
		if km.Type == tea.KeySpace && len(km.Runes) == 0 && len(p.Value) < promptMaxRunes {
			p.Value = append(p.Value, ' ')
		}
	}
}

// View draws the prompt box.
func (p Prompt) View(st *theme.Styles) string {
	lines := []string{st.Title.Render(p.Title), "> " + Sanitize(string(p.Value)) + st.Selected.Render(" ")}
	if p.hint != "" {
		lines = append(lines, st.Faint.Render(p.hint))
	}
	lines = append(lines, st.Faint.Render("enter ok · esc cancel"))
	return st.MenuBox.Render(strings.Join(lines, "\n"))
}
