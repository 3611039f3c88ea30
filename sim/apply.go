package sim

import (
	"fmt"
	"sort"
)

// Apply runs a command now, between steps, and records it so a replay can
// run it at the same step. Mistakes (a broker that does not exist...) come
// back as errors and change nothing.
func (s *Sim) Apply(cmd Command) error {
	if err := s.checkCommand(cmd); err != nil {
		return err
	}
	if err := s.exec(cmd); err != nil {
		return err
	}
	s.applied = append(s.applied, Applied{Step: s.step, AtMs: s.nowMs, Cmd: cmd})
	return nil
}

// Schedule queues a command to run at a virtual time (a timeline entry).
// A time in the past runs at the next step.
func (s *Sim) Schedule(atMs int64, cmd Command) error {
	check := cmd
	if isMemberCommand(cmd.Kind) {
		// The consumer may be one an earlier entry adds (add-consumer):
		// only the group must exist now; the rest is checked when it runs.
		check = Command{Kind: CmdAddConsumer, Group: cmd.Group}
		if cmd.Consumer < 1 {
			return fmt.Errorf("consumers are numbered from 1 (c1), not %d", cmd.Consumer)
		}
	}
	if err := s.checkCommand(check); err != nil {
		return err
	}
	s.scheduled = append(s.scheduled, Scheduled{AtMs: atMs, Cmd: cmd})
	if lateCommand(cmd) {
		it := commandItem(len(s.scheduled) - 1)
		it.atMs = max(atMs, s.nowMs)
		s.queue.pushLate(it)
		return nil
	}
	s.schedule(max(atMs-s.nowMs, 0), commandItem(len(s.scheduled)-1))
	return nil
}

// Timeline is every command scheduled so far, in the order given.
func (s *Sim) Timeline() []Scheduled { return s.scheduled }

func (s *Sim) runScheduled(i int) {
	// A timeline entry that no longer makes sense (its consumer was never
	// started...) is narrated, not fatal.
	if err := s.checkCommand(s.scheduled[i].Cmd); err != nil {
		s.emit(&Event{Type: EvNote, Text: "skipped " + string(s.scheduled[i].Cmd.Kind) + ": " + err.Error()})
		return
	}
	if err := s.exec(s.scheduled[i].Cmd); err != nil {
		s.emit(&Event{Type: EvNote, Text: "skipped " + string(s.scheduled[i].Cmd.Kind) + ": " + err.Error()})
	}
}

func isMemberCommand(k CommandKind) bool {
	switch k {
	case CmdCrashConsumer, CmdRestartConsumer, CmdCloseConsumer, CmdPauseConsumer, CmdResumeConsumer:
		return true
	}
	return false
}

// checkCommand says whether cmd names things that exist.
func (s *Sim) checkCommand(c Command) error {
	needBroker := func() error {
		if s.broker(c.Broker) == nil {
			return s.noSuchNode("broker", c.Broker)
		}
		return nil
	}
	needProducer := func() error {
		if p := s.producerByID(c.Producer); p == nil || p.hidden {
			return fmt.Errorf("there is no producer %q", c.Producer)
		}
		return nil
	}
	needMember := func() error {
		g := s.groupByID(c.Group)
		if g == nil {
			return fmt.Errorf("there is no group %q", c.Group)
		}
		if s.memberAt(g, c.Consumer) == nil {
			return fmt.Errorf("group %s has no consumer c%d (it has %d)", c.Group, c.Consumer, g.consumerCount())
		}
		return nil
	}
	switch c.Kind {
	case CmdCrashBroker, CmdRestartBroker, CmdSlowBroker, CmdDropAcks:
		return needBroker()
	case CmdCrashController, CmdRestartController:
		if !s.isControllerNode(c.Broker) {
			return s.noSuchNode("controller node", c.Broker)
		}
	case CmdCrashProducer, CmdProduce:
		return needProducer()
	case CmdCrashConsumer, CmdRestartConsumer, CmdCloseConsumer, CmdPauseConsumer, CmdResumeConsumer:
		return needMember()
	case CmdAddConsumer, CmdDeleteGroup, CmdResetOffsets:
		if s.groupByID(c.Group) == nil {
			return fmt.Errorf("Consumer group '%s' does not exist.", c.Group)
		}
	case CmdAddPartitions, CmdDeleteTopic, CmdAlterTopic:
		if _, t := s.topicByName(c.Topic); t == nil {
			return &UnknownTopicError{Topic: c.Topic}
		}
	case CmdCreateTopic:
		if c.TopicSpec == nil {
			return fmt.Errorf("create-topic needs a topic")
		}
	case CmdAddProducer:
		if c.ProducerSpec == nil {
			return fmt.Errorf("add-producer needs a producer")
		}
	case CmdAddGroup:
		if c.GroupSpec == nil {
			return fmt.Errorf("add-group needs a group")
		}
	case CmdNote, CmdClientRequest, CmdAnswerFetch:
	default:
		return fmt.Errorf("unknown command %q", c.Kind)
	}
	return nil
}

// exec carries a checked command out.
func (s *Sim) exec(c Command) error {
	if c.Say != "" {
		s.emit(&Event{Type: EvNote, Text: c.Say})
	}
	g := s.groupByID(c.Group)
	var m *member
	if g != nil {
		m = s.memberAt(g, c.Consumer)
	}
	switch c.Kind {
	case CmdCrashBroker:
		s.crashBroker(c.Broker)
	case CmdRestartBroker:
		s.restartBroker(c.Broker)
	case CmdCrashController:
		s.crashControllerNode(c.Broker)
	case CmdRestartController:
		s.restartControllerNode(c.Broker)
	case CmdSlowBroker:
		s.slowBroker(c.Broker, max(c.DelayMs, 0))
	case CmdDropAcks:
		s.broker(c.Broker).dropAcks += max(c.Count, 1)
		s.emit(&Event{Type: EvAcksDropping, Broker: c.Broker, Count: s.broker(c.Broker).dropAcks})
	case CmdCrashProducer:
		return s.crashProducer(c.Producer)
	case CmdProduce:
		p := s.producerByID(c.Producer)
		if p.crashed {
			return fmt.Errorf("producer %s has crashed", c.Producer)
		}
		for i := 0; i < max(c.Count, 1); i++ {
			s.send(p, c.Key, c.Value, false)
		}
		s.flushReady(p)
	case CmdCrashConsumer:
		s.crashMember(g, m, "")
	case CmdRestartConsumer:
		return s.restartMember(g, m)
	case CmdCloseConsumer:
		return s.closeMember(g, m)
	case CmdPauseConsumer:
		return s.pauseMember(g, m)
	case CmdResumeConsumer:
		return s.resumeMember(g, m)
	case CmdAddConsumer:
		s.newMember(g, s.nowMs)
	case CmdAddPartitions:
		return s.addPartitions(c.Topic, c.Partitions)
	case CmdCreateTopic:
		_, err := s.createTopic(*c.TopicSpec)
		return err
	case CmdDeleteTopic:
		return s.deleteTopic(c.Topic)
	case CmdAlterTopic:
		return s.alterTopic(c.Topic, c.Configs)
	case CmdAddProducer:
		return s.addProducer(*c.ProducerSpec)
	case CmdAddGroup:
		return s.addGroup(*c.GroupSpec)
	case CmdResetOffsets:
		return s.resetOffsets(g, c)
	case CmdDeleteGroup:
		return s.deleteGroup(g)
	case CmdClientRequest, CmdAnswerFetch:
		return s.execClientRequest(c)
	}
	return nil
}

func (s *Sim) alterTopic(name string, configs [][2]string) error {
	if err := s.needController("change a topic's config"); err != nil {
		return err
	}
	_, t := s.topicByName(name)
	cfg := t.cfg
	for _, kv := range configs {
		if err := SetTopicProp(&cfg, kv[0], kv[1]); err != nil {
			return err
		}
	}
	t.cfg = cfg
	for _, kv := range configs {
		s.emit(&Event{Type: EvTopicAltered, Topic: name, Text: kv[0] + "=" + kv[1]})
	}
	return nil
}

// groupActive: a group with live members cannot have its offsets reset or be deleted.
func (g *group) active() bool {
	for _, m := range g.members {
		if m.inGroup {
			return true
		}
	}
	return false
}

func (s *Sim) resetOffsets(g *group, c Command) error {
	if g.active() {
		return fmt.Errorf("Assignments can only be reset if the group '%s' is inactive, but the current state is %s.", g.cfg.ID, g.state)
	}
	_, t := s.topicByName(c.Topic)
	if t == nil {
		return &UnknownTopicError{Topic: c.Topic}
	}
	var tps []TopicPartition
	for _, p := range t.parts {
		if c.Partition < 0 || p.id == c.Partition {
			tps = append(tps, p.tp())
		}
	}
	sort.Slice(tps, func(i, j int) bool { return lessTP(tps[i], tps[j]) })
	for _, tp := range tps {
		p := t.parts[tp.Partition]
		lo, hi := s.logStartOf(p), p.hw
		var off int64
		switch c.Reset {
		case ResetToEarliest:
			off = lo
		case ResetToLatest:
			off = hi
		case ResetToOffset:
			off = c.Offset
		case ResetShiftBy:
			cur, ok := g.committed.get(s.tpid(tp))
			if !ok {
				cur = hi
			}
			off = cur + c.Offset
		default:
			return fmt.Errorf("unknown reset target %q", c.Reset)
		}
		off = min(max(off, lo), hi)
		id := s.tpidAdd(tp)
		g.committed.set(id, off)
		g.committedEpoch.del(id) // a manual reset carries no leader epoch
		s.addCommit(g, id, off, adminResetMember, g.generation)
		s.emit(&Event{Type: EvCommitted, Group: g.cfg.ID, Text: tp.String() + "=" + fmt.Sprint(off), Reason: ReasonManual})
	}
	return nil
}

func (s *Sim) deleteGroup(g *group) error {
	if g.active() {
		return fmt.Errorf("Deletion of group '%s' failed: the group is not empty.", g.cfg.ID)
	}
	g.state = GroupDead
	g.committed = tpTable[int64]{}
	return nil
}
