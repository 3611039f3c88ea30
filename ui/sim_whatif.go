package ui

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// whatIfView draws the screen while the what-if is open: the comparison,
// or the simulator with the chooser over it.
func (m *simScreen) whatIfView() string {
	if m.whatif.FullScreen() {
		footer := m.help.ShortHelpView(m.whatif.KeyMap.ShortHelp())
		return strings.Join(m.whatif.ResultView(m.st, m.w, m.h, footer, whatIfLedger), "\n")
	}
	return strings.Join(components.Overlay(m.bodyLines(), m.whatif.BoxView(m.st, m.h), m.w), "\n")
}

// openWhatIf pauses and starts choosing a what-if at the current time.
func (m *simScreen) openWhatIf() {
	if m.run == nil {
		return
	}
	m.pause()
	m.whatif = m.whatif.Open(m.spec, m.hand, m.run.Now())
}

// startWhatIf runs the branches the what-if asked for as the screen's
// job, in slices: keys are answered between them and esc calls the
// what-if off, leaving the run as it was (the branches are simulations of
// their own; the screen's run is never touched).
func (m *simScreen) startWhatIf(req whatif.Request) tea.Cmd {
	if req.Gen != m.whatif.Gen || m.whatif.Stage != whatif.WiRunning {
		return nil // closed before it started
	}
	prog := &whatif.Progress{UntilMs: req.UntilMs}
	m.whatif.Progress = prog
	var res whatif.Result
	var done bool
	work := func(pause func() bool) {
		res, done = whatif.Run(req, func(side int, nowMs int64) bool {
			prog.Side, prog.NowMs = side, nowMs
			return pause()
		})
	}
	after := func() {
		m.whatif.Progress = nil
		if !done {
			m.whatif = m.whatif.Close()
			m.status = "what-if called off: the run is as it was"
			return
		}
		m.whatif = m.whatif.Done(whatif.DoneMsg{Result: res})
	}
	return m.startEngineJob(work, after, prog.Line)
}

// whatIfLedger draws a what-if branch's ledger with the ledger pane.
func whatIfLedger(st *theme.Styles, l sim.LedgerSummary, w, h int) []string {
	lp := newLedgerPane()
	lp.SetSize(w, h)
	return lp.Render(st, &sim.Snapshot{Ledger: l})
}
