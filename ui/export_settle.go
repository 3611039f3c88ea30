package ui

import tea "github.com/charmbracelet/bubbletea"

// maxSettleSteps bounds the steps settle may run looking for a free
// millisecond; past it the fault is given where the run stands.
const maxSettleSteps = 10_000

// settle moves the run to a millisecond in which nothing has happened yet
// and nothing is queued, one millisecond or a little more ahead. A fault
// given there is the first thing in its millisecond, exactly as a scenario
// timeline entry at that time would be, so a shared run (x) replays it
// exactly. Given in a busy millisecond, after other happenings of the same
// time, it could not be written back in the same place.
func (m *simScreen) settle() {
	for range maxSettleSteps {
		next := m.run.NextAt()
		if next < 0 || next > m.run.Now()+1 {
			m.run.RunUntil(m.run.Now() + 1)
			return
		}
		m.run.Step()
	}
}

// injectSettled gives a fault chosen in the menu at the next free
// millisecond; see settle.
func (m *simScreen) injectSettled(msg faultChosenMsg) tea.Cmd {
	if m.run != nil {
		m.settle()
	}
	return m.inject(msg.Cmd)
}
