package ui

import (
	"kafkasim/ui/components"
	"strings"
)

// SetSize records the terminal size and lays the panes out.
func (m *simScreen) SetSize(w, h int) {
	m.w, m.h = w, h
	m.layout()
}

// layout places the panes for the current size and snapshot.
func (m *simScreen) layout() {
	m.lay = computeLayout(m.w, m.h, needsOf(&m.snap, scenarioFocus(m.spec.Config, m.spec.Timeline)))
	if m.lay.tooSmall {
		return
	}
	if m.lay.compact {
		m.cluster.SetSize(m.w, m.h-1)
		return
	}
	l := m.lay
	m.cluster.SetSize(l.cluster.w, l.cluster.h)
	m.logs.SetSize(l.logs.w, l.logs.h)
	m.groups.SetSize(l.groups.w, l.groups.h)
	m.producers.SetSize(l.producers.w, l.producers.h)
	m.ledger.SetSize(l.ledger.w, l.ledger.h)
	m.narration.SetSize(l.narration.w, l.narration.h)
	m.timeline.SetSize(l.timeline.w, l.timeline.h)
	m.drill.SetSize(l.drill.w, l.drill.h)
	m.help.Width = l.footer.w
}

// View draws the whole simulator screen.
func (m *simScreen) View() string {
	if m.lay.tooSmall {
		return components.TooSmallView(m.st, m.w, m.h)
	}
	if m.lay.compact && m.fatal == nil {
		return m.compactView()
	}
	if m.fatal != nil {
		lines := []string{m.st.Error.Render("cannot start the scenario"), components.Sanitize(m.fatal.Error()), "", m.st.Faint.Render("esc back · q quit")}
		return strings.Join(components.Block(lines, m.w, m.h), "\n")
	}
	if m.whatif.IsOpen() {
		return m.whatIfView()
	}
	lines := m.bodyLines()
	switch {
	case m.menu.IsOpen():
		lines = components.Overlay(lines, m.menu.View(m.st, m.h), m.w)
	case m.prompt.IsOpen():
		lines = components.Overlay(lines, m.prompt.View(m.st), m.w)
	case m.cmdline.IsOpen():
		lines = m.withCmdline(lines)
	}
	if m.job != nil && len(lines) == m.h { // a seek runs: its progress is the footer
		lines[m.h-1] = components.Fit(m.st.Note.Render(" "+m.job.JobLine()+" "), m.w)
	}
	return strings.Join(lines, "\n")
}

// bodyLines draws every pane into m.h lines of m.w cells.
func (m *simScreen) bodyLines() []string {
	st, l, snap, hot := m.st, m.lay, &m.snap, m.hot
	out := make([]string, 0, m.h)
	out = append(out, components.RenderHeader(st, m.w, m.headerInfo()))
	gap := func(h int) []string { return components.Block(nil, 1, h) }
	m.logs.group = m.groups.focusGroup(snap)
	cluster := m.cluster.Render(st, snap, hot)
	logs := m.logs.Render(st, snap, hot)
	groups := m.groups.Render(st, snap, hot)
	producers := m.producers.Render(st, snap, hot)
	ledger := m.ledger.Render(st, snap)
	narration := m.narration.Render(st, m.events, m.note, components.FirstParagraph(m.spec.Description), m.run.StepCount())
	var drill []string
	if m.drill.IsOpen() {
		drill = m.drill.Render(st)
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
		out = append(out, components.SideBySide(cluster, gap(l.cluster.h), producers)...)
		out = append(out, logs...)
		out = append(out, drill...)
	default:
		out = append(out, components.SideBySide(cluster, gap(l.cluster.h), producers)...)
		out = append(out, logs...)
		out = append(out, components.SideBySide(groups, gap(l.groups.h), ledger)...)
		out = append(out, narration...)
	}
	out = append(out, m.timeline.Render(st, m.run.Now(), m.spec.DurationMs, m.marks)...)
	keys := m.keys.ShortHelp()
	if m.drill.IsOpen() {
		keys = m.drill.Keys().ShortHelp()
	}
	footer := m.help.ShortHelpView(keys)
	if m.status != "" {
		footer = st.Note.Render(" "+components.Sanitize(m.status)+" ") + " " + footer
	}
	out = append(out, components.Fit(footer, m.w))
	return components.Block(out, m.w, m.h)
}

// compactView is the screen below 80×24: the header, the cluster, and
// the delivery ledger under it, so a small terminal still shows the run.
func (m *simScreen) compactView() string {
	st := m.st
	out := []string{components.RenderHeader(st, m.w, m.headerInfo())}
	need := needsOf(&m.snap, focusGroups)
	ledgerH := clampInt(need.ledger, 0, (m.h-2)/2)
	strips, tokens := need.clusterAt(m.w)
	clusterH := m.h - 2 - ledgerH
	switch {
	case strips <= clusterH:
		clusterH = strips
	case tokens <= clusterH:
		clusterH = tokens
	}
	m.ledger.SetSize(m.w, ledgerH)
	m.cluster.SetSize(m.w, clusterH)
	out = append(out, m.cluster.Render(st, &m.snap, m.hot)...)
	if ledgerH > 0 {
		out = append(out, m.ledger.Render(st, &m.snap)...)
	}
	out = components.Block(out, m.w, m.h-1)
	out = append(out, components.Fit(st.Faint.Render("compact view: "+components.Itoa(m.w)+"×"+components.Itoa(m.h)+" · 80×24 shows every pane · space play · q quit"), m.w))
	return strings.Join(out, "\n")
}

// headerInfo is what the header shows of the run; a live run has no end
// and its own speed (live_screen.go).
func (m *simScreen) headerInfo() components.HeaderInfo {
	h := components.HeaderInfo{Title: m.spec.Title, NowMs: m.run.Now(), Step: m.run.StepCount(), Speed: speeds[m.speed].Label,
		Playing: m.playing, Ended: m.run.NextAt() < 0, Seed: m.spec.Seed}
	if m.live != nil {
		m.liveHeader(&h)
	}
	return h
}
