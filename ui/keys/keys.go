package keys

import "github.com/charmbracelet/bubbles/key"

// Global work on every screen.
type Global struct {
	Quit key.Binding
	Help key.Binding
	Back key.Binding
	// TypedHelp opens the help where ? is text: the command line, prompts.
	TypedHelp key.Binding
}

func NewGlobal() Global {
	return Global{
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		TypedHelp: NewTypedHelp(),
	}
}

// NewTypedHelp is f1: the help where every printable key is text.
func NewTypedHelp() key.Binding {
	return key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help"))
}

// Sim drive the simulator screen.
type Sim struct {
	Play      key.Binding
	StepFwd   key.Binding
	StepBack  key.Binding
	NextMark  key.Binding
	PrevMark  key.Binding
	Faster    key.Binding
	Slower    key.Binding
	Faults    key.Binding
	Focus     key.Binding
	FocusBack key.Binding
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Restart   key.Binding
	Seed      key.Binding
	Share     key.Binding
	WhatIf    key.Binding
	Command   key.Binding
	// GoTo asks for a time or a mark to go to; the Next* keys run to the
	// next event of a kind (scrub.go).
	GoTo          key.Binding
	NextRebalance key.Binding
	NextCommit    key.Binding
	NextElection  key.Binding
	// Drill lists the records of the ledger's chosen fate; enabled only
	// while the ledger pane has the focus, so help stays truthful.
	Drill key.Binding
	// History opens the history of a partition, a broker or a group:
	// enter on the logs, the cluster or the groups (in the full help only).
	History key.Binding
	// Inspect puts the record inspector's cursor on a record of the logs.
	Inspect key.Binding
	// LogLeft, LogRight and LogJump move the logs' offset window; enabled
	// while the logs pane has the focus.
	LogLeft  key.Binding
	LogRight key.Binding
	LogJump  key.Binding
	global   Global
}

func NewSim(g Global) Sim {
	return Sim{
		Play:          key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "play/pause")),
		StepFwd:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "step")),
		StepBack:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "step back")),
		NextMark:      key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next mark")),
		PrevMark:      key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev mark")),
		Faster:        key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "faster")),
		Slower:        key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("−", "slower")),
		Faults:        key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fault")),
		Focus:         key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		FocusBack:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev pane")),
		Up:            key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:          key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:        key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:      key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Restart:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart")),
		Seed:          key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "seed")), // s is skip in lessons
		Share:         key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "share run")),
		WhatIf:        key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "what if")),
		Command:       key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "command line")),
		Drill:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "list records"), key.WithDisabled()),
		GoTo:          key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "go to time/mark")),
		NextRebalance: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "next rebalance")),
		NextCommit:    key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "next commit")),
		NextElection:  key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "next election")),
		History:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "history"), key.WithDisabled()),
		Inspect:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "record details")), // i is a lesson's hint
		global:        g,
		LogLeft:       key.NewBinding(key.WithKeys("<", "shift+left"), key.WithHelp("</shift+←", "older offsets")),
		LogRight:      key.NewBinding(key.WithKeys(">", "shift+right"), key.WithHelp(">/shift+→", "newer offsets")),
		LogJump:       key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "go to offset")),
	}
}

// ShortHelp is the footer line.
func (k Sim) ShortHelp() []key.Binding {
	// Drill shows only on the ledger, and early, so it fits at 80 columns;
	// ? comes before tab so the way to every other key shows at 80 too.
	return []key.Binding{k.Play, k.Drill, k.StepFwd, k.StepBack, k.NextMark, k.Faults, k.global.Help, k.Focus, k.global.Quit}
}

// FullHelp is the `?` overlay.
func (k Sim) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Play, k.StepFwd, k.StepBack, k.NextMark, k.PrevMark, k.GoTo, k.NextRebalance, k.NextCommit, k.NextElection, k.Faster, k.Slower},
		{k.Faults, k.WhatIf, k.Share, k.Command, k.Restart, k.Seed, k.Focus, k.FocusBack, k.LogLeft, k.LogRight, k.LogJump},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Drill, k.History, k.Inspect, k.global.Help, k.global.Back, k.global.Quit},
	}
}

// Drill drive the ledger's drill-down: the list of one group's records
// of one fate.
type Drill struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	PrevFate key.Binding
	NextFate key.Binding
	// Inspect opens the record inspector on the selected record; esc
	// comes back to the list.
	Inspect key.Binding
	Close   key.Binding
}

func NewDrill() Drill {
	return Drill{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous record")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next record")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PrevFate: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous fate")),
		NextFate: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next fate")),
		Inspect:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "inspect")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp is the footer line while the list is open: short enough that
// esc shows at 80 columns.
func (k Drill) ShortHelp() []key.Binding {
	move, fate := k.Down, k.NextFate
	move.SetHelp("↑/↓", "record")
	fate.SetHelp("←/→", "fate")
	return []key.Binding{move, fate, k.Inspect, k.PageDown, k.Close}
}

// FullHelp lists the drill-down keys in one column.
func (k Drill) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.PrevFate, k.NextFate, k.Inspect, k.Close}}
}

// Menu drive a modal list: the fault menu and the home screen.
type Menu struct {
	Up     key.Binding
	Down   key.Binding
	Select key.Binding
	Back   key.Binding
}

func NewMenu() Menu {
	return Menu{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Select: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the menu keys.
func (k Menu) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Select, k.Back} }

// FullHelp lists the menu keys in one column.
func (k Menu) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Prompt drive a one-line text prompt (the seed, a scenario path).
type Prompt struct {
	Accept key.Binding
	Cancel key.Binding
	Help   key.Binding
}

func NewPrompt() Prompt {
	return Prompt{
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ok")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Help:   NewTypedHelp(),
	}
}

// ShortHelp lists the prompt keys.
func (k Prompt) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Help} }

// FullHelp lists the prompt keys in one column.
func (k Prompt) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Home drive the home screen: sections as tabs, items in them.
type Home struct {
	Menu   Menu
	Next   key.Binding // the next section
	Prev   key.Binding
	global Global
}

func NewHome(g Global) Home {
	return Home{
		Menu:   NewMenu(),
		Next:   key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→/tab", "next section")),
		Prev:   key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←", "prev section")),
		global: g,
	}
}

// ShortHelp lists the home keys.
func (k Home) ShortHelp() []key.Binding {
	move := k.Menu.Down
	move.SetHelp("↑/↓", "choose")
	return []key.Binding{move, k.Next, k.Menu.Select, k.global.Help, k.global.Quit}
}

// FullHelp lists the home keys.
func (k Home) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Menu.Up, k.Menu.Down, k.Next, k.Prev, k.Menu.Select}, {k.global.Help, k.global.Back, k.global.Quit}}
}
