package simview

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/cmdline"
)

// startEngineJob runs work — a what-if, a seek — in slices as m.job, the
// way a sandbox command runs; progress describes how far it got. It
// returns nil when the work ended within its first slice (after has then
// been called), or the message that runs the next slice.
func (m *Screen) startEngineJob(work func(pause func() bool), after func(), progress func() string) tea.Cmd {
	m.cancelJob() // one job at a time
	j := cmdline.NewJob(work, after)
	j.Progress = progress
	if j.Step(true) {
		j.After()
		return nil
	}
	m.Job = j
	return j.Next()
}

// cancelJob calls the running what-if or seek off at once: the work stops
// at its next look at the clock (at most cmdline.EngineBatch steps), and its after
// puts the screen back as it was.
func (m *Screen) cancelJob() {
	j := m.Job
	if j == nil {
		return
	}
	j.Stop = true
	for !j.Step(false) {
	}
	m.endJob(j)
}

// updateJob handles a key or the mouse while a what-if or seek runs: esc
// calls it off; everything else waits. (q and ctrl+c quit, as anywhere.)
func (m *Screen) updateJob(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyMsg); ok && (km.Type == tea.KeyEsc || km.Type == tea.KeyCtrlC || km.String() == "q") {
		m.cancelJob()
	}
	return nil
}
