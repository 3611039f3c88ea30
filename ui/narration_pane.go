package ui

import (
	"strings"

	"kafkasim/sim"
)

// narrationKeep is how many recent events the narration pane keeps.
const narrationKeep = 200

// narrationWrapLines caps the lines one event's explanation takes.
const narrationWrapLines = 3

// narrationPane shows the scenario's narration (note events) as a banner and
// the latest events, newest first, each with why it happened.
type narrationPane struct {
	pane
	quiet quietIndex // where the events it lists sit (narration_quiet.go)
}

func newNarrationPane() narrationPane { return narrationPane{pane: pane{id: paneNarration}} }

// noisy events happen many times a second while playing; the narration lists
// them only for the step being looked at.
func noisy(t sim.EventType) bool {
	switch t {
	case sim.EvSent, sim.EvProduceRequest, sim.EvReplicated, sim.EvHWAdvanced, sim.EvFetched,
		sim.EvProcessed, sim.EvAcked, sim.EvAppended, sim.EvCommitted:
		return true
	}
	return false
}

// why asks an event for its explanation. The engine formats it on demand;
// until it offers one the event's type and facts stand in.
func why(e *sim.Event) string {
	if w, ok := any(e).(interface{ Why() string }); ok {
		return sanitize(w.Why())
	}
	if w, ok := any(*e).(interface{ Why() string }); ok {
		return sanitize(w.Why())
	}
	return sanitize(factsText(e))
}

// factsText lists an event's facts when no explanation is available.
func factsText(e *sim.Event) string {
	var b strings.Builder
	b.WriteString(string(e.Type))
	if e.Topic != "" {
		b.WriteString(" " + e.Topic + "-" + itoa(e.Partition))
	}
	if e.Broker != 0 {
		b.WriteString(" b" + itoa(e.Broker))
	}
	if e.Producer != "" {
		b.WriteString(" " + e.Producer)
	}
	if e.Group != "" {
		b.WriteString(" " + e.Group)
	}
	if e.Member != "" {
		b.WriteString("/" + e.Member)
	}
	if e.Count != 0 {
		b.WriteString(" ×" + itoa(e.Count))
	}
	if e.Err != "" {
		b.WriteString(" " + e.Err)
	}
	if e.Reason != "" {
		b.WriteString(" (" + string(e.Reason) + ")")
	}
	if e.Text != "" {
		b.WriteString(": " + e.Text)
	}
	return b.String()
}

// render draws the note and the events that led to step (newest first).
// events is every event so far; note is the latest note event, if any.
// intro (the scenario's description) stands in for the note until the
// first one.
func (n *narrationPane) render(st *Styles, events []sim.Event, note *sim.Event, intro string, step int) []string {
	var body []string
	text := intro
	if note != nil {
		text = note.Text
	}
	if text != "" {
		for i, l := range wrap("❝ "+sanitize(text)+" ❞", max(n.w-2, 10)) {
			if i == 3 {
				break
			}
			body = append(body, st.Note.Render(fit(" "+l, n.w)))
		}
	}
	n.quiet.update(events)
	for _, i := range n.quiet.listed(events, step, narrationKeep) {
		e := &events[i]
		stamp := " " + fmtMs(e.AtMs) + " "
		style := st.Faint
		if e.Step == step {
			stamp = "▸" + stamp[1:]
			style = st.Bold
		}
		indent := len([]rune(stamp))
		for i, l := range wrap(why(e), max(n.w-indent, 10)) {
			if i == narrationWrapLines {
				break
			}
			if i == 0 {
				body = append(body, style.Render(stamp)+l)
			} else {
				body = append(body, strings.Repeat(" ", indent)+l)
			}
		}
	}
	if len(body) == 0 {
		body = append(body, st.Faint.Render("nothing has happened yet: press space to play, → to step"))
	}
	n.setTotal(len(body))
	from, to := n.window()
	return n.frame(st, "", body[from:to])
}
