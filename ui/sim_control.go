package ui

import (
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
)

// restart begins the scenario again from its config and seed. Faults
// injected by hand are forgotten.
func (m *simScreen) restart() {
	m.pause()
	m.hand, m.status, m.fatal = nil, "", nil
	m.hot.reset()
	run, err := m.start(m.spec)
	if err != nil {
		m.run, m.fatal = nil, err
		return
	}
	m.run = run
	m.afterSeek()
}

// pause stops playing; ticks already scheduled are dropped.
func (m *simScreen) pause() {
	m.playing = false
	m.gen++
	m.lastTick = time.Time{} // paused time is not played
}

func (m *simScreen) togglePlay() tea.Cmd {
	if m.run == nil {
		return nil
	}
	if m.playing {
		m.pause()
		return nil
	}
	if m.run.NextAt() < 0 {
		m.status = "nothing left to happen: r restarts, ← steps back"
		return nil
	}
	m.playing = true
	m.status = ""
	m.gen++
	return m.tick()
}

// setSpeed changes the playback speed and says what it means; a new
// generation keeps one tick chain.
func (m *simScreen) setSpeed(i int) tea.Cmd {
	m.speed = min(max(i, 0), len(speeds)-1)
	m.status = m.speedNote()
	m.gen++
	if m.playing {
		return m.tick()
	}
	return nil
}

// handleTick advances the engine by one frame of virtual time.
func (m *simScreen) handleTick(t tickMsg) tea.Cmd {
	if t.Gen != m.gen || !m.playing || m.run == nil || m.live != nil { // live: liveTick
		return nil
	}
	if m.cmdline.busy != nil {
		return m.tick() // a command owns the run until it ends
	}
	before := m.run.Now()
	target := before + speeds[m.speed].MsPerSec*m.frameElapsed(t.At).Microseconds()/1_000_000
	if d := m.spec.DurationMs; before < d {
		target = min(target, d) // stop on the scenario's end, not a frame past it
	}
	if t.At.IsZero() {
		m.advanceTo(target)
	} else {
		m.advanceWithin(target, time.Now().Add(frameWork))
	}
	m.hot.decay()
	m.absorbNew(false)
	m.refresh()
	m.observeMotion()
	if m.statusFrames--; m.statusFrames == 0 {
		m.status = "" // a message fades after a while of playing
	}
	d := m.spec.DurationMs
	switch {
	case m.run.NextAt() < 0:
		m.pause()
		m.status = "the run is over"
		return nil
	case d > 0 && before < d && m.run.Now() >= d:
		m.pause()
		m.status = "end of the scenario: space plays on, r restarts"
		return nil
	}
	return m.tick()
}

// advanceTo steps through everything due by targetMs, at most
// maxStepsPerFrame steps; the clock moves to targetMs only if all ran.
func (m *simScreen) advanceTo(targetMs int64) {
	for n := 0; n < maxStepsPerFrame; n++ {
		next := m.run.NextAt()
		if next < 0 || next > targetMs {
			m.run.RunUntil(targetMs)
			return
		}
		m.run.Step()
	}
}

// frameElapsed is the real time this frame stands for: since the last
// frame, or one frame interval for the first one and for ticks without a
// time.
func (m *simScreen) frameElapsed(at time.Time) time.Duration {
	last := m.lastTick
	m.lastTick = at
	if at.IsZero() || last.IsZero() || !at.After(last) {
		return frameInterval
	}
	return min(at.Sub(last), maxFrameGap)
}

// advanceWithin steps through everything due by targetMs until the
// deadline; the clock moves to targetMs only if all ran.
func (m *simScreen) advanceWithin(targetMs int64, deadline time.Time) {
	for n := 1; ; n++ {
		next := m.run.NextAt()
		if next < 0 || next > targetMs {
			m.run.RunUntil(targetMs)
			return
		}
		m.run.Step()
		if n%64 == 0 && time.Now().After(deadline) {
			return
		}
	}
}

// stepForward pauses and steps until at least one event is emitted, in
// slices (seek_job.go): esc stops it where it got.
func (m *simScreen) stepForward() tea.Cmd {
	if m.run == nil {
		return nil
	}
	m.pause()
	seen := endSeq(m.run.Events())
	step := func() bool {
		if endSeq(m.run.Events()) != seen {
			return false
		}
		if !m.run.Step() {
			m.status = "nothing left to happen"
			return false
		}
		return true
	}
	return m.jumpForward(m.run.NextAt(), false, step, func() {
		m.hot.reset()
		m.absorbNew(true)
		m.refresh()
		m.rebaseTrackers()
	})
}

// stepBack pauses and goes back to the previous step that emitted events.
func (m *simScreen) stepBack() tea.Cmd {
	if m.run == nil {
		return nil
	}
	m.pause()
	cur := m.run.StepCount()
	target := 0
	for i := len(m.events) - 1; i >= 0; i-- {
		if m.events[i].Step < cur {
			target = m.events[i].Step
			break
		}
	}
	if cur == 0 {
		m.status = "at the start"
		return nil
	}
	return m.seek(target)
}

// afterSeek rebuilds what the screen derived from the run's events.
func (m *simScreen) afterSeek() {
	m.hot.reset()
	m.events = m.run.Events()
	step := m.run.StepCount()
	for i := len(m.events) - 1; i >= 0 && m.events[i].Step == step; i-- {
		m.hot.absorbOne(&m.events[i])
	}
	m.seenSeq = endSeq(m.events)
	m.note = nil
	for i := len(m.events) - 1; i >= 0; i-- {
		if m.events[i].Type == sim.EvNote {
			e := m.events[i]
			m.note = m.narrate(e)
			break
		}
	}
	m.refresh()
	m.rebaseTrackers()
}

// rebaseTrackers makes the snapshot after a jump in time the one the
// move, commit and loss trackers compare the next step with, lighting
// nothing: a jump is not a step, and what it would light would depend on
// where the run came from and on how the jump was cut into slices.
func (m *simScreen) rebaseTrackers() {
	quiet := newAnim()
	m.groups.moves.observe(&m.snap, quiet)
	m.logs.commits.observe(&m.snap, quiet)
	m.logs.hws.observe(&m.snap, quiet)
	m.ledger.lost.observe(&m.snap, quiet, nil)
	m.ledger.lost.hot = m.hot
}

// nextMark runs forward to just after the next timeline mark, in slices
// (seek_job.go): esc puts the run back where it was.
func (m *simScreen) nextMark() tea.Cmd {
	if m.run == nil {
		return nil
	}
	m.pause()
	now := m.run.Now()
	var at int64 = -1
	for _, mk := range m.marks {
		if mk.AtMs > now {
			at = mk.AtMs
			break
		}
	}
	if at < 0 {
		m.status = "no more marks ahead"
		return nil
	}
	step := func() bool {
		next := m.run.NextAt()
		return next >= 0 && next <= at && m.run.Step()
	}
	return m.jumpForward(at, true, step, func() {
		if next := m.run.NextAt(); next < 0 || next > at {
			m.run.RunUntil(at)
		} else { // maxStepsPerJump ran out before the mark
			m.status = "stopped at " + fmtMs(m.run.Now()) + " on the way to the mark: ] goes on"
		}
		m.hot.reset()
		m.absorbNew(true)
		m.refresh()
		m.rebaseTrackers()
	})
}

// prevMark goes back to the step where the previous mark took effect.
func (m *simScreen) prevMark() tea.Cmd {
	if m.run == nil {
		return nil
	}
	now := m.run.Now()
	var at int64 = -1
	for _, mk := range m.marks {
		if mk.AtMs < now {
			at = mk.AtMs
		}
	}
	if at < 0 {
		m.pause()
		return m.seek(0)
	}
	m.pause()
	target := 0
	for i := len(m.events) - 1; i >= 0; i-- {
		if m.events[i].AtMs <= at {
			target = m.events[i].Step
			break
		}
	}
	return m.seek(target)
}

// inject applies a fault now and records it in the run.
func (m *simScreen) inject(cmd sim.Command) tea.Cmd {
	if m.run == nil {
		return nil
	}
	if err := m.run.Apply(cmd); err != nil {
		m.status = err.Error()
		return nil
	}
	step := m.run.StepCount()
	kept := m.hand[:0]
	for _, a := range m.hand {
		if a.Step <= step {
			kept = append(kept, a)
		}
	}
	m.hand = append(kept, sim.Applied{Step: step, AtMs: m.run.Now(), Cmd: cmd})
	m.status = "injected " + commandLabel(cmd)
	m.absorbNew(false)
	m.refresh()
	return nil
}

// absorbNew turns events not yet seen into highlights and narration.
// stepOnly keeps only the latest step's events lit (paused stepping).
func (m *simScreen) absorbNew(stepOnly bool) {
	m.events = m.run.Events()
	// A long run (and a live one) forgets its oldest events: positions are
	// Seq numbers, so the place holds across a moved window.
	fresh := eventsFrom(m.events, m.seenSeq)
	if stepOnly && len(fresh) > 0 {
		last := fresh[len(fresh)-1].Step
		i := len(fresh)
		for i > 0 && fresh[i-1].Step == last {
			i--
		}
		fresh = fresh[i:]
	}
	m.hot.absorb(fresh)
	for i := len(fresh) - 1; i >= 0; i-- {
		if fresh[i].Type == sim.EvNote {
			e := fresh[i]
			m.note = m.narrate(e)
			break
		}
	}
	m.seenSeq = endSeq(m.events)
}

// refresh takes a new snapshot and lays the panes out for it.
func (m *simScreen) refresh() {
	if m.run == nil {
		return
	}
	// Start from the tail the last frame needed: while playing it rarely
	// changes, and a second snapshot (the ledger counted again, every log
	// copied) would double a frame's cost on a big cluster.
	tail := max(m.snapTail, sim.DefaultSnapshotTail)
	m.snap = m.run.SnapshotTail(tail)
	m.logs.group = m.groups.focusGroup(&m.snap)
	if n := max(m.logs.tailFor(&m.snap), sim.DefaultSnapshotTail); n != tail {
		m.snap = m.run.SnapshotTail(n) // a window looks further back
		m.logs.group = m.groups.focusGroup(&m.snap)
		tail = n
	}
	m.snapTail = tail
	m.marks = marksFrom(m.spec.Timeline, m.hand)
	m.layout()
}

// parseSeed reads a seed typed by the learner.
func parseSeed(s string) (uint64, bool) {
	n, err := strconv.ParseUint(s, 10, 64)
	return n, err == nil
}

// speedNote says what the speed means, and how long the rest of the
// scenario takes at it: "×5 = 5 virtual seconds per real second · 40s
// left: about 8s to watch".
func (m *simScreen) speedNote() string {
	sp := speeds[m.speed]
	note := sp.Label + " = " + secondsText(sp.MsPerSec) + " virtual second"
	if sp.MsPerSec != 1000 {
		note += "s"
	}
	note += " per real second"
	if d := m.spec.DurationMs; m.run != nil && d > m.run.Now() {
		left := d - m.run.Now()
		note += " · " + scaleLabel(left) + " left: about " + scaleLabel(max(left*1000/sp.MsPerSec, 1000)) + " to watch"
	}
	return note
}

// secondsText writes milliseconds as seconds without trailing zeros:
// 250 is "0.25", 5000 is "5".
func secondsText(ms int64) string {
	return strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)
}

// helpNote is the help's line on speed: what ×1 means.
func (m *simScreen) helpNote() string {
	return "speed: ×1 = 1 virtual second per real second; now " + speeds[m.speed].Label
}
