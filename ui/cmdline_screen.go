package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// openCmdline opens the command line, or says why it cannot.
func (m *simScreen) openCmdline() {
	if _, why := m.shell(); why != "" {
		m.status = why
		return
	}
	m.cmdline.Open()
}

// updateCmdline handles a key or the mouse wheel while the command line
// is open: every key is text except its own.
func (m *simScreen) updateCmdline(msg tea.Msg) tea.Cmd {
	c, k := &m.cmdline, m.cmdline.keys
	if mm, ok := msg.(tea.MouseMsg); ok {
		switch mm.Button {
		case tea.MouseButtonWheelUp:
			c.scroll += 3
		case tea.MouseButtonWheelDown:
			c.scroll = max(c.scroll-3, 0)
		}
		return nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if c.busy != nil { // a command is running: only stopping it is possible
		if key.Matches(km, k.Close) || km.Type == tea.KeyCtrlC || km.Type == tea.KeyCtrlD || km.String() == "q" {
			m.interruptJob()
		}
		return nil
	}
	sh, why := m.shell()
	if sh == nil {
		c.open, m.status = false, why
		return nil
	}
	page := max(m.cmdlinePaneHeight()-3, 1)
	switch {
	case key.Matches(km, k.Close), key.Matches(km, k.EndInput), km.Type == tea.KeyCtrlC:
		m.cmdlineStop(sh, km)
	case key.Matches(km, k.Run):
		return m.cmdlineRun(sh)
	case key.Matches(km, k.Prev):
		c.browse(-1)
	case key.Matches(km, k.Next):
		c.browse(1)
	case key.Matches(km, k.Complete):
		c.complete(sh.Complete(string(c.line)))
	case key.Matches(km, k.ScrollUp):
		c.scroll += page
	case key.Matches(km, k.ScrollDown):
		c.scroll = max(c.scroll-page, 0)
	default:
		c.Edit(km)
	}
	return nil
}

// cmdlineStop is esc, ctrl+d or ctrl+c: they end a console producer's
// input; otherwise esc closes the command line and ctrl+c drops the line.
func (m *simScreen) cmdlineStop(sh cmdShell, km tea.KeyMsg) {
	c := &m.cmdline
	switch {
	case c.input:
		c.show(sh.EndInput())
		m.afterShell()
	case km.Type == tea.KeyCtrlC:
		c.say("$ "+components.Sanitize(string(c.line))+"^C", outCommand)
		c.line = c.line[:0]
	case key.Matches(km, c.keys.Close):
		c.open = false
	}
}

// cmdlineRun sends the typed line to the session: a command, or a record
// while a console producer reads.
func (m *simScreen) cmdlineRun(sh cmdShell) tea.Cmd {
	c := &m.cmdline
	line := string(c.line)
	c.line = c.line[:0]
	if c.input {
		c.say(">"+components.Sanitize(line), outRecord)
		c.history.Add(line)
		return m.startJob(sh, func() cmdResult { return sh.Exec(line) }, func(r cmdResult) {
			c.show(r)
			m.afterShell()
		})
	}
	c.say("$ "+components.Sanitize(line), outCommand)
	c.history.Add(strings.TrimSpace(line))
	switch strings.TrimSpace(line) {
	case "clear":
		c.out = c.out[:0]
		return nil
	case "exit":
		c.open = false
		return nil
	}
	typed := len(c.out) - 1
	return m.startJob(sh, func() cmdResult { return sh.Exec(line) }, func(r cmdResult) {
		if r.Err && typed < len(c.out) && c.out[typed].Kind == outCommand {
			c.out[typed].Kind = outFailed
		}
		c.show(r)
		m.afterShell()
	})
}

// afterShell shows what the command did to the run: new events, a new
// snapshot, and its commands on the timeline.
func (m *simScreen) afterShell() {
	if m.run == nil {
		return
	}
	m.syncHand()
	m.absorbNew(false)
	m.refresh()
}

// syncHand takes the run's own record of the commands given by hand, so
// the timeline marks and a shared run include those typed here.
func (m *simScreen) syncHand() {
	if l, ok := m.run.(interface{ Commands() []sim.Applied }); ok {
		m.hand = append([]sim.Applied(nil), l.Commands()...)
	}
}
