package ui

import (
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
)

// Scrubbing: the timeline is a slider. `t` asks for a time or a mark and
// goes there (back replays from a checkpoint, forward runs), and `R` `C` `E` run to the next rebalance, offset commit or
// leader election. All of them run as the screen's job, in slices, with
// their progress in the footer; esc calls them off and leaves the run
// where it was.

// timeChosenMsg carries a time typed at the `t` prompt.
type timeChosenMsg struct{ AtMs int64 }

// maxSearchAhead bounds a search for the next event of a kind past the
// scenario's end (or in the sandbox, which has none).
const maxSearchAhead = 5 * 60_000

// eventKind is a kind of event the screen can run to.
type eventKind struct {
	name  string // "rebalance": for messages
	types []sim.EventType
}

var (
	kindRebalance = eventKind{"rebalance", []sim.EventType{sim.EvRebalanceStarted}}
	kindCommit    = eventKind{"offset commit", []sim.EventType{sim.EvCommitted}}
	kindElection  = eventKind{"leader election", []sim.EventType{sim.EvLeaderElected}}
)

func (k eventKind) matches(t sim.EventType) bool {
	for _, x := range k.types {
		if x == t {
			return true
		}
	}
	return false
}

// openTimePrompt asks for a time to go to, or a mark: it lists the marks
// near now, numbered, and "m3" goes to the third.
func (m *simScreen) openTimePrompt() {
	if m.run == nil {
		return
	}
	m.pause()
	now, marks := m.run.Now(), m.marks
	hint := "35s, 1m30s, 35 (seconds), +5s or -5s from now " + fmtMs(now)
	if len(marks) > 0 {
		hint += "\nor a mark: m1 … m" + itoa(len(marks)) + "\n" + strings.Join(markList(marks, now, max(m.h-12, 1)), "\n")
	}
	m.prompt = m.prompt.Open("Go to time", hint, "", func(v string) tea.Msg {
		if at, ok := parseMarkRef(v, marks); ok {
			return timeChosenMsg{AtMs: at}
		}
		if at, ok := parseGoTo(v, now); ok {
			return timeChosenMsg{AtMs: at}
		}
		return nil
	})
}

// markList numbers the marks, at most n of them, from the last one before
// now: "m2 ◇ 10.000s add-consumer cooperative".
func markList(marks []mark, nowMs int64, n int) []string {
	from := 0
	for i, mk := range marks {
		if mk.AtMs <= nowMs {
			from = i
		}
	}
	from = max(min(from, len(marks)-n), 0)
	var out []string
	for i := from; i < len(marks) && i < from+n; i++ {
		out = append(out, "m"+itoa(i+1)+" "+markText(&marks[i]))
	}
	return out
}

// parseMarkRef reads "m3": the time of the third mark.
func parseMarkRef(s string, marks []mark) (int64, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "m") {
		return 0, false
	}
	n, err := strconv.Atoi(s[1:])
	if err != nil || n < 1 || n > len(marks) {
		return 0, false
	}
	return marks[n-1].AtMs, true
}

// parseGoTo reads a time typed at the prompt: absolute ("35s", "1m30s",
// "35", "35.5") or relative to now ("+5s", "-10s"). Below 0 is 0.
func parseGoTo(s string, nowMs int64) (int64, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), ":"))
	sign := int64(0)
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		sign = 1
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	var ms int64
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		ms = int64(f * 1000)
	} else if d, err := time.ParseDuration(s); err == nil {
		ms = d.Milliseconds()
	} else {
		return 0, false
	}
	if ms < 0 || ms > maxGoToMs {
		return 0, false
	}
	if sign != 0 {
		ms = nowMs + sign*ms
	}
	return max(ms, 0), true
}

// maxGoToMs is the furthest time `t` goes: a day of virtual time.
const maxGoToMs = 24 * 3600_000

// goToTime moves the run to atMs: back by replaying from a checkpoint to
// the last step at or before it, forward by running; either way the clock
// ends on atMs.
func (m *simScreen) goToTime(atMs int64) tea.Cmd {
	if m.run == nil {
		return nil
	}
	m.pause()
	now := m.run.Now()
	switch {
	case atMs == now:
		m.status = "already at " + fmtMs(atMs)
		return nil
	case atMs < now:
		step := 0
		for i := len(m.events) - 1; i >= 0; i-- {
			if m.events[i].AtMs <= atMs {
				step = m.events[i].Step
				break
			}
		}
		return m.seekThen(step, func() {
			m.run.RunUntil(atMs)
			m.afterScrub()
		})
	}
	step := func() bool {
		next := m.run.NextAt()
		return next >= 0 && next <= atMs && m.run.Step()
	}
	return m.jumpForward(atMs, true, step, func() {
		if next := m.run.NextAt(); next < 0 || next > atMs {
			m.run.RunUntil(atMs)
		} else {
			m.status = "stopped at " + fmtMs(m.run.Now()) + " on the way to " + fmtMs(atMs) + ": t goes on"
		}
		m.afterScrub()
	})
}

// afterScrub rebuilds the screen after a move in time and lights the
// events of the last step that had any, as stepping does: the same
// picture whether the run came from before or after.
func (m *simScreen) afterScrub() {
	m.afterSeek()
	m.hot.reset()
	for i := len(m.events) - 1; i >= 0 && m.events[i].Step == m.events[len(m.events)-1].Step; i-- {
		m.hot.absorbOne(&m.events[i])
	}
}

// nextEvent runs forward to the step of the next event of kind, and stops
// there with that step's events lit. With none before the scenario's end
// (or maxSearchAhead further, past it), the run goes back where it was.
func (m *simScreen) nextEvent(kind eventKind) tea.Cmd {
	if m.run == nil {
		return nil
	}
	m.pause()
	limit := m.spec.DurationMs
	if now := m.run.Now(); limit <= now {
		limit = now + maxSearchAhead
	}
	var saved *sim.Saved
	if s, ok := m.run.(forwardSaver); ok {
		saved = s.Save()
	}
	seen := endSeq(m.run.Events())
	var found *sim.Event
	step := func() bool {
		for _, e := range eventsFrom(m.run.Events(), seen) {
			seen = e.Seq + 1
			if kind.matches(e.Type) {
				found = &e
				return false
			}
		}
		next := m.run.NextAt()
		return next >= 0 && next <= limit && m.run.Step()
	}
	return m.jumpForward(limit, true, step, func() {
		if found == nil {
			m.status = "no " + kind.name + " ahead before " + fmtMs(limit)
			if saved != nil {
				saved.Restore()
				m.afterSeek()
				return
			}
		} else {
			m.status = "next " + kind.name + " at " + fmtMs(found.AtMs) + ": " + firstClause(found.Why())
		}
		m.hot.reset()
		m.absorbNew(true)
		m.refresh()
		m.rebaseTrackers()
	})
}

// firstClause is the start of a why, up to its first colon.
func firstClause(s string) string {
	if i := strings.Index(s, ":"); i > 0 {
		return s[:i]
	}
	return s
}

// clickTimeline goes to the time under a left click on the track; ok says
// the click was on it.
func (m *simScreen) clickTimeline(msg tea.MouseMsg) (tea.Cmd, bool) {
	r := m.lay.timeline
	if m.run == nil || msg.Button != tea.MouseButtonLeft || msg.Action != tea.MouseActionPress || msg.Y != r.y {
		return nil, false
	}
	at, ok := m.timeline.timeAt(msg.X-r.x, m.run.Now(), m.spec.DurationMs, m.marks)
	if !ok {
		return nil, false
	}
	return m.goToTime(at), true
}
