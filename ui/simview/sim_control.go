package simview

import (
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// Restart begins the scenario again from its config and seed. Faults
// injected by hand are forgotten.
func (m *Screen) Restart() {
	m.Pause()
	m.Hand, m.Status, m.Fatal = nil, "", nil
	m.Hot.Reset()
	run, err := m.start(m.Spec)
	if err != nil {
		m.Run, m.Fatal = nil, err
		return
	}
	m.Run = run
	m.AfterSeek()
}

// Pause stops playing; ticks already scheduled are dropped.
func (m *Screen) Pause() {
	m.Playing = false
	m.Gen++
	m.lastTick = time.Time{} // paused time is not played
}

func (m *Screen) TogglePlay() tea.Cmd {
	if m.Run == nil {
		return nil
	}
	if m.Playing {
		m.Pause()
		return nil
	}
	if m.Run.NextAt() < 0 {
		m.Status = "nothing left to happen: r restarts, ← steps back"
		return nil
	}
	m.Playing = true
	m.Status = ""
	m.Gen++
	return m.tick()
}

// setSpeed changes the playback speed and says what it means; a new
// generation keeps one tick chain.
func (m *Screen) setSpeed(i int) tea.Cmd {
	m.Speed = min(max(i, 0), len(Speeds)-1)
	m.Status = m.speedNote()
	m.Gen++
	if m.Playing {
		return m.tick()
	}
	return nil
}

// HandleTick advances the engine by one frame of virtual time.
func (m *Screen) HandleTick(t TickMsg) tea.Cmd {
	if t.Gen != m.Gen || !m.Playing || m.Run == nil || m.live != nil { // live: liveTick
		return nil
	}
	if m.Cmdline.Busy != nil {
		return m.tick() // a command owns the run until it ends
	}
	start := time.Now()
	before := m.Run.Now()
	target := before + Speeds[m.Speed].MsPerSec*m.frameElapsed(t.At).Microseconds()/1_000_000
	if d := m.Spec.DurationMs; before < d {
		target = min(target, d) // stop on the scenario's end, not a frame past it
	}
	if t.At.IsZero() {
		m.AdvanceTo(target)
	} else {
		m.advanceWithin(target, time.Now().Add(frameWork))
	}
	m.Hot.decay()
	m.AbsorbNew(false)
	m.refresh(m.partialOK())
	m.observeMotion()
	if m.statusFrames--; m.statusFrames == 0 {
		m.Status = "" // a message fades after a while of playing
	}
	d := m.Spec.DurationMs
	switch {
	case m.Run.NextAt() < 0:
		m.Pause()
		m.Status = "the run is over"
		return nil
	case d > 0 && before < d && m.Run.Now() >= d:
		m.Pause()
		m.Status = "end of the scenario: space plays on, r restarts"
		return nil
	}
	return m.tickAfter(FrameDelay(time.Since(start)))
}

// AdvanceTo steps through everything due by targetMs, at most
// maxStepsPerFrame steps; the clock moves to targetMs only if all ran.
func (m *Screen) AdvanceTo(targetMs int64) {
	for n := 0; n < maxStepsPerFrame; n++ {
		next := m.Run.NextAt()
		if next < 0 || next > targetMs {
			m.Run.RunUntil(targetMs)
			return
		}
		m.Run.Step()
	}
}

// frameElapsed is the real time this frame stands for: since the last
// frame, or one frame interval for the first one and for ticks without a
// time.
func (m *Screen) frameElapsed(at time.Time) time.Duration {
	last := m.lastTick
	m.lastTick = at
	if at.IsZero() || last.IsZero() || !at.After(last) {
		return FrameInterval
	}
	return min(at.Sub(last), MaxFrameGap)
}

// advanceWithin steps through everything due by targetMs until the
// deadline; the clock moves to targetMs only if all ran.
func (m *Screen) advanceWithin(targetMs int64, deadline time.Time) {
	for n := 1; ; n++ {
		next := m.Run.NextAt()
		if next < 0 || next > targetMs {
			m.Run.RunUntil(targetMs)
			return
		}
		m.Run.Step()
		if n%64 == 0 && time.Now().After(deadline) {
			return
		}
	}
}

// StepForward pauses and steps until at least one event is emitted, in
// slices (seek_job.go): esc stops it where it got.
func (m *Screen) StepForward() tea.Cmd {
	if m.Run == nil {
		return nil
	}
	m.Pause()
	seen := endSeq(m.Run.Events())
	step := func() bool {
		if endSeq(m.Run.Events()) != seen {
			return false
		}
		if !m.Run.Step() {
			m.Status = "nothing left to happen"
			return false
		}
		return true
	}
	return m.jumpForward(m.Run.NextAt(), false, step, func() {
		m.Hot.Reset()
		m.AbsorbNew(true)
		m.Refresh()
	})
}

// stepBack pauses and goes back to the previous step that emitted events.
func (m *Screen) stepBack() tea.Cmd {
	if m.Run == nil {
		return nil
	}
	m.Pause()
	cur := m.Run.StepCount()
	target := 0
	for i := len(m.Events) - 1; i >= 0; i-- {
		if m.Events[i].Step < cur {
			target = m.Events[i].Step
			break
		}
	}
	if cur == 0 {
		m.Status = "at the start"
		return nil
	}
	return m.Seek(target)
}

// AfterSeek rebuilds what the screen derived from the run's events.
func (m *Screen) AfterSeek() {
	m.Hot.Reset()
	m.Events = m.Run.Events()
	step := m.Run.StepCount()
	for i := len(m.Events) - 1; i >= 0 && m.Events[i].Step == step; i-- {
		m.Hot.absorbOne(&m.Events[i])
	}
	m.seenSeq = endSeq(m.Events)
	m.Note = nil
	for i := len(m.Events) - 1; i >= 0; i-- {
		if m.Events[i].Type == sim.EvNote {
			e := m.Events[i]
			m.Note = m.narrate(e)
			break
		}
	}
	m.Refresh()
	m.RebaseTrackers()
}

// NextMark runs forward to just after the next timeline mark, in slices
// (seek_job.go): esc puts the run back where it was.
func (m *Screen) NextMark() tea.Cmd {
	if m.Run == nil {
		return nil
	}
	m.Pause()
	now := m.Run.Now()
	var at int64 = -1
	for _, mk := range m.Marks {
		if mk.AtMs > now {
			at = mk.AtMs
			break
		}
	}
	if at < 0 {
		m.Status = "no more marks ahead"
		return nil
	}
	step := func() bool {
		next := m.Run.NextAt()
		return next >= 0 && next <= at && m.Run.Step()
	}
	return m.jumpForward(at, true, step, func() {
		if next := m.Run.NextAt(); next < 0 || next > at {
			m.Run.RunUntil(at)
		} else { // maxStepsPerJump ran out before the mark
			m.Status = "stopped at " + components.FmtMs(m.Run.Now()) + " on the way to the mark: ] goes on"
		}
		m.Hot.Reset()
		m.AbsorbNew(true)
		m.Refresh()
		m.RebaseTrackers()
	})
}

// prevMark goes back to the step where the previous mark took effect.
func (m *Screen) prevMark() tea.Cmd {
	if m.Run == nil {
		return nil
	}
	now := m.Run.Now()
	var at int64 = -1
	for _, mk := range m.Marks {
		if mk.AtMs < now {
			at = mk.AtMs
		}
	}
	if at < 0 {
		m.Pause()
		return m.Seek(0)
	}
	m.Pause()
	target := 0
	for i := len(m.Events) - 1; i >= 0; i-- {
		if m.Events[i].AtMs <= at {
			target = m.Events[i].Step
			break
		}
	}
	return m.Seek(target)
}

// Inject applies a fault now and records it in the run.
func (m *Screen) Inject(cmd sim.Command) tea.Cmd {
	if m.Run == nil {
		return nil
	}
	if err := m.Run.Apply(cmd); err != nil {
		m.Status = err.Error()
		return nil
	}
	step := m.Run.StepCount()
	kept := m.Hand[:0]
	for _, a := range m.Hand {
		if a.Step <= step {
			kept = append(kept, a)
		}
	}
	m.Hand = append(kept, sim.Applied{Step: step, AtMs: m.Run.Now(), Cmd: cmd})
	m.Status = "injected " + components.CommandLabel(cmd)
	m.AbsorbNew(false)
	m.Refresh()
	return nil
}

// AbsorbNew turns events not yet seen into highlights and narration.
// stepOnly keeps only the latest step's events lit (paused stepping).
func (m *Screen) AbsorbNew(stepOnly bool) {
	m.Events = m.Run.Events()
	// A long run (and a live one) forgets its oldest events: positions are
	// Seq numbers, so the place holds across a moved window.
	fresh := eventsFrom(m.Events, m.seenSeq)
	if stepOnly && len(fresh) > 0 {
		last := fresh[len(fresh)-1].Step
		i := len(fresh)
		for i > 0 && fresh[i-1].Step == last {
			i--
		}
		fresh = fresh[i:]
	}
	m.Hot.Absorb(fresh)
	for i := len(fresh) - 1; i >= 0; i-- {
		if fresh[i].Type == sim.EvNote {
			e := fresh[i]
			m.Note = m.narrate(e)
			break
		}
	}
	m.seenSeq = endSeq(m.Events)
}

// Refresh takes a new snapshot and lays the panes out for it.
func (m *Screen) Refresh() { m.refresh(false) }

// refresh is Refresh; shownOnly leaves out the records of the logs the
// logs pane does not lay out (snap_shown.go).
func (m *Screen) refresh(shownOnly bool) {
	if m.Run == nil {
		return
	}
	// Start from the tail the last frame needed: while playing it rarely
	// changes, and a second snapshot (the ledger counted again, every log
	// copied) would double a frame's cost on a big cluster.
	tail := max(m.snapTail, sim.DefaultSnapshotTail)
	m.Snap = m.snapshot(tail, shownOnly)
	m.Logs.group = m.Groups.focusGroup(&m.Snap)
	if n := max(m.Logs.tailFor(&m.Snap), sim.DefaultSnapshotTail); n != tail {
		m.Snap = m.snapshot(n, shownOnly) // a window looks further back
		m.Logs.group = m.Groups.focusGroup(&m.Snap)
		tail = n
	}
	m.snapTail = tail
	m.Marks = components.MarksFrom(m.Spec.Timeline, m.Hand)
	m.layout()
	if !m.holdsShown() { // the layout moved the logs pane: take what it shows now
		m.Snap = m.snapshot(tail, shownOnly)
		m.Logs.group = m.Groups.focusGroup(&m.Snap)
		m.layout()
	}
}

// parseSeed reads a seed typed by the learner.
func parseSeed(s string) (uint64, bool) {
	n, err := strconv.ParseUint(s, 10, 64)
	return n, err == nil
}

// speedNote says what the speed means, and how long the rest of the
// scenario takes at it: "×5 = 5 virtual seconds per real second · 40s
// left: about 8s to watch".
func (m *Screen) speedNote() string {
	sp := Speeds[m.Speed]
	note := sp.Label + " = " + secondsText(sp.MsPerSec) + " virtual second"
	if sp.MsPerSec != 1000 {
		note += "s"
	}
	note += " per real second"
	if d := m.Spec.DurationMs; m.Run != nil && d > m.Run.Now() {
		left := d - m.Run.Now()
		note += " · " + components.ScaleLabel(left) + " left: about " + components.ScaleLabel(max(left*1000/sp.MsPerSec, 1000)) + " to watch"
	}
	return note
}

// secondsText writes milliseconds as seconds without trailing zeros:
// 250 is "0.25", 5000 is "5".
func secondsText(ms int64) string {
	return strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)
}

// HelpNote is the help's line on speed: what ×1 means.
func (m *Screen) HelpNote() string {
	return "speed: ×1 = 1 virtual second per real second; now " + Speeds[m.Speed].Label
}
