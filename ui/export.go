package ui

import (
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// openExportPrompt asks where to write the run as a scenario file.
func (m *simScreen) openExportPrompt() {
	if m.run == nil {
		return
	}
	m.pause()
	hint := "a scenario file: the seed and " + plural(len(m.hand), "command") + " given by hand; kafkasim play FILE replays it"
	if m.live != nil {
		hint = "a scenario file of your clients' requests and your faults; kafkasim run FILE replays them"
	}
	m.prompt = m.prompt.Open("Share this run", hint, scenarios.ExportFileName(m.spec.Name, m.spec.Seed),
		func(v string) tea.Msg {
			if v == "" {
				return nil
			}
			return exportPathMsg{Path: v}
		})
}

// exportTo writes the run to the path typed, first asking before it
// replaces a file that is already there.
func (m *simScreen) exportTo(msg exportPathMsg) tea.Cmd {
	if _, err := os.Lstat(msg.Path); err == nil && !msg.Overwrite {
		m.confirmOverwrite(msg.Path)
		return nil
	}
	return m.exportCmd(msg.Path)
}

// confirmOverwrite asks whether to replace path: y replaces it, another
// name is written instead (and checked in turn), esc or nothing gives up.
func (m *simScreen) confirmOverwrite(path string) {
	m.prompt = m.prompt.Open("Replace "+sanitize(path)+"?", "it exists: y and enter replace it; or type another file name",
		"", func(v string) tea.Msg {
			switch v {
			case "":
				return nil
			case "y", "Y", "yes":
				return exportPathMsg{Path: path, Overwrite: true}
			}
			return exportPathMsg{Path: v}
		})
}

// exportCmd writes the run off the UI goroutine. It builds its own
// simulations from copies; it never touches the screen's run.
func (m *simScreen) exportCmd(path string) tea.Cmd {
	if m.live != nil {
		return m.liveExportCmd(path)
	}
	sc := scenarioOf(m.spec)
	seed := m.spec.Seed
	hand := append([]sim.Applied(nil), m.hand...)
	return func() tea.Msg {
		e, err := scenarios.ExportRun(sc, seed, hand)
		if err == nil {
			err = writeFileAtomic(path, e.Data)
		}
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		return exportDoneMsg{Path: path, Digest: e.Digest, Exact: e.Exact, Err: err}
	}
}

// exportDone shows where the run went, or why it did not.
func (m *simScreen) exportDone(msg exportDoneMsg) {
	switch {
	case msg.Err != nil:
		m.status = "cannot share the run: " + msg.Err.Error()
	case !msg.Exact:
		m.status = "wrote " + msg.Path + " · not an exact replay: the file explains why"
	default:
		m.status = "wrote " + msg.Path + " · digest " + msg.Digest[:12] + "… (kafkasim run FILE prints the same)"
	}
}

// scenarioOf is the scenario the screen plays, as package scenarios holds it.
func scenarioOf(spec scenarioSpec) *scenarios.Scenario {
	cfg := spec.Config
	cfg.Seed = spec.Seed
	return &scenarios.Scenario{Name: spec.Name, File: spec.Name, Title: spec.Title, Description: spec.Description,
		Seed: spec.Seed, DurationMs: spec.DurationMs, Config: cfg, Timeline: spec.Timeline}
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
