package simview

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
func (m *Screen) Update(msg tea.Msg) tea.Cmd {
	if t, ok := msg.(motionTickMsg); ok {
		m.Hot.ticking = false
		if t.gen == m.Hot.gen && !m.Playing {
			m.Hot.Advance()
		}
		return m.Animate()
	}
	cmd := m.update(msg)
	// What moved since the last step lights up now, so its motion starts
	// with this frame rather than the next.
	m.observeMotion()
	return tea.Batch(cmd, m.Animate())
}

// observeMotion lets the move, commit and loss trackers compare this
// snapshot with the one they saw last; every played frame does it, so a
// highlight is always the change of the last frame, whoever drives play.
func (m *Screen) observeMotion() { m.observeInto(m.Hot, m.lostFates()) }

// RebaseTrackers makes the snapshot after a jump in time the one the
// trackers compare the next step with, lighting nothing: a jump is not a
// step, and what it would light would depend on where the run came from
// and on how the jump was cut into slices.
func (m *Screen) RebaseTrackers() {
	m.observeInto(NewAnim(), nil)
	m.Ledger.Lost.hot = m.Hot // Observe keeps the anim it was given
}

// observeInto feeds every tracker this snapshot, lighting hot.
func (m *Screen) observeInto(hot *Anim, fates func(string) []sim.RecordFate) {
	m.Groups.moves.observe(&m.Snap, hot)
	m.Logs.commits.observe(&m.Snap, hot)
	m.Logs.hws.observe(&m.Snap, hot)
	m.Ledger.Lost.Observe(&m.Snap, hot, fates)
}

// Animate schedules the next motion frame when a paused screen has motion
// left and no frame is on its way.
func (m *Screen) Animate() tea.Cmd {
	if m.Playing || m.Job != nil || m.Hot.ticking || !m.Hot.Moving() {
		return nil
	}
	m.Hot.ticking = true
	m.Hot.gen++
	gen := m.Hot.gen
	return FrameTick(motionInterval, func(time.Time) tea.Msg { return motionTickMsg{gen: gen} })
}

// lostFates lists a group's lost records with the engine's reasons, or is
// nil while a background job has the run.
func (m *Screen) lostFates() func(string) []sim.RecordFate {
	if m.Run == nil || m.Job != nil {
		return nil
	}
	return func(group string) []sim.RecordFate { return m.Run.Fates(group, sim.FateLost) }
}
