package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
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
	c, k := &m.cmdline, m.cmdline.Keys
	if mm, ok := msg.(tea.MouseMsg); ok {
		switch mm.Button {
		case tea.MouseButtonWheelUp:
			c.Scroll += 3
		case tea.MouseButtonWheelDown:
			c.Scroll = max(c.Scroll-3, 0)
		}
		return nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if c.Busy != nil { // a command is running: only stopping it is possible
		if key.Matches(km, k.Close) || km.Type == tea.KeyCtrlC || km.Type == tea.KeyCtrlD || km.String() == "q" {
			m.interruptJob()
		}
		return nil
	}
	sh, why := m.shell()
	if sh == nil {
		c.Close()
		m.status = why
		return nil
	}
	page := max(m.cmdlinePaneHeight()-3, 1)
	switch {
	case key.Matches(km, k.Close), key.Matches(km, k.EndInput), km.Type == tea.KeyCtrlC:
		m.cmdlineStop(sh, km)
	case key.Matches(km, k.Run):
		return m.cmdlineRun(sh)
	case key.Matches(km, k.Prev):
		c.Browse(-1)
	case key.Matches(km, k.Next):
		c.Browse(1)
	case key.Matches(km, k.Complete):
		c.Complete(sh.Complete(string(c.Line)))
	case key.Matches(km, k.ScrollUp):
		c.Scroll += page
	case key.Matches(km, k.ScrollDown):
		c.Scroll = max(c.Scroll-page, 0)
	default:
		c.Edit(km)
	}
	return nil
}

// cmdlineStop is esc, ctrl+d or ctrl+c: they end a console producer's
// input; otherwise esc closes the command line and ctrl+c drops the line.
func (m *simScreen) cmdlineStop(sh cmdline.Shell, km tea.KeyMsg) {
	c := &m.cmdline
	switch {
	case c.Input:
		c.Show(sh.EndInput())
		m.afterShell()
	case km.Type == tea.KeyCtrlC:
		c.Say("$ "+components.Sanitize(string(c.Line))+"^C", cmdline.OutCommand)
		c.Line = c.Line[:0]
	case key.Matches(km, c.Keys.Close):
		c.Close()
	}
}

// cmdlineRun sends the typed line to the session: a command, or a record
// while a console producer reads.
func (m *simScreen) cmdlineRun(sh cmdline.Shell) tea.Cmd {
	c := &m.cmdline
	line := string(c.Line)
	c.Line = c.Line[:0]
	if c.Input {
		c.Say(">"+components.Sanitize(line), cmdline.OutRecord)
		c.History.Add(line)
		return m.startJob(sh, func() cmdline.Result { return sh.Exec(line) }, func(r cmdline.Result) {
			c.Show(r)
			m.afterShell()
		})
	}
	c.Say("$ "+components.Sanitize(line), cmdline.OutCommand)
	c.History.Add(strings.TrimSpace(line))
	switch strings.TrimSpace(line) {
	case "clear":
		c.Out = c.Out[:0]
		return nil
	case "exit":
		c.Close()
		return nil
	}
	typed := len(c.Out) - 1
	return m.startJob(sh, func() cmdline.Result { return sh.Exec(line) }, func(r cmdline.Result) {
		if r.Err && typed < len(c.Out) && c.Out[typed].Kind == cmdline.OutCommand {
			c.Out[typed].Kind = cmdline.OutFailed
		}
		c.Show(r)
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

// startJob runs work, a command on sh, in slices. It returns nil when the
// command ended within its first slice (after has then been called), or
// the message that runs the next slice.
func (m *simScreen) startJob(sh cmdline.Shell, work func() cmdline.Result, after func(cmdline.Result)) tea.Cmd {
	p, ok := sh.(cmdline.Pauser)
	if !ok {
		after(work())
		return nil
	}
	var r cmdline.Result
	j := cmdline.NewJob(func(pause func() bool) {
		p.SetPause(pause)
		r = work()
		p.SetPause(nil)
	}, func() { after(r) })
	if j.Step(true) {
		j.After()
		return nil
	}
	m.cmdline.Busy = j
	return j.Next()
}

// continueJob runs the next slice of the job the message belongs to.
func (m *simScreen) continueJob(msg cmdline.SliceMsg) tea.Cmd {
	j := msg.Job
	if j == nil || (j != m.cmdline.Busy && j != m.job) {
		return nil
	}
	j.Frames++
	if !j.Step(!j.Stop) {
		return j.Next()
	}
	m.endJob(j)
	return nil
}

// endJob forgets a job that has ended and shows its outcome.
func (m *simScreen) endJob(j *cmdline.Job) {
	if m.cmdline.Busy == j {
		m.cmdline.Busy = nil
	}
	if m.job == j {
		m.job = nil
	}
	j.After()
}

// interruptJob is esc, ctrl+c or q while a command runs: it stops at the
// end of its slice, as Ctrl-C stops the real tool.
func (m *simScreen) interruptJob() {
	if j := m.cmdline.Busy; j != nil && !j.Stop {
		j.Stop = true
		m.status = "stopping the command…"
	}
}

// cmdlinePaneHeight is how many lines the command line takes: the
// narration's place, and at least a good part of the screen.
func (m *simScreen) cmdlinePaneHeight() int {
	return min(max(m.lay.narration.h, m.h*2/5), m.h-4)
}

// withCmdline draws the command line over the lower part of the screen,
// above the timeline, and its keys in the footer.
func (m *simScreen) withCmdline(lines []string) []string {
	h := m.cmdlinePaneHeight()
	top := m.h - 3 - h
	if top < 1 || len(lines) != m.h {
		return lines
	}
	copy(lines[top:], m.cmdline.Render(m.st, m.w, h))
	if j := m.cmdline.Busy; j != nil && m.run != nil {
		lines[top+h-1] = components.Fit(m.st.Note.Render(" "+j.BusyLine(m.run.Now())+" "), m.w)
	}
	footer := m.help.ShortHelpView(m.cmdline.KeyMap().ShortHelp())
	if m.status != "" {
		footer = m.st.Note.Render(" "+components.Sanitize(m.status)+" ") + " " + footer
	}
	lines[m.h-1] = components.Fit(footer, m.w)
	return lines
}

// shell is the session behind the command line: the sandbox's own, or one
// attached to the scenario's run on first use. The text says why there is
// none.
func (m *simScreen) shell() (cmdline.Shell, string) {
	if o, ok := m.run.(interface{ Shell() cmdline.Shell }); ok {
		return o.Shell(), ""
	}
	sr, ok := m.run.(simrun.Run)
	switch {
	case !ok:
		return nil, "this run has no command line"
	case m.shells.Attach == nil:
		return nil, "the command line needs package sandbox, which is not wired in yet"
	}
	if m.cmdline.AttachedTo != sr.R {
		m.cmdline.Sh, m.cmdline.AttachedTo = m.shells.Attach(sr.R), sr.R
	}
	return m.cmdline.Sh, ""
}
