package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
)

// motionInterval is the real time between animation frames while paused:
// a step's motion (a batch travelling, an offset sliding, records
// crumbling) plays in motionFrames of them, then the screen is still.
const motionInterval = 60 * time.Millisecond

// motionTickMsg draws the next frame of a paused screen's motion.
type motionTickMsg struct{ gen int }

// Update handles a message, then keeps a paused screen's motion going
// until it is done; playing, the frame ticks move it.
func (m *simScreen) Update(msg tea.Msg) tea.Cmd {
	if t, ok := msg.(motionTickMsg); ok {
		m.hot.ticking = false
		if t.gen == m.hot.gen && !m.playing {
			m.hot.advance()
		}
		return m.animate()
	}
	cmd := m.update(msg)
	// What moved since the last step lights up now, so its motion starts
	// with this frame rather than the next.
	m.observeMotion()
	return tea.Batch(cmd, m.animate())
}

// observeMotion lets the move, commit and loss trackers compare this
// snapshot with the one they saw last; every played frame does it, so a
// highlight is always the change of the last frame, whoever drives play.
func (m *simScreen) observeMotion() {
	m.groups.moves.observe(&m.snap, m.hot)
	m.logs.commits.observe(&m.snap, m.hot)
	m.logs.hws.observe(&m.snap, m.hot)
	m.ledger.lost.observe(&m.snap, m.hot, m.lostFates())
}

// animate schedules the next motion frame when a paused screen has motion
// left and no frame is on its way.
func (m *simScreen) animate() tea.Cmd {
	if m.playing || m.job != nil || m.hot.ticking || !m.hot.moving() {
		return nil
	}
	m.hot.ticking = true
	m.hot.gen++
	gen := m.hot.gen
	return frameTick(motionInterval, func(time.Time) tea.Msg { return motionTickMsg{gen: gen} })
}

// lostFates lists a group's lost records with the engine's reasons, or is
// nil while a background job has the run.
func (m *simScreen) lostFates() func(string) []sim.RecordFate {
	if m.run == nil || m.job != nil {
		return nil
	}
	return func(group string) []sim.RecordFate { return m.run.Fates(group, sim.FateLost) }
}
