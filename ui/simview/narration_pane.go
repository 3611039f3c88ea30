package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// narrationKeep is how many recent events the narration pane keeps.
const narrationKeep = 200

// narrationWrapLines caps the lines one event's explanation takes.
const narrationWrapLines = 3

// narrationPane shows the scenario's narration (note events) as a banner and
// the latest events, newest first, each with why it happened.
type narrationPane struct {
	components.Pane
	quiet quietIndex // where the events it lists sit (narration_quiet.go)
}

func newNarrationPane() narrationPane {
	return narrationPane{Pane: components.Pane{ID: components.PaneNarration}}
}

// Render draws the note and the events that led to step (newest first).
// events is every event so far; note is the latest note event, if any.
// intro (the scenario's description) stands in for the note until the
// first one.
func (n *narrationPane) Render(st *theme.Styles, events []sim.Event, note *sim.Event, intro string, step int) []string {
	var body []string
	text := intro
	if note != nil {
		text = note.Text
	}
	if text != "" {
		for i, l := range components.Wrap("❝ "+components.Sanitize(text)+" ❞", max(n.W-2, 10)) {
			if i == 3 {
				break
			}
			body = append(body, st.Note.Render(components.Fit(" "+l, n.W)))
		}
	}
	n.quiet.update(events)
	// Each event's lines are wrapped to count them (the title shows where
	// the window is), but a stamp is styled only when its line is shown.
	var stamps []narrationStamp
	for _, i := range n.quiet.listed(events, step, narrationKeep) {
		e := &events[i]
		stamp := " " + components.FmtMs(e.AtMs) + " "
		bold := e.Step == step
		if bold {
			stamp = "▸" + stamp[1:]
		}
		indent := len([]rune(stamp))
		for i, l := range components.Wrap(components.Why(e), max(n.W-indent, 10)) {
			if i == narrationWrapLines {
				break
			}
			if i == 0 {
				stamps = append(stamps, narrationStamp{line: len(body), stamp: stamp, bold: bold})
				body = append(body, l)
			} else {
				body = append(body, strings.Repeat(" ", indent)+l)
			}
		}
	}
	if len(body) == 0 {
		body = append(body, st.Faint.Render("nothing has happened yet: press space to play, → to step"))
	}
	n.SetTotal(len(body))
	from, to := n.Window()
	for _, sp := range stamps {
		if sp.line >= from && sp.line < to {
			style := st.Faint
			if sp.bold {
				style = st.Bold
			}
			body[sp.line] = style.Render(sp.stamp) + body[sp.line]
		}
	}
	return n.Frame(st, "", body[from:to])
}

// narrationStamp is an event's time stamp, styled once its line is shown:
// bold for the events of the current step.
type narrationStamp struct {
	line  int
	stamp string
	bold  bool
}
