package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"kafkasim/ui/components"
)

// whatIfProgress is how far a what-if's branches got: branch A (side 0)
// runs to UntilMs, then branch B (side 1) does.
type whatIfProgress struct {
	Side    int
	NowMs   int64
	UntilMs int64
}

// line says it: "branch B (what if) 12.5s of 50s ███░░░ 62%".
func (p *whatIfProgress) line() string {
	name := "branch A (as played)"
	if p.Side == 1 {
		name = "branch B (what if)"
	}
	done, total := int64(p.Side)*p.UntilMs+p.NowMs, 2*p.UntilMs
	return name + " at " + components.FmtMs(p.NowMs) + " of " + components.FmtMs(p.UntilMs) + " " + bar(done, total, 20) + " " + percent(done, total)
}

// startWhatIf runs the branches the what-if asked for as the screen's
// job, in slices: keys are answered between them and esc calls the
// what-if off, leaving the run as it was (the branches are simulations of
// their own; the screen's run is never touched).
func (m *simScreen) startWhatIf(req whatIfRequest) tea.Cmd {
	if req.Gen != m.whatif.gen || m.whatif.stage != wiRunning {
		return nil // closed before it started
	}
	prog := &whatIfProgress{UntilMs: req.UntilMs}
	m.whatif.progress = prog
	var res whatIfResult
	var done bool
	work := func(pause func() bool) {
		res, done = runWhatIf(req, func(side int, nowMs int64) bool {
			prog.Side, prog.NowMs = side, nowMs
			return pause()
		})
	}
	after := func() {
		m.whatif.progress = nil
		if !done {
			m.whatif = m.whatif.close()
			m.status = "what-if called off: the run is as it was"
			return
		}
		m.whatif = m.whatif.Done(whatIfDoneMsg{Result: res})
	}
	return m.startEngineJob(work, after, prog.line)
}
