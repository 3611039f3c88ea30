package simview

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
)

// brokerHistory is a broker's replicas now and its state over time: crashes,
// restarts, slowness, fencing, controllership, and the leaderships and ISR
// places it gained and lost, replayed from the run's events.
func brokerHistory(st *theme.Styles, snap *sim.Snapshot, b sim.BrokerView, events []sim.Event) *drillSheet {
	name := "b" + components.Itoa(b.ID)
	s := &drillSheet{Kind: SheetBroker,
		title: st.PaneFocus.Render("▶ BROKER "+name) + st.Bold.Render(" › replicas and state over time")}
	s.items = append(s.items, sheetLine{head: st.Faint.Render("now      ") + brokerNow(st, b)})
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			p := &snap.Topics[ti].Partitions[pi]
			for _, r := range p.ReplicaLogs {
				if r.Broker == b.ID {
					s.items = append(s.items, sheetLine{head: st.Faint.Render("replica  ") + replicaText(st, p, r)})
				}
			}
		}
	}
	s.items = append(s.items, sheetLine{head: st.Faint.Render(components.Fit("time", 9) + components.Fit("state", 9) + "what changed")})
	state, n := "up", 0
	for i := range events {
		e := &events[i]
		what, next, ok := brokerChange(st, e, b.ID)
		if !ok {
			continue
		}
		if next != "" {
			state = next
		}
		s.items = append(s.items, sheetLine{head: components.Fit(components.FmtMs(e.AtMs), 9) + components.Fit(state, 9) + what, body: e.Why()})
		n++
	}
	if n == 0 {
		s.items = append(s.items, sheetLine{head: st.Faint.Render("no change yet")})
	}
	return s
}

// brokerNow is the broker's state in the snapshot, a symbol with each word.
func brokerNow(st *theme.Styles, b sim.BrokerView) string {
	var out string
	switch {
	case b.State == sim.BrokerDown && b.Registering:
		out = st.Offline.Render(SymOffline + " restarted, waiting to register")
	case b.State == sim.BrokerDown:
		out = st.Error.Render(SymOffline + " DOWN")
	case b.State == sim.BrokerSlow:
		out = st.OutOfSync.Render("◔ slow (+" + components.FmtMs(b.SlowDelayMs) + " per fetch)")
	default:
		out = st.InSync.Render(symInSync + " up")
	}
	if b.Fenced {
		out += st.OutOfSync.Render(" · fenced")
	}
	if b.Controller {
		out += st.Accent.Render(" · " + symCtrl + " active controller")
	}
	return out + " · leads " + whatif.Plural(b.Leaders, "partition")
}

// replicaText is the broker's replica of p: its role and log end.
func replicaText(st *theme.Styles, p *sim.PartitionView, r sim.ReplicaView) string {
	tp := components.Fit(components.Sanitize(p.Topic)+"-"+components.Itoa(p.Partition), 14)
	var role string
	switch {
	case r.Leader:
		role = st.Leader.Render(symLeader + " leader")
	case !r.Online:
		role = st.Offline.Render(SymOffline + " offline")
	case r.InSync:
		role = st.InSync.Render(symInSync + " follower in ISR")
	default:
		role = st.OutOfSync.Render(symOutOfSync + " follower out of ISR")
	}
	return tp + role + st.Faint.Render(" · LEO "+components.I64(r.LEO)+" · log start "+components.I64(r.LogStart))
}

// brokerChange names an event about broker id and the state it leaves the
// broker in ("" when unchanged); false for events about others.
func brokerChange(st *theme.Styles, e *sim.Event, id int) (what, state string, ok bool) {
	if e.Broker != id && !(e.Type == sim.EvLeaderElected && e.Broker2 == id) {
		return "", "", false
	}
	tp := components.Sanitize(e.Topic) + "-" + components.Itoa(e.Partition)
	switch e.Type {
	case sim.EvBrokerCrashed:
		return st.Error.Render(SymOffline + " crashed"), "down", true
	case sim.EvBrokerRestarted:
		return st.InSync.Render("↻ restarted"), "up", true
	case sim.EvBrokerSlowed:
		return st.OutOfSync.Render("◔ slowed"), "slow", true
	case sim.EvBrokerHealed:
		return st.InSync.Render("healed"), "up", true
	case sim.EvBrokerFenced:
		return st.OutOfSync.Render("fenced by the controller"), "fenced", true
	case sim.EvBrokerUnfenced:
		return st.InSync.Render("unfenced: registered"), "up", true
	case sim.EvControllerElected:
		return st.Accent.Render(symCtrl + " became the controller"), "", true
	case sim.EvControllerLost:
		return st.Faint.Render("stopped being the controller"), "", true
	case sim.EvAcksDropping:
		return st.OutOfSync.Render("will drop " + whatif.Plural(e.Count, "response")), "", true
	case sim.EvLeaderElected:
		if e.Broker == id {
			return st.Leader.Render(symLeader + " leads " + tp + " (epoch " + components.Itoa(e.Epoch) + ")"), "", true
		}
		return st.Faint.Render("gave up leading " + tp), "", true
	case sim.EvISRShrunk:
		return st.OutOfSync.Render(symOutOfSync + " left the ISR of " + tp), "", true
	case sim.EvISRExpanded:
		return st.InSync.Render(symInSync + " rejoined the ISR of " + tp), "", true
	case sim.EvTruncated:
		return st.Struck.Render("✂ truncated " + tp + ": " + whatif.Plural(e.Count, "record")), "", true
	}
	return "", "", false
}
