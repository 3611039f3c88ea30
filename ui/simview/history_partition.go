package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
)

// partitionHistory is a partition's leader, ISR and leader epoch over
// time, replayed from the run's events: each row is the state after one
// change, with the engine's why under it. Kafka's controller bumps the
// leader epoch on every leader change (PartitionRegistration in KRaft,
// the LeaderAndIsr request in ZooKeeper mode), and ISR changes keep it.
func partitionHistory(st *theme.Styles, p *sim.PartitionView, events []sim.Event) *drillSheet {
	tp := components.Sanitize(p.Topic) + "-" + components.Itoa(p.Partition)
	s := &drillSheet{Kind: sheetPartition,
		title: st.PaneFocus.Render("▶ PARTITION "+tp) + st.Bold.Render(" › leader, ISR and epoch over time")}
	now, reps := partitionNow(st, p)
	s.items = append(s.items, sheetLine{head: st.Faint.Render("now      ") + now},
		sheetLine{head: st.Faint.Render("replicas ") + reps})
	s.items = append(s.items, sheetLine{head: st.Faint.Render(components.Fit("time", 9) + components.Fit("epoch", 6) + components.Fit("leader", 8) + components.Fit("ISR", 10) + "what changed")})
	epoch, leader, isr := 0, "-", "-"
	n := 0
	for i := range events {
		e := &events[i]
		if e.Topic != p.Topic || e.Partition != p.Partition {
			continue
		}
		what, ok := partitionChange(st, e)
		if !ok {
			continue
		}
		switch e.Type {
		case sim.EvLeaderElected:
			epoch, leader, isr = e.Epoch, "b"+components.Itoa(e.Broker), e.Text
		case sim.EvPartitionOffline:
			leader, isr = "none", e.Text
		case sim.EvISRShrunk, sim.EvISRExpanded:
			isr = e.Text
		}
		head := components.Fit(components.FmtMs(e.AtMs), 9) + components.Fit("e"+components.Itoa(epoch), 6) + components.Fit(leader, 8) + components.Fit(isrText(isr), 10)
		s.items = append(s.items, sheetLine{head: head + what, body: e.Why()})
		n++
	}
	if n == 0 {
		s.items = append(s.items, sheetLine{head: st.Faint.Render("no leader or ISR change yet")})
	}
	return s
}

// partitionNow is the partition's leadership in the snapshot, symbols
// first, and its replicas and offsets.
func partitionNow(st *theme.Styles, p *sim.PartitionView) (string, string) {
	leader := st.Leader.Render(symLeader+"b"+components.Itoa(p.Leader)) + " epoch " + components.Itoa(p.LeaderEpoch)
	if p.Leader == 0 {
		leader = st.Error.Render(SymOffline+" OFFLINE") + " epoch " + components.Itoa(p.LeaderEpoch)
	}
	reps := make([]string, len(p.Replicas))
	for i, b := range p.Replicas {
		reps[i] = components.Itoa(b)
	}
	isr := make([]string, len(p.ISR))
	for i, b := range p.ISR {
		isr[i] = components.Itoa(b)
	}
	pref := ""
	if len(p.Replicas) > 0 {
		pref = " (preferred b" + components.Itoa(p.Replicas[0]) + ")"
	}
	return leader + " · ISR " + isrText(strings.Join(isr, ",")),
		strings.Join(reps, ",") + pref + " · HW " + components.I64(p.HighWatermark) + " · LEO " + components.I64(p.LogEnd)
}

// isrText is an ISR as the engine lists it ("1,2,3"), or "{}" when empty.
func isrText(isr string) string {
	if isr == "" {
		return "{}"
	}
	return "{" + isr + "}"
}

// partitionChange is a short, marked name for an event that changes a
// partition's leadership or replicas; false for the others.
func partitionChange(st *theme.Styles, e *sim.Event) (string, bool) {
	switch e.Type {
	case sim.EvLeaderElected:
		how := "elected"
		switch e.Reason {
		case sim.ReasonUnclean:
			return st.Error.Render(symLeader + " b" + components.Itoa(e.Broker) + " leads: UNCLEAN election"), true
		case sim.ReasonPreferred:
			how = "leads again (preferred replica)"
		case sim.ReasonNewTopic:
			how = "leads the new partition"
		}
		return st.Leader.Render(symLeader + " b" + components.Itoa(e.Broker) + " " + how), true
	case sim.EvPartitionOffline:
		return st.Error.Render(SymOffline + " offline: no leader"), true
	case sim.EvISRShrunk:
		return st.OutOfSync.Render(symOutOfSync + " b" + components.Itoa(e.Broker) + " left the ISR (" + string(e.Reason) + ")"), true
	case sim.EvISRExpanded:
		return st.InSync.Render(symInSync + " b" + components.Itoa(e.Broker) + " rejoined the ISR"), true
	case sim.EvISRChangePending:
		return st.Faint.Render("… ISR change waits for a controller"), true
	case sim.EvTruncated:
		return st.Struck.Render("✂ b" + components.Itoa(e.Broker) + " truncated " + whatif.Plural(e.Count, "record")), true
	}
	return "", false
}
