package components

import (
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/theme"
)

// Timeline glyphs.
const (
	glyphMark     = '◇' // a command from the scenario's timeline
	glyphHandMark = '✚' // a fault injected by hand
	glyphNow      = '●'
	glyphPlayed   = '━'
	glyphAhead    = '─'
)

// Mark is one point of interest on the timeline.
type Mark struct {
	AtMs  int64
	Label string
	Hand  bool // injected by hand during this run
}

// CommandLabel is a short description of a command: "crash-broker b2".
func CommandLabel(c sim.Command) string {
	s := string(c.Kind)
	switch {
	case c.Broker != 0:
		s += " b" + Itoa(c.Broker)
	case c.Group != "" && c.Consumer != 0:
		s += " " + c.Group + "/c" + Itoa(c.Consumer)
	case c.Group != "":
		s += " " + c.Group
	case c.Producer != "":
		s += " " + c.Producer
	case c.Topic != "":
		s += " " + c.Topic
	}
	if c.Kind == sim.CmdNote {
		s = "note"
	}
	return Sanitize(s)
}

// MarksFrom merges timeline and hand-applied commands, in time order.
func MarksFrom(timeline []sim.Scheduled, hand []sim.Applied) []Mark {
	ms := make([]Mark, 0, len(timeline)+len(hand))
	for _, s := range timeline {
		ms = append(ms, Mark{AtMs: s.AtMs, Label: CommandLabel(s.Cmd)})
	}
	for _, a := range hand {
		ms = append(ms, Mark{AtMs: a.AtMs, Label: CommandLabel(a.Cmd), Hand: true})
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].AtMs < ms[j].AtMs })
	return ms
}

// TimelinePane is the scrubber: where the run is, and its marks.
type TimelinePane struct {
	W int
	// KeysHint names the scrubbing keys after the marks when they fit; empty
	// where they do not work (a lesson).
	KeysHint string
}

// SetSize sets its width; it is always two lines high.
func (t *TimelinePane) SetSize(w, _ int) { t.W = w }

// openScales are the lengths the track of a run without an end (the
// sandbox) grows through as its clock passes each one; then it doubles.
var openScales = []int64{10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000}

// openScale is the first scale that holds ms.
func openScale(ms int64) int64 {
	for _, s := range openScales {
		if ms < s {
			return s
		}
	}
	s := openScales[len(openScales)-1]
	for s <= ms {
		s *= 2
	}
	return s
}

// ScaleLabel writes a length of time briefly, to the second below it:
// "30s", "1m30s", "2m", "1h", "1h30m".
func ScaleLabel(ms int64) string {
	sec := ms / 1000
	switch {
	case sec < 60:
		return I64(sec) + "s"
	case sec < 3600 && sec%60 == 0:
		return I64(sec/60) + "m"
	case sec < 3600:
		return I64(sec/60) + "m" + I64(sec%60) + "s"
	case sec%3600 == 0:
		return I64(sec/3600) + "h"
	}
	return I64(sec/3600) + "h" + I64(sec%3600/60) + "m"
}

// Render draws the scrubber over [0, span] and a line naming the next mark.
// A run with a duration spans it ("12.000s / 60.000s"); a run without one
// (the sandbox) spans a scale that grows as its clock passes it.
func (t *TimelinePane) Render(st *theme.Styles, nowMs, durationMs int64, marks []Mark) []string {
	span, trackW, clock := t.Scale(nowMs, durationMs, marks)
	cells := make([]rune, trackW)
	nowCol := int(min(nowMs*int64(trackW-1)/span, int64(trackW-1)))
	for i := range cells {
		cells[i] = glyphAhead
		if i < nowCol {
			cells[i] = glyphPlayed
		}
	}
	for _, m := range marks {
		c := int(m.AtMs * int64(trackW-1) / span)
		if m.Hand {
			cells[c] = glyphHandMark
		} else if cells[c] != glyphHandMark {
			cells[c] = glyphMark
		}
	}
	var b strings.Builder
	b.WriteString(st.Faint.Render("├"))
	b.WriteString(st.Accent.Render(string(cells[:nowCol])))
	b.WriteString(st.Bold.Render(string(glyphNow)))
	b.WriteString(st.Faint.Render(string(cells[nowCol+1:])))
	b.WriteString(st.Faint.Render("┤"))
	b.WriteString(st.Bold.Render(clock))

	var next, prev *Mark
	for i := range marks {
		if marks[i].AtMs > nowMs && next == nil {
			next = &marks[i]
		}
		if marks[i].AtMs <= nowMs {
			prev = &marks[i]
		}
	}
	info := st.Faint.Render(string(glyphMark) + " timeline  " + string(glyphHandMark) + " by hand  ")
	if prev != nil {
		info += st.Faint.Render("[ ") + MarkText(prev) + "  "
	}
	if next != nil {
		info += st.Faint.Render("] ") + MarkText(next)
	} else {
		info += st.Faint.Render("no more marks")
	}
	if t.KeysHint != "" && lipgloss.Width(info)+2+len([]rune(t.KeysHint)) <= t.W {
		info += st.Faint.Render("  " + t.KeysHint)
	}
	return Block([]string{b.String(), info}, t.W, 2)
}

// Scale is the time the track spans, its width in cells and the clock
// drawn after it.
func (t *TimelinePane) Scale(nowMs, durationMs int64, marks []Mark) (span int64, trackW int, clock string) {
	span = max(durationMs, nowMs, 1)
	for _, m := range marks {
		span = max(span, m.AtMs)
	}
	clock = " " + FmtMs(nowMs) + " / " + FmtMs(durationMs)
	if durationMs <= 0 {
		span = openScale(span)
		clock = " " + FmtMs(nowMs) + " (scale 0–" + ScaleLabel(span) + ")"
	}
	return span, max(t.W-len([]rune(clock))-2, 10), clock
}

// TimeAt is the time under column x of the track (x counts from the
// pane's left edge, "├" at 0), rounded to a whole second as a slider
// would; false off the track.
func (t *TimelinePane) TimeAt(x int, nowMs, durationMs int64, marks []Mark) (int64, bool) {
	span, trackW, _ := t.Scale(nowMs, durationMs, marks)
	col := x - 1
	if col < 0 || col >= trackW {
		return 0, false
	}
	ms := int64(col) * span / int64(trackW-1)
	return (ms + 500) / 1000 * 1000, true
}

func MarkText(m *Mark) string {
	g := string(glyphMark)
	if m.Hand {
		g = string(glyphHandMark)
	}
	return g + " " + FmtMs(m.AtMs) + " " + m.Label
}
