package simview

import (
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/internal/atomicfile"
	"kafkasim/scenarios"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
	"kafkasim/ui/whatif"
)

// openExportPrompt asks where to write the run as a scenario file.
func (m *Screen) openExportPrompt() {
	if m.Run == nil {
		return
	}
	m.Pause()
	hint := "a scenario file: the seed and " + whatif.Plural(len(m.Hand), "command") + " given by hand; kafkasim play FILE replays it"
	if m.live != nil {
		hint = "a scenario file of your clients' requests and your faults; kafkasim run FILE replays them"
	}
	m.Prompt = m.Prompt.Open("Share this run", hint, scenarios.ExportFileName(m.Spec.Name, m.Spec.Seed),
		func(v string) tea.Msg {
			if v == "" {
				return nil
			}
			return ExportPathMsg{Path: v}
		})
}

// exportTo writes the run to the path typed, first asking before it
// replaces a file that is already there.
func (m *Screen) exportTo(msg ExportPathMsg) tea.Cmd {
	if _, err := os.Lstat(msg.Path); err == nil && !msg.Overwrite {
		m.confirmOverwrite(msg.Path)
		return nil
	}
	return m.exportCmd(msg.Path)
}

// confirmOverwrite asks whether to replace path: y replaces it, another
// name is written instead (and checked in turn), esc or nothing gives up.
func (m *Screen) confirmOverwrite(path string) {
	m.Prompt = m.Prompt.Open("Replace "+components.Sanitize(path)+"?", "it exists: y and enter replace it; or type another file name",
		"", func(v string) tea.Msg {
			switch v {
			case "":
				return nil
			case "y", "Y", "yes":
				return ExportPathMsg{Path: path, Overwrite: true}
			}
			return ExportPathMsg{Path: v}
		})
}

// exportCmd writes the run off the UI goroutine. It builds its own
// simulations from copies; it never touches the screen's run.
func (m *Screen) exportCmd(path string) tea.Cmd {
	if m.live != nil {
		return m.liveExportCmd(path)
	}
	sc := simrun.ScenarioOf(m.Spec)
	seed := m.Spec.Seed
	hand := append([]sim.Applied(nil), m.Hand...)
	return func() tea.Msg {
		e, err := scenarios.ExportRun(sc, seed, hand)
		if err == nil {
			err = atomicfile.Write(path, e.Data, 0o644)
		}
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		return ExportDoneMsg{Path: path, Digest: e.Digest, Exact: e.Exact, Err: err}
	}
}

// exportDone shows where the run went, or why it did not.
func (m *Screen) exportDone(msg ExportDoneMsg) {
	switch {
	case msg.Err != nil:
		m.Status = "cannot share the run: " + msg.Err.Error()
	case !msg.Exact:
		m.Status = "wrote " + msg.Path + " · not an exact replay: the file explains why"
	default:
		m.Status = "wrote " + msg.Path + " · digest " + msg.Digest[:12] + "… (kafkasim run FILE prints the same)"
	}
}
