package ui

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

// cmdlineKeys drive the command line. Every other key is text.
type cmdlineKeys struct {
	Run, Prev, Next, Complete key.Binding
	ScrollUp, ScrollDown      key.Binding
	EndInput, Close           key.Binding
	Help                      key.Binding // ? is text here
}

func newCmdlineKeys() cmdlineKeys {
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

// keyMap is the help for what the command line is doing now.
func (c *cmdline) keyMap() cmdlineKeys {
	if c.input {
		return c.keys.forInput()
	}
	return c.keys
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
	outCommand                // the line as typed, after its prompt
	outFailed                 // the line as typed, of a command that failed
	outHint                   // the sandbox's own explanation
	outRecord                 // a record typed into the console producer
)

// outLine is one line of the output pane.
type outLine struct {
	Text string
	Kind outKind
}

// cmdline is the simulator's command line: a line editor with history and
// completion whose lines go to a sandbox session, over a scrollable pane of
// what they printed.
type cmdline struct {
	keys    cmdlineKeys
	open    bool
	line    []rune
	history *sandbox.History
	out     []outLine
	scroll  int  // lines scrolled back from the end
	input   bool // a console producer reads records

	sh         cmdShell
	attachedTo *sim.Run // the run sh was attached to, for a scenario
	busy       *cmdJob  // the command running in slices, if any
}

func newCmdline() cmdline {
	return cmdline{keys: newCmdlineKeys(), history: sandbox.NewHistory(cmdlineMaxHistory)}
}

// IsOpen reports whether the command line is showing.
func (c *cmdline) IsOpen() bool { return c.open }

// Open shows the command line.
func (c *cmdline) Open() {
	c.open, c.scroll = true, 0
	if len(c.out) == 0 {
		c.say("Kafka's command-line tools run here against the simulated cluster: kafka-topics, kafka-console-producer,", outHint)
		c.say("kafka-console-consumer, kafka-consumer-groups, kafka-configs. 'help' lists every command. esc closes.", outHint)
	}
}

// say adds output lines, keeping the most recent.
func (c *cmdline) say(text string, kind outKind) {
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		k := kind
		if kind == outText && strings.HasPrefix(l, "hint: ") {
			k = outHint
		}
		c.out = append(c.out, outLine{Text: l, Kind: k})
	}
	if n := len(c.out) - cmdlineMaxOutput; n > 0 {
		c.out = append(c.out[:0], c.out[n:]...)
	}
	c.scroll = 0
}

// show adds a command's result.
func (c *cmdline) show(r cmdResult) {
	if r.Output != "" {
		c.say(r.Output, outText)
	}
	c.input = r.InputMode
}

// browse moves through the history by dir (-1 older, +1 newer).
func (c *cmdline) browse(dir int) {
	var line string
	var ok bool
	if dir < 0 {
		line, ok = c.history.Prev(string(c.line))
	} else {
		line, ok = c.history.Next()
	}
	if ok {
		c.line = []rune(line)
	}
}

// Edit applies a typing key to the line.
func (c *cmdline) Edit(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyBackspace:
		if len(c.line) > 0 {
			c.line = c.line[:len(c.line)-1]
		}
	case tea.KeyCtrlU:
		c.line = c.line[:0]
	case tea.KeyCtrlW:
		s := strings.TrimRight(string(c.line), " ")
		c.line = []rune(s[:strings.LastIndex(s, " ")+1])
	case tea.KeyRunes, tea.KeySpace:
		runes := km.Runes
		if km.Type == tea.KeySpace && len(runes) == 0 {
			runes = []rune{' '}
		}
		for _, r := range runes {
			if len(c.line) < cmdlineMaxRunes && r >= ' ' && r != 0x7f {
				c.line = append(c.line, r)
			}
		}
	}
}

// complete applies the shell's completions: one is taken, several are
// listed and their common start is taken. A completion may be a whole line
// or the last word; both are understood.
func (c *cmdline) complete(cands []string) {
	line := string(c.line)
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
		c.line = []rune(full[0])
		if !strings.HasSuffix(full[0], "=") {
			c.line = append(c.line, ' ')
		}
		return
	}
	c.line = []rune(commonPrefix(full))
	words := make([]string, len(full))
	for i, f := range full {
		words[i] = f[strings.LastIndex(f, " ")+1:]
	}
	c.say(components.Sanitize(strings.Join(words, "  ")), outHint)
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
