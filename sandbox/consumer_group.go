package sandbox

import (
	"strconv"
	"strings"

	"kafkasim/sim"
)

// caughtUpCheckMs is how often (virtual) the sandbox looks whether the
// console consumer has caught up.
const caughtUpCheckMs = 100

// consumerMaxWaitMs caps how long (virtual) the console consumer waits to
// catch up before the sandbox stops it, where the real one waits forever.
const consumerMaxWaitMs = 120_000

// consumeWithGroup joins group c.group with one consumer (creating the
// group the first time), runs the simulation until that consumer has read
// everything there is, printing records as its polls return them, then
// closes it: close() commits its positions and leaves the group, as when
// the real tool exits.
func (s *Session) consumeWithGroup(o *output, c *consumerRun) {
	hadOffsets := s.groupHasOffsets(c.group)
	member, ok := s.joinConsoleMember(o, c)
	if !ok {
		return
	}
	name := "c" + strconv.Itoa(member)
	start := s.run.Sim().Now()
	lastRecordMs := start
	check, caughtUp, timedOut := true, false, false
	lastCheckMs := int64(-1)
	onEvents := func(evs []sim.Event) {
		for _, e := range evs {
			if e.Group != c.group {
				continue
			}
			check = true
			if e.Type == sim.EvFetched && e.Member == name {
				o.nowMs = e.AtMs
				s.emitFetched(o, c, e.Text)
				lastRecordMs = e.AtMs
			}
		}
	}
	// The real tool waits for records until Ctrl-C, or with --timeout-ms
	// until none has come for that long; the sandbox's stops once caught up.
	done := func() bool {
		switch {
		case !c.more():
			return true
		case c.timeoutMs >= 0:
			timedOut = s.run.Sim().Now() >= lastRecordMs+c.timeoutMs
			return timedOut
		case check && s.run.Sim().Now() >= lastCheckMs+caughtUpCheckMs:
			// A snapshot per check: throttled so a big cluster stays quick.
			check, lastCheckMs = false, s.run.Sim().Now()
			caughtUp = s.memberCaughtUp(c, name)
		}
		return caughtUp
	}
	deadline := func() int64 {
		if c.timeoutMs >= 0 {
			return min(start+consumerMaxWaitMs, lastRecordMs+c.timeoutMs)
		}
		return start + consumerMaxWaitMs
	}
	stopped := s.stepUntil(deadline, onEvents, done)
	o.nowMs = s.run.Sim().Now()
	switch {
	case stopped == stopBudget:
		s.budgetHint(o)
	case stopped == stopInterrupted:
		s.interruptedHint(o)
	case timedOut:
		logConsumerTimeout(o)
		if c.printed == 0 && !s.memberAssigned(c.group, name) {
			o.hint("the consumer had not even been given partitions: a new group waits group.initial.rebalance.delay.ms (%s) before its first assignment, longer than --timeout-ms",
				sim.FormatMs(s.run.Sim().Config().Cluster.GroupInitialRebalanceDelayMs))
		}
	case !caughtUp && c.more() && c.timeoutMs < 0:
		o.hint("after %s of virtual time the consumer had still not read everything (%s); the sandbox stopped it, the real one would keep waiting", sim.FormatMs(s.run.Sim().Now()-start), s.groupWaitReason(c.group, name))
	}
	s.closeConsoleMember(o, c, member)
	if c.fromBeginning && hadOffsets {
		o.hint("--from-beginning only matters when the group has no committed offset: group %s carried on from its committed offsets. Rewind it with kafka-consumer-groups --reset-offsets --to-earliest.", c.group)
	}
}

// emitFetched prints the records one poll returned, from the engine's
// "topic-p@from..to" list.
func (s *Session) emitFetched(o *output, c *consumerRun, text string) {
	for _, part := range strings.Fields(text) {
		tpText, rng, ok := strings.Cut(part, "@")
		if !ok {
			continue
		}
		i := strings.LastIndexByte(tpText, '-')
		if i < 0 {
			continue
		}
		p, err1 := strconv.Atoi(tpText[i+1:])
		fromText, toText, _ := strings.Cut(rng, "..")
		from, err2 := strconv.ParseInt(fromText, 10, 64)
		to := from
		if toText != "" {
			to, _ = strconv.ParseInt(toText, 10, 64)
		}
		if err1 != nil || err2 != nil || to < from {
			continue
		}
		tp := sim.TopicPartition{Topic: tpText[:i], Partition: p}
		recs, _, err := s.run.Sim().Records(tp.Topic, tp.Partition, from, int(to-from+1), c.readCommitted)
		if err == nil {
			c.emit(o, tp, recs)
		}
	}
}

// memberCaughtUp: the console consumer has its assignment and its position
// on each of its partitions has reached what it may read.
func (s *Session) memberCaughtUp(c *consumerRun, name string) bool {
	snap := s.snap()
	g, ok := findGroup(snap, c.group)
	if !ok || g.State != sim.GroupStable {
		return false
	}
	var m *sim.MemberView
	for i := range g.Members {
		if g.Members[i].Name == name {
			m = &g.Members[i]
		}
	}
	if m == nil || (m.State != sim.MemberActive && m.State != sim.MemberIdle) || m.Buffered > 0 || m.Processing != nil {
		return false
	}
	for _, tp := range m.Assigned {
		pos := int64(-1)
		for _, off := range g.Offsets {
			if off.Topic == tp.Topic && off.Partition == tp.Partition && off.Owner == name {
				pos = off.Position
			}
		}
		if pos < 0 || pos < readLimit(snap, tp, c.readCommitted) {
			return false
		}
	}
	return true
}

// memberAssigned reports whether the member has received an assignment.
func (s *Session) memberAssigned(group, name string) bool {
	g, _ := findGroup(s.snap(), group)
	for _, m := range g.Members {
		if m.Name == name {
			return m.State == sim.MemberActive || m.State == sim.MemberIdle
		}
	}
	return false
}

// readLimit is the high watermark, or for read_committed the last stable offset.
func readLimit(snap sim.Snapshot, tp sim.TopicPartition, readCommitted bool) int64 {
	for _, t := range snap.Topics {
		if t.Name == tp.Topic && tp.Partition < len(t.Partitions) {
			pv := t.Partitions[tp.Partition]
			if readCommitted {
				return pv.LastStable
			}
			return pv.HighWatermark
		}
	}
	return 0
}

// groupWaitReason says in a few words why a console consumer did not catch up.
func (s *Session) groupWaitReason(group, name string) string {
	snap := s.snap()
	g, ok := findGroup(snap, group)
	if !ok {
		return "its group is gone"
	}
	if g.Coordinator == 0 || snap.Brokers[g.Coordinator-1].State == sim.BrokerDown {
		return "the group's coordinator broker is down"
	}
	if g.State != sim.GroupStable {
		return "group " + group + " is " + string(g.State)
	}
	return "some of its partitions have no leader"
}

func findGroup(snap sim.Snapshot, id string) (sim.GroupView, bool) {
	for _, g := range snap.Groups {
		if g.ID == id {
			return g, true
		}
	}
	return sim.GroupView{}, false
}

// groupHasOffsets reports whether a group has committed anything.
func (s *Session) groupHasOffsets(id string) bool {
	g, ok := findGroup(s.snap(), id)
	if !ok {
		return false
	}
	for _, off := range g.Offsets {
		if off.Committed >= 0 {
			return true
		}
	}
	return false
}

// closeConsoleMember closes the console consumer as the real tool does on
// exit: it commits where it got to and leaves the group. With
// --max-messages it commits only what it printed (ConsoleConsumer seeks
// back to the first record it fetched but did not print); the engine's
// close commits its whole position, so the sandbox winds the rest back
// with an offset reset when the group is left empty.
func (s *Session) closeConsoleMember(o *output, c *consumerRun, member int) {
	if err := s.run.Apply(sim.Command{Kind: sim.CmdCloseConsumer, Group: c.group, Consumer: member}); err != nil {
		return
	}
	if len(c.unconsumed) == 0 {
		return
	}
	g, ok := findGroup(s.snap(), c.group)
	if !ok || g.State != sim.GroupEmpty {
		return
	}
	for _, off := range g.Offsets {
		tp := sim.TopicPartition{Topic: off.Topic, Partition: off.Partition}
		if next, ok := c.unconsumed[tp]; ok && off.Committed > next {
			_ = s.run.Apply(sim.Command{Kind: sim.CmdResetOffsets, Group: c.group, Topic: off.Topic, Partition: off.Partition,
				Reset: sim.ResetToOffset, Offset: next})
		}
	}
}
