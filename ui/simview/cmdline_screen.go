package simview

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
)

// OpenCmdline opens the command line, or says why it cannot.
func (m *Screen) OpenCmdline() {
	if _, why := m.shell(); why != "" {
		m.Status = why
		return
	}
	m.Cmdline.Open()
}

// updateCmdline handles a key or the mouse wheel while the command line
// is open: every key is text except its own.
func (m *Screen) updateCmdline(msg tea.Msg) tea.Cmd {
	c, k := &m.Cmdline, m.Cmdline.Keys
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
		m.Status = why
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
func (m *Screen) cmdlineStop(sh cmdline.Shell, km tea.KeyMsg) {
	c := &m.Cmdline
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
func (m *Screen) cmdlineRun(sh cmdline.Shell) tea.Cmd {
	c := &m.Cmdline
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
func (m *Screen) afterShell() {
	if m.Run == nil {
		return
	}
	m.syncHand()
	m.AbsorbNew(false)
	m.Refresh()
}

// syncHand takes the run's own record of the commands given by hand, so
// the timeline marks and a shared run include those typed here.
func (m *Screen) syncHand() {
	if l, ok := m.Run.(interface{ Commands() []sim.Applied }); ok {
		m.Hand = append([]sim.Applied(nil), l.Commands()...)
	}
}

// startJob runs work, a command on sh, in slices. It returns nil when the
// command ended within its first slice (after has then been called), or
// the message that runs the next slice.
func (m *Screen) startJob(sh cmdline.Shell, work func() cmdline.Result, after func(cmdline.Result)) tea.Cmd {
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
	m.Cmdline.Busy = j
	return j.Next()
}

// continueJob runs the next slice of the job the message belongs to.
func (m *Screen) continueJob(msg cmdline.SliceMsg) tea.Cmd {
	j := msg.Job
	if j == nil || (j != m.Cmdline.Busy && j != m.Job) {
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
func (m *Screen) endJob(j *cmdline.Job) {
	if m.Cmdline.Busy == j {
		m.Cmdline.Busy = nil
	}
	if m.Job == j {
		m.Job = nil
	}
	j.After()
}

// interruptJob is esc, ctrl+c or q while a command runs: it stops at the
// end of its slice, as Ctrl-C stops the real tool.
func (m *Screen) interruptJob() {
	if j := m.Cmdline.Busy; j != nil && !j.Stop {
		j.Stop = true
		m.Status = "stopping the command…"
	}
}

// cmdlinePaneHeight is how many lines the command line takes: the
// narration's place, and at least a good part of the screen.
func (m *Screen) cmdlinePaneHeight() int {
	return min(max(m.Lay.narration.H, m.H*2/5), m.H-4)
}

// withCmdline draws the command line over the lower part of the screen,
// above the timeline, and its keys in the footer.
func (m *Screen) withCmdline(lines []string) []string {
	h := m.cmdlinePaneHeight()
	top := m.H - 3 - h
	if top < 1 || len(lines) != m.H {
		return lines
	}
	copy(lines[top:], m.Cmdline.Render(m.st, m.W, h))
	if j := m.Cmdline.Busy; j != nil && m.Run != nil {
		lines[top+h-1] = components.Fit(m.st.Note.Render(" "+j.BusyLine(m.Run.Now())+" "), m.W)
	}
	footer := m.help.ShortHelpView(m.Cmdline.KeyMap().ShortHelp())
	if m.Status != "" {
		footer = m.st.Note.Render(" "+components.Sanitize(m.Status)+" ") + " " + footer
	}
	lines[m.H-1] = components.Fit(footer, m.W)
	return lines
}

// shell is the session behind the command line: the sandbox's own, or one
// attached to the scenario's run on first use. The text says why there is
// none.
func (m *Screen) shell() (cmdline.Shell, string) {
	if o, ok := m.Run.(interface{ Shell() cmdline.Shell }); ok {
		return o.Shell(), ""
	}
	sr, ok := m.Run.(simrun.Run)
	switch {
	case !ok:
		return nil, "this run has no command line"
	case m.Shells.Attach == nil:
		return nil, "the command line needs package sandbox, which is not wired in yet"
	}
	if m.Cmdline.AttachedTo != sr.R {
		m.Cmdline.Sh, m.Cmdline.AttachedTo = m.Shells.Attach(sr.R), sr.R
	}
	return m.Cmdline.Sh, ""
}
