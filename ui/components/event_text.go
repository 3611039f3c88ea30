package components

import (
	"strings"

	"kafkasim/sim"
)

// Noisy events happen many times a second while playing; the narration lists
// them only for the step being looked at.
func Noisy(t sim.EventType) bool {
	switch t {
	case sim.EvSent, sim.EvProduceRequest, sim.EvReplicated, sim.EvHWAdvanced, sim.EvFetched,
		sim.EvProcessed, sim.EvAcked, sim.EvAppended, sim.EvCommitted:
		return true
	}
	return false
}

// Why asks an event for its explanation. The engine formats it on demand;
// until it offers one the event's type and facts stand in.
func Why(e *sim.Event) string {
	if w, ok := any(e).(interface{ Why() string }); ok {
		return Sanitize(w.Why())
	}
	if w, ok := any(*e).(interface{ Why() string }); ok {
		return Sanitize(w.Why())
	}
	return Sanitize(factsText(e))
}

// factsText lists an event's facts when no explanation is available.
func factsText(e *sim.Event) string {
	var b strings.Builder
	b.WriteString(string(e.Type))
	if e.Topic != "" {
		b.WriteString(" " + e.Topic + "-" + Itoa(e.Partition))
	}
	if e.Broker != 0 {
		b.WriteString(" b" + Itoa(e.Broker))
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
		b.WriteString(" ×" + Itoa(e.Count))
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
