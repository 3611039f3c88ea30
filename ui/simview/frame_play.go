package simview

// PlayTo runs the scenario to atMs as if it had been playing at ×1: in one
// go up to warmupMs before, then frame by frame through handleTick, so
// highlights and narration are what the screen shows at that moment. The
// screen is left playing, as it would be.
func (m *Screen) PlayTo(atMs, warmupMs int64) {
	m.Pause()
	m.Speed = DefaultSpeed
	perFrame := Speeds[m.Speed].MsPerSec * FrameInterval.Milliseconds() / 1000
	frames := min(atMs, warmupMs) / perFrame
	warm := atMs - frames*perFrame
	for next := m.Run.NextAt(); next >= 0 && next <= warm; next = m.Run.NextAt() {
		m.Run.Step()
	}
	m.Run.RunUntil(warm)
	m.AfterSeek()
	for m.Run.Now() < atMs {
		if !m.Playing { // the scenario's end pauses the screen; a frame past it plays on
			m.Playing = true
			m.Gen++
		}
		m.HandleTick(TickMsg{Gen: m.Gen})
		if m.Run.NextAt() < 0 && m.Run.Now() < atMs {
			m.Run.RunUntil(atMs)
			m.Refresh()
		}
	}
	m.Playing = true
}
