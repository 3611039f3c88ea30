package ui

import (
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

// tooSmallView asks for a bigger terminal.
func tooSmallView(st *Styles, w, h int) string {
	msg := []string{
		st.TooSmall.Render("make the terminal at least 80×24"),
		st.Faint.Render("now " + itoa(w) + "×" + itoa(h) + " · q quits"),
	}
	if w < 34 {
		msg = []string{"need 80×24", itoa(w) + "×" + itoa(h)}
	}
	return strings.Join(block(msg, max(w, 1), max(min(h, 2), 1)), "\n")
}

// View draws the whole simulator screen.
func (m *simScreen) View() string {
	if m.lay.tooSmall {
		return tooSmallView(m.st, m.w, m.h)
	}
	if m.lay.compact && m.fatal == nil {
		return m.compactView()
	}
	if m.fatal != nil {
		lines := []string{m.st.Error.Render("cannot start the scenario"), sanitize(m.fatal.Error()), "", m.st.Faint.Render("esc back · q quit")}
		return strings.Join(block(lines, m.w, m.h), "\n")
	}
	if m.whatif.IsOpen() {
		return m.whatIfView()
	}
	lines := m.bodyLines()
	switch {
	case m.menu.IsOpen():
		lines = overlay(lines, m.menu.View(m.st, m.h), m.w)
	case m.prompt.IsOpen():
		lines = overlay(lines, m.prompt.View(m.st), m.w)
	case m.cmdline.IsOpen():
		lines = m.withCmdline(lines)
	}
	if m.job != nil && len(lines) == m.h { // a seek runs: its progress is the footer
		lines[m.h-1] = fit(m.st.Note.Render(" "+m.job.jobLine()+" "), m.w)
	}
	return strings.Join(lines, "\n")
}

// bodyLines draws every pane into m.h lines of m.w cells.
func (m *simScreen) bodyLines() []string {
	st, l, snap, hot := m.st, m.lay, &m.snap, m.hot
	out := make([]string, 0, m.h)
	out = append(out, renderHeader(st, m.w, m.headerInfo()))
	gap := func(h int) []string { return block(nil, 1, h) }
	m.logs.group = m.groups.focusGroup(snap)
	cluster := m.cluster.render(st, snap, hot)
	logs := m.logs.render(st, snap, hot)
	groups := m.groups.render(st, snap, hot)
	producers := m.producers.render(st, snap, hot)
	ledger := m.ledger.render(st, snap)
	narration := m.narration.render(st, m.events, m.note, firstParagraph(m.spec.Description), m.run.StepCount())
	var drill []string
	if m.drill.IsOpen() {
		drill = m.drill.render(st)
	}
	switch {
	case l.wide:
		left := append(cluster, logs...)
		right := append(append(producers, groups...), ledger...)
		if drill != nil { // the list takes the clients' column
			right = drill
		}
		out = append(out, sideBySide(left, gap(len(left)), right)...)
		out = append(out, narration...)
	case drill != nil: // the list takes the rows under the logs
		out = append(out, sideBySide(cluster, gap(l.cluster.h), producers)...)
		out = append(out, logs...)
		out = append(out, drill...)
	default:
		out = append(out, sideBySide(cluster, gap(l.cluster.h), producers)...)
		out = append(out, logs...)
		out = append(out, sideBySide(groups, gap(l.groups.h), ledger)...)
		out = append(out, narration...)
	}
	out = append(out, m.timeline.render(st, m.run.Now(), m.spec.DurationMs, m.marks)...)
	keys := m.keys.ShortHelp()
	if m.drill.IsOpen() {
		keys = m.drill.Keys().ShortHelp()
	}
	footer := m.help.ShortHelpView(keys)
	if m.status != "" {
		footer = st.Note.Render(" "+sanitize(m.status)+" ") + " " + footer
	}
	out = append(out, fit(footer, m.w))
	return block(out, m.w, m.h)
}

// compactView is the screen below 80×24: the header, the cluster, and
// the delivery ledger under it, so a small terminal still shows the run.
func (m *simScreen) compactView() string {
	st := m.st
	out := []string{renderHeader(st, m.w, m.headerInfo())}
	need := needsOf(&m.snap, focusGroups)
	phases := compactPhaseLines(st, &m.snap, m.hot, m.w, (m.h-2)/4)
	avail := m.h - 2 - len(phases)
	ledgerH := clampInt(need.ledger, 0, avail/2)
	strips, tokens := need.clusterAt(m.w)
	clusterH := avail - ledgerH
	switch {
	case strips <= clusterH:
		clusterH = strips
	case tokens <= clusterH:
		clusterH = tokens
	}
	ledgerH = clampInt(need.ledger, 0, avail-clusterH) // what the cluster left
	m.ledger.SetSize(m.w, ledgerH)
	m.cluster.SetSize(m.w, clusterH)
	out = append(out, m.cluster.render(st, &m.snap, m.hot)...)
	out = append(out, phases...) // a rebalance's phases, which no other pane shows here
	if ledgerH > 0 {
		out = append(out, m.ledger.render(st, &m.snap)...)
	}
	out = block(out, m.w, m.h-1)
	out = append(out, fit(st.Faint.Render("compact view: "+itoa(m.w)+"×"+itoa(m.h)+" · 80×24 shows every pane · space play · q quit"), m.w))
	return strings.Join(out, "\n")
}

// headerInfo is what the header shows of the run; a live run has no end
// and its own speed (live_screen.go).
func (m *simScreen) headerInfo() headerInfo {
	h := headerInfo{Title: m.spec.Title, NowMs: m.run.Now(), Step: m.run.StepCount(), Speed: speeds[m.speed].Label,
		Playing: m.playing, Ended: m.run.NextAt() < 0, Seed: m.spec.Seed}
	if m.live != nil {
		m.liveHeader(&h)
	}
	return h
}
