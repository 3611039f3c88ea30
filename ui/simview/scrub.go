package simview

import (
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// Scrubbing: the timeline is a slider. `t` asks for a time or a mark and
// goes there (back replays from a checkpoint, forward runs), and `R` `C` `E` run to the next rebalance, offset commit or
// leader election. All of them run as the screen's job, in slices, with
// their progress in the footer; esc calls them off and leaves the run
// where it was.

// TimeChosenMsg carries a time typed at the `t` prompt.
type TimeChosenMsg struct{ AtMs int64 }

// maxSearchAhead bounds a search for the next event of a kind past the
// scenario's end (or in the sandbox, which has none).
const maxSearchAhead = 5 * 60_000

// eventKind is a kind of event the screen can run to.
type eventKind struct {
	name  string // "rebalance": for messages
	types []sim.EventType
}

var (
	KindRebalance = eventKind{"rebalance", []sim.EventType{sim.EvRebalanceStarted}}
	kindCommit    = eventKind{"offset commit", []sim.EventType{sim.EvCommitted}}
	KindElection  = eventKind{"leader election", []sim.EventType{sim.EvLeaderElected}}
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
func (m *Screen) openTimePrompt() {
	if m.Run == nil {
		return
	}
	m.Pause()
	now, marks := m.Run.Now(), m.Marks
	hint := "35s, 1m30s, 35 (seconds), +5s or -5s from now " + components.FmtMs(now)
	if len(marks) > 0 {
		hint += "\nor a mark: m1 … m" + components.Itoa(len(marks)) + "\n" + strings.Join(markList(marks, now, max(m.H-12, 1)), "\n")
	}
	m.Prompt = m.Prompt.Open("Go to time", hint, "", func(v string) tea.Msg {
		if at, ok := ParseMarkRef(v, marks); ok {
			return TimeChosenMsg{AtMs: at}
		}
		if at, ok := ParseGoTo(v, now); ok {
			return TimeChosenMsg{AtMs: at}
		}
		return nil
	})
}

// markList numbers the marks, at most n of them, from the last one before
// now: "m2 ◇ 10.000s add-consumer cooperative".
func markList(marks []components.Mark, nowMs int64, n int) []string {
	from := 0
	for i, mk := range marks {
		if mk.AtMs <= nowMs {
			from = i
		}
	}
	from = max(min(from, len(marks)-n), 0)
	var out []string
	for i := from; i < len(marks) && i < from+n; i++ {
		out = append(out, "m"+components.Itoa(i+1)+" "+components.MarkText(&marks[i]))
	}
	return out
}

// ParseMarkRef reads "m3": the time of the third mark.
func ParseMarkRef(s string, marks []components.Mark) (int64, bool) {
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

// ParseGoTo reads a time typed at the prompt: absolute ("35s", "1m30s",
// "35", "35.5") or relative to now ("+5s", "-10s"). Below 0 is 0.
func ParseGoTo(s string, nowMs int64) (int64, bool) {
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

// GoToTime moves the run to atMs: back by replaying from a checkpoint to
// the last step at or before it, forward by running; either way the clock
// ends on atMs.
func (m *Screen) GoToTime(atMs int64) tea.Cmd {
	if m.Run == nil {
		return nil
	}
	m.Pause()
	now := m.Run.Now()
	switch {
	case atMs == now:
		m.Status = "already at " + components.FmtMs(atMs)
		return nil
	case atMs < now:
		step := 0
		for i := len(m.Events) - 1; i >= 0; i-- {
			if m.Events[i].AtMs <= atMs {
				step = m.Events[i].Step
				break
			}
		}
		if f, ok := m.Run.(checkpointFinder); ok {
			// Before the kept events' window: replay from the checkpoint
			// there, not from the first step.
			step = max(step, f.StepBefore(atMs))
		}
		return m.seekThen(step, func() {
			m.Run.RunUntil(atMs)
			m.afterScrub()
		})
	}
	step := func() bool {
		next := m.Run.NextAt()
		return next >= 0 && next <= atMs && m.Run.Step()
	}
	return m.jumpForward(atMs, true, step, func() {
		if next := m.Run.NextAt(); next < 0 || next > atMs {
			m.Run.RunUntil(atMs)
		} else {
			m.Status = "stopped at " + components.FmtMs(m.Run.Now()) + " on the way to " + components.FmtMs(atMs) + ": t goes on"
		}
		m.afterScrub()
	})
}

// afterScrub rebuilds the screen after a move in time and lights the
// events of the last step that had any, as stepping does: the same
// picture whether the run came from before or after.
func (m *Screen) afterScrub() {
	m.AfterSeek()
	m.Hot.Reset()
	for i := len(m.Events) - 1; i >= 0 && m.Events[i].Step == m.Events[len(m.Events)-1].Step; i-- {
		m.Hot.absorbOne(&m.Events[i])
	}
}

// NextEvent runs forward to the step of the next event of kind, and stops
// there with that step's events lit. With none before the scenario's end
// (or maxSearchAhead further, past it), the run goes back where it was.
func (m *Screen) NextEvent(kind eventKind) tea.Cmd {
	if m.Run == nil {
		return nil
	}
	m.Pause()
	limit := m.Spec.DurationMs
	if now := m.Run.Now(); limit <= now {
		limit = now + maxSearchAhead
	}
	var saved *sim.Saved
	if s, ok := m.Run.(forwardSaver); ok {
		saved = s.Save()
	}
	seen := endSeq(m.Run.Events())
	var found *sim.Event
	step := func() bool {
		for _, e := range eventsFrom(m.Run.Events(), seen) {
			seen = e.Seq + 1
			if kind.matches(e.Type) {
				found = &e
				return false
			}
		}
		next := m.Run.NextAt()
		return next >= 0 && next <= limit && m.Run.Step()
	}
	return m.jumpForward(limit, true, step, func() {
		if found == nil {
			m.Status = "no " + kind.name + " ahead before " + components.FmtMs(limit)
			if saved != nil {
				saved.Restore()
				m.AfterSeek()
				return
			}
		} else {
			m.Status = "next " + kind.name + " at " + components.FmtMs(found.AtMs) + ": " + firstClause(found.Why())
		}
		m.Hot.Reset()
		m.AbsorbNew(true)
		m.Refresh()
		m.RebaseTrackers()
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
func (m *Screen) clickTimeline(msg tea.MouseMsg) (tea.Cmd, bool) {
	r := m.Lay.Timeline
	if m.Run == nil || msg.Button != tea.MouseButtonLeft || msg.Action != tea.MouseActionPress || msg.Y != r.Y {
		return nil, false
	}
	at, ok := m.Timeline.TimeAt(msg.X-r.X, m.Run.Now(), m.Spec.DurationMs, m.Marks)
	if !ok {
		return nil, false
	}
	return m.GoToTime(at), true
}
