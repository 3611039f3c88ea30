package simview

import (
	"strings"

	"kafkasim/ui/components"
)

// SetSize records the terminal size and lays the panes out.
func (m *Screen) SetSize(w, h int) {
	m.W, m.H = w, h
	m.layout()
}

// layout places the panes for the current size and snapshot.
func (m *Screen) layout() {
	need := needsOf(&m.Snap, m.focus())
	need.covered = m.covered
	m.Lay = computeLayout(m.W, m.H, need)
	if m.Lay.TooSmall {
		return
	}
	if m.Lay.compact {
		m.cluster.SetSize(m.W, m.H-1)
		return
	}
	l := m.Lay
	m.cluster.SetSize(l.Cluster.W, l.Cluster.H)
	m.Logs.SetSize(l.Logs.W, l.Logs.H)
	m.Groups.SetSize(l.Groups.W, l.Groups.H)
	m.Producers.SetSize(l.producers.W, l.producers.H)
	m.Ledger.SetSize(l.ledger.W, l.ledger.H)
	m.narration.SetSize(l.narration.W, l.narration.H)
	m.Timeline.SetSize(l.Timeline.W, l.Timeline.H)
	m.Drill.SetSize(l.drill.W, l.drill.H)
	m.help.Width = l.footer.W
}

// View draws the whole simulator screen.
func (m *Screen) View() string {
	if m.Lay.TooSmall {
		return components.TooSmallView(m.st, m.W, m.H)
	}
	if m.Lay.compact && m.Fatal == nil {
		return m.compactView()
	}
	if m.Fatal != nil {
		lines := []string{m.st.Error.Render("cannot start the scenario"), components.Sanitize(m.Fatal.Error()), "", m.st.Faint.Render("esc back · q quit")}
		return strings.Join(components.Block(lines, m.W, m.H), "\n")
	}
	if m.Whatif.IsOpen() {
		return m.whatIfView()
	}
	lines := m.bodyLines()
	switch {
	case m.Menu.IsOpen():
		lines = components.Overlay(lines, m.Menu.View(m.st, m.H), m.W)
	case m.Prompt.IsOpen():
		lines = components.Overlay(lines, m.Prompt.View(m.st), m.W)
	case m.Cmdline.IsOpen():
		lines = m.withCmdline(lines)
	}
	if m.Job != nil && len(lines) == m.H { // a seek runs: its progress is the footer
		lines[m.H-1] = components.Fit(m.st.Note.Render(" "+m.Job.JobLine()+" "), m.W)
	}
	return strings.Join(lines, "\n")
}

// bodyLines draws every pane into m.h lines of m.w cells.
func (m *Screen) bodyLines() []string {
	if !m.holdsShown() {
		m.holdAll() // resized or scrolled since the frame's snapshot
	}
	st, l, snap, hot := m.st, m.Lay, &m.Snap, m.Hot
	out := make([]string, 0, m.H)
	out = append(out, components.RenderHeader(st, m.W, m.headerInfo()))
	gap := func(h int) []string { return components.Block(nil, 1, h) }
	m.Logs.group = m.Groups.focusGroup(snap)
	cluster := m.cluster.Render(st, snap, hot)
	logs := m.Logs.Render(st, snap, hot)
	groups := m.Groups.Render(st, snap, hot)
	producers := m.Producers.Render(st, snap, hot)
	ledger := m.Ledger.Render(st, snap)
	events := m.Events
	if m.Job != nil || m.Cmdline.Busy != nil {
		// A job steps the run between frames, and a kept window of events
		// moves within its array as it goes (sim.Run.KeepEvents): the list
		// read before the job may no longer hold what it held.
		events = m.Run.Events()
	}
	narration := m.narration.Render(st, events, m.Note, components.FirstParagraph(m.Spec.Description), m.Run.StepCount())
	var drill []string
	if m.Drill.IsOpen() {
		drill = m.Drill.Render(st)
	}
	switch {
	case l.wide:
		left := append(cluster, logs...)
		right := append(append(producers, groups...), ledger...)
		if drill != nil { // the list takes the clients' column
			right = drill
		}
		out = append(out, components.SideBySide(left, gap(len(left)), right)...)
		out = append(out, narration...)
	case drill != nil: // the list takes the rows under the logs
		out = append(out, components.SideBySide(cluster, gap(l.Cluster.H), producers)...)
		out = append(out, logs...)
		out = append(out, drill...)
	default:
		out = append(out, components.SideBySide(cluster, gap(l.Cluster.H), producers)...)
		out = append(out, logs...)
		out = append(out, components.SideBySide(groups, gap(l.Groups.H), ledger)...)
		out = append(out, narration...)
	}
	out = append(out, m.Timeline.Render(st, m.Run.Now(), m.Spec.DurationMs, m.Marks)...)
	keys := m.KeyMap.ShortHelp()
	if m.Drill.IsOpen() {
		keys = m.Drill.Keys().ShortHelp()
	}
	footer := m.help.ShortHelpView(keys)
	if m.Status != "" {
		footer = st.Note.Render(" "+components.Sanitize(m.Status)+" ") + " " + footer
	}
	out = append(out, components.Fit(footer, m.W))
	return components.Block(out, m.W, m.H)
}

// compactView is the screen below 80×24: the header, the cluster, and
// the delivery ledger under it, so a small terminal still shows the run.
func (m *Screen) compactView() string {
	st := m.st
	out := []string{components.RenderHeader(st, m.W, m.headerInfo())}
	need := needsOf(&m.Snap, focusGroups)
	phases := compactPhaseLines(st, &m.Snap, m.Hot, m.W, (m.H-2)/4)
	avail := m.H - 2 - len(phases)
	ledgerH := clampInt(need.ledger, 0, avail/2)
	strips, tokens := need.clusterAt(m.W)
	clusterH := avail - ledgerH
	switch {
	case strips <= clusterH:
		clusterH = strips
	case tokens <= clusterH:
		clusterH = tokens
	}
	ledgerH = clampInt(need.ledger, 0, avail-clusterH) // what the cluster left
	m.Ledger.SetSize(m.W, ledgerH)
	m.cluster.SetSize(m.W, clusterH)
	out = append(out, m.cluster.Render(st, &m.Snap, m.Hot)...)
	out = append(out, phases...) // a rebalance's phases, which no other pane shows here
	if ledgerH > 0 {
		out = append(out, m.Ledger.Render(st, &m.Snap)...)
	}
	out = components.Block(out, m.W, m.H-1)
	out = append(out, components.Fit(st.Faint.Render("compact view: "+components.Itoa(m.W)+"×"+components.Itoa(m.H)+" · 80×24 shows every pane · space play · q quit"), m.W))
	return strings.Join(out, "\n")
}

// headerInfo is what the header shows of the run; a live run has no end
// and its own speed (live_screen.go).
func (m *Screen) headerInfo() components.HeaderInfo {
	h := components.HeaderInfo{Title: m.Spec.Title, NowMs: m.Run.Now(), Step: m.Run.StepCount(), Speed: Speeds[m.Speed].Label,
		Playing: m.Playing, Ended: m.Run.NextAt() < 0, Seed: m.Spec.Seed}
	if m.live != nil {
		m.liveHeader(&h)
	}
	return h
}
