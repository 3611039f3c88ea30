package cmdline

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sandbox"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
)

// Limits that keep the command line's memory small.
const (
	cmdlineMaxRunes   = 2000 // one typed line
	cmdlineMaxHistory = 500  // lines remembered for ↑
	cmdlineMaxOutput  = 2000 // output lines kept for scrolling
)

// Keys drive the command line. Every other key is text.
type cmdlineKeys struct {
	Run, Prev, Next, Complete key.Binding
	ScrollUp, ScrollDown      key.Binding
	EndInput, Close           key.Binding
	Help                      key.Binding // ? is text here
}

func NewKeys() cmdlineKeys {
	return cmdlineKeys{
		Run:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
		Prev:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "history")),
		Next:       key.NewBinding(key.WithKeys("down")),
		Complete:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		ScrollUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "scroll")),
		ScrollDown: key.NewBinding(key.WithKeys("pgdown")),
		EndInput:   key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "end input")),
		Close:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Help:       keys.NewTypedHelp(),
	}
}

// forInput is the keymap while a console producer reads records: esc
// and ctrl+d end the input instead of closing.
func (k cmdlineKeys) forInput() cmdlineKeys {
	k.Close = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc/ctrl+d", "end input"))
	k.EndInput.SetEnabled(false)
	return k
}

// KeyMap is the help for what the command line is doing now.
func (c *Line) KeyMap() cmdlineKeys {
	if c.Input {
		return c.Keys.forInput()
	}
	return c.Keys
}

// ShortHelp lists the command line's keys.
func (k cmdlineKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Run, k.Prev, k.Complete, k.ScrollUp, k.Close, k.Help}
}

// FullHelp lists them in one column.
func (k cmdlineKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Run, k.Prev, k.Complete, k.ScrollUp, k.EndInput, k.Close, k.Help}}
}

// outKind says how an output line is drawn.
type outKind int

// The kinds of output line.
const (
	outText    outKind = iota // what a command printed
	OutCommand                // the line as typed, after its prompt
	OutFailed                 // the line as typed, of a command that failed
	outHint                   // the sandbox's own explanation
	OutRecord                 // a record typed into the console producer
)

// outLine is one line of the output pane.
type outLine struct {
	Text string
	Kind outKind
}

// Line is the simulator's command line: a line editor with history and
// completion whose lines go to a sandbox session, over a scrollable pane of
// what they printed.
type Line struct {
	Keys    cmdlineKeys
	open    bool
	Line    []rune
	History *sandbox.History
	Out     []outLine
	Scroll  int  // lines scrolled back from the end
	Input   bool // a console producer reads records

	Sh         Shell
	AttachedTo *sim.Run // the run sh was attached to, for a scenario
	Busy       *Job     // the command running in slices, if any
}

func New() Line {
	return Line{Keys: NewKeys(), History: sandbox.NewHistory(cmdlineMaxHistory)}
}

// IsOpen reports whether the command line is showing.
func (c *Line) IsOpen() bool { return c.open }

// Close hides the command line.
func (c *Line) Close() { c.open = false }

// Open shows the command line.
func (c *Line) Open() {
	c.open, c.Scroll = true, 0
	if len(c.Out) == 0 {
		c.Say("Kafka's command-line tools run here against the simulated cluster: kafka-topics, kafka-console-producer,", outHint)
		c.Say("kafka-console-consumer, kafka-consumer-groups, kafka-configs. 'help' lists every command. esc closes.", outHint)
	}
}

// Say adds output lines, keeping the most recent.
func (c *Line) Say(text string, kind outKind) {
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		k := kind
		if kind == outText && strings.HasPrefix(l, "hint: ") {
			k = outHint
		}
		c.Out = append(c.Out, outLine{Text: l, Kind: k})
	}
	if n := len(c.Out) - cmdlineMaxOutput; n > 0 {
		c.Out = append(c.Out[:0], c.Out[n:]...)
	}
	c.Scroll = 0
}

// Show adds a command's result.
func (c *Line) Show(r Result) {
	if r.Output != "" {
		c.Say(r.Output, outText)
	}
	c.Input = r.InputMode
}

// Browse moves through the history by dir (-1 older, +1 newer).
func (c *Line) Browse(dir int) {
	var line string
	var ok bool
	if dir < 0 {
		line, ok = c.History.Prev(string(c.Line))
	} else {
		line, ok = c.History.Next()
	}
	if ok {
		c.Line = []rune(line)
	}
}

// Edit applies a typing key to the line.
func (c *Line) Edit(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyBackspace:
		if len(c.Line) > 0 {
			c.Line = c.Line[:len(c.Line)-1]
		}
	case tea.KeyCtrlU:
		c.Line = c.Line[:0]
	case tea.KeyCtrlW:
		s := strings.TrimRight(string(c.Line), " ")
		c.Line = []rune(s[:strings.LastIndex(s, " ")+1])
	case tea.KeyRunes, tea.KeySpace:
		runes := km.Runes
		if km.Type == tea.KeySpace && len(runes) == 0 {
			runes = []rune{' '}
		}
		for _, r := range runes {
			if len(c.Line) < cmdlineMaxRunes && r >= ' ' && r != 0x7f {
				c.Line = append(c.Line, r)
			}
		}
	}
}

// Complete applies the shell's completions: one is taken, several are
// listed and their common start is taken. A completion may be a whole line
// or the last word; both are understood.
func (c *Line) Complete(cands []string) {
	line := string(c.Line)
	word := line[strings.LastIndex(line, " ")+1:]
	full := make([]string, 0, len(cands))
	for _, cand := range cands {
		switch {
		case strings.HasPrefix(cand, line) && strings.Contains(cand, " ") && line != "":
			full = append(full, cand)
		case strings.HasPrefix(cand, word):
			full = append(full, line[:len(line)-len(word)]+cand)
		}
	}
	switch len(full) {
	case 0:
		return
	case 1:
		c.Line = []rune(full[0])
		if !strings.HasSuffix(full[0], "=") {
			c.Line = append(c.Line, ' ')
		}
		return
	}
	c.Line = []rune(commonPrefix(full))
	words := make([]string, len(full))
	for i, f := range full {
		words[i] = f[strings.LastIndex(f, " ")+1:]
	}
	c.Say(components.Sanitize(strings.Join(words, "  ")), outHint)
}

func commonPrefix(ss []string) string {
	p := ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}
