package quiz

import (
	"github.com/charmbracelet/bubbles/key"

	"kafkasim/ui/keys"
)

// quizKeys drive the quiz screen.
type quizKeys struct {
	Up       key.Binding
	Down     key.Binding
	Enter    key.Binding // choose, answer, next: the help names it
	Toggle   key.Binding
	Letter   key.Binding
	Digit    key.Binding
	Erase    key.Binding
	MoveUp   key.Binding
	MoveDown key.Binding
	Open     key.Binding
	End      key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	global   keys.Global
}

func NewQuizKeys(g keys.Global) quizKeys {
	var letters []string
	for r := 'a'; r <= 'z'; r++ {
		letters = append(letters, string(r), string(r-'a'+'A'))
	}
	return quizKeys{
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer")),
		Toggle:   key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "tick/untick")),
		Letter:   key.NewBinding(key.WithKeys(letters...), key.WithHelp("a-z", "pick")),
		Digit:    key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"), key.WithHelp("0-9", "type")),
		Erase:    key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "erase")),
		MoveUp:   key.NewBinding(key.WithKeys("shift+up", "ctrl+up"), key.WithHelp("shift+↑", "move step up")),
		MoveDown: key.NewBinding(key.WithKeys("shift+down", "ctrl+down"), key.WithHelp("shift+↓", "move step down")),
		Open:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open scenario")),
		End:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "end here")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		global:   g,
	}
}
