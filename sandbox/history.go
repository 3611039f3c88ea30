package sandbox

import "strings"

// History is the command lines a learner entered, for recalling them with
// the up and down keys as a shell does. The zero value is ready to use and
// keeps DefaultHistoryMax lines.
type History struct {
	lines []string
	max   int
	pos   int    // browsing position in lines; len(lines) when not browsing
	draft string // what was typed before browsing began
}

// DefaultHistoryMax is how many lines a History keeps unless told otherwise.
const DefaultHistoryMax = 500

// NewHistory keeps up to max lines (DefaultHistoryMax when max < 1).
func NewHistory(max int) *History {
	if max < 1 {
		max = DefaultHistoryMax
	}
	return &History{max: max}
}

func (h *History) limit() int {
	if h.max < 1 {
		return DefaultHistoryMax
	}
	return h.max
}

// Add records a line entered. Blank lines and a repeat of the previous
// line are not recorded; browsing starts over from the newest.
func (h *History) Add(line string) {
	line = strings.TrimRight(line, "\r\n")
	if strings.TrimSpace(line) != "" && (len(h.lines) == 0 || h.lines[len(h.lines)-1] != line) {
		h.lines = append(h.lines, line)
		if over := len(h.lines) - h.limit(); over > 0 {
			h.lines = append([]string(nil), h.lines[over:]...)
		}
	}
	h.pos = len(h.lines)
	h.draft = ""
}

// Prev moves to the next older line. current is what the input holds now;
// it is kept as the draft when browsing starts. ok is false at the oldest.
func (h *History) Prev(current string) (string, bool) {
	if h.pos > len(h.lines) {
		h.pos = len(h.lines)
	}
	if h.pos == 0 {
		return current, false
	}
	if h.pos == len(h.lines) {
		h.draft = current
	}
	h.pos--
	return h.lines[h.pos], true
}

// Next moves to the next newer line, and past the newest back to the
// draft. ok is false when not browsing.
func (h *History) Next() (string, bool) {
	if h.pos >= len(h.lines) {
		return h.draft, false
	}
	h.pos++
	if h.pos == len(h.lines) {
		return h.draft, true
	}
	return h.lines[h.pos], true
}

// Lines returns the recorded lines, oldest first.
func (h *History) Lines() []string { return append([]string(nil), h.lines...) }
