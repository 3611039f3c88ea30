package keys

import "github.com/charmbracelet/bubbles/key"

// Named is a copy of b whose help says what it does now.
func Named(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// List is a help.KeyMap built for what the screen shows now.
type List struct {
	Short []key.Binding
	Full  [][]key.Binding
}

// ShortHelp is the footer line.
func (k List) ShortHelp() []key.Binding { return k.Short }

// FullHelp is the `?` overlay.
func (k List) FullHelp() [][]key.Binding {
	if len(k.Full) == 0 {
		return [][]key.Binding{k.Short}
	}
	return k.Full
}
