package simview

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
)

// whatIfView draws the screen while the what-if is open: the comparison,
// or the simulator with the chooser over it.
func (m *Screen) whatIfView() string {
	if m.Whatif.FullScreen() {
		footer := m.help.ShortHelpView(m.Whatif.KeyMap.ShortHelp())
		return strings.Join(m.Whatif.ResultView(m.st, m.W, m.H, footer, whatIfLedger), "\n")
	}
	return strings.Join(components.Overlay(m.bodyLines(), m.Whatif.BoxView(m.st, m.H), m.W), "\n")
}

// openWhatIf pauses and starts choosing a what-if at the current time.
func (m *Screen) openWhatIf() {
	if m.Run == nil {
		return
	}
	m.Pause()
	m.Whatif = m.Whatif.Open(m.Spec, m.Hand, m.Run.Now())
}

// startWhatIf runs the branches the what-if asked for as the screen's
// job, in slices: keys are answered between them and esc calls the
// what-if off, leaving the run as it was (the branches are simulations of
// their own; the screen's run is never touched).
func (m *Screen) startWhatIf(req whatif.Request) tea.Cmd {
	if req.Gen != m.Whatif.Gen || m.Whatif.Stage != whatif.WiRunning {
		return nil // closed before it started
	}
	prog := &whatif.Progress{UntilMs: req.UntilMs}
	m.Whatif.Progress = prog
	var res whatif.Result
	var done bool
	work := func(pause func() bool) {
		res, done = whatif.Run(req, func(side int, nowMs int64) bool {
			prog.Side, prog.NowMs = side, nowMs
			return pause()
		})
	}
	after := func() {
		m.Whatif.Progress = nil
		if !done {
			m.Whatif = m.Whatif.Close()
			m.Status = "what-if called off: the run is as it was"
			return
		}
		m.Whatif = m.Whatif.Done(whatif.DoneMsg{Result: res})
	}
	return m.startEngineJob(work, after, prog.Line)
}

// whatIfLedger draws a what-if branch's ledger with the ledger pane.
func whatIfLedger(st *theme.Styles, l sim.LedgerSummary, w, h int) []string {
	lp := NewLedgerPane()
	lp.SetSize(w, h)
	return lp.Render(st, &sim.Snapshot{Ledger: l})
}
