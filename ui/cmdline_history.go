package ui

import "strings"

// history is the lines entered at the command line, recalled with ↑ and ↓
// as a shell does. The zero value is ready.
type history struct {
	lines []string
	pos   int    // browsing position; len(lines) when not browsing
	draft string // what was typed before browsing began
}

// Add records a line entered, unless blank or a repeat of the last one;
// browsing starts over from the newest.
func (h *history) Add(line string) {
	if strings.TrimSpace(line) != "" && (len(h.lines) == 0 || h.lines[len(h.lines)-1] != line) {
		h.lines = append(h.lines, line)
		if over := len(h.lines) - cmdlineMaxHistory; over > 0 {
			h.lines = append([]string(nil), h.lines[over:]...)
		}
	}
	h.pos, h.draft = len(h.lines), ""
}

// move goes dir lines back (-1) or forward (+1); current is kept as the
// draft when browsing starts. ok is false when there is nowhere to go.
func (h *history) move(dir int, current string) (string, bool) {
	h.pos = min(h.pos, len(h.lines))
	switch {
	case dir < 0 && h.pos == 0, dir > 0 && h.pos == len(h.lines):
		return current, false
	case dir < 0 && h.pos == len(h.lines):
		h.draft = current
	}
	h.pos += dir
	if h.pos == len(h.lines) {
		return h.draft, true
	}
	return h.lines[h.pos], true
}
