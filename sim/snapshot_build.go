package sim

import "math"

// DefaultSnapshotTail is how many records of each partition's log a
// Snapshot carries.
const DefaultSnapshotTail = 64

// Snapshot copies the cluster's state for a view.
func (s *Sim) Snapshot() Snapshot { return s.SnapshotTail(DefaultSnapshotTail) }

// SnapshotTail is Snapshot with the last `tail` records of each log (0 = none).
func (s *Sim) SnapshotTail(tail int) Snapshot { return s.SnapshotTails(tail, nil) }

// SnapshotTails is SnapshotTail for a view that shows only some logs:
// the logs shows(topic, partition) names carry their last `tail` records,
// the others none, and what those would have held is in Unshown. A nil
// shows shows every log.
func (s *Sim) SnapshotTails(tail int, shows func(topic string, partition int) bool) Snapshot {
	if shows == nil {
		return s.SnapshotWindows(tail, nil)
	}
	return s.SnapshotWindows(tail, func(_ *Snapshot, p *PartitionView) (int64, int64, bool) {
		return math.MinInt64, math.MaxInt64, shows(p.Topic, p.Partition)
	})
}

// SnapshotWindows is SnapshotTail for a view that draws a window of some
// logs (see LogWindow): those carry the records of their window among
// their last `tail`, the others none, and what the records left out of
// the last `tail` hold is in Unshown. A nil window shows every record of
// every tail.
func (s *Sim) SnapshotWindows(tail int, window LogWindow) Snapshot {
	snap := Snapshot{Step: s.step, NowMs: s.nowMs, Seed: s.cfg.Seed, Metadata: s.cfg.Cluster.Metadata, Controller: s.controller}
	for _, b := range s.brokers {
		st := BrokerUp
		switch {
		case !b.up:
			st = BrokerDown
		case b.slowMs > 0:
			st = BrokerSlow
		}
		snap.Brokers = append(snap.Brokers, BrokerView{ID: b.id, State: st, Fenced: b.fenced, Registering: b.registering, SlowDelayMs: b.slowMs,
			DropAcks: b.dropAcks, Controller: b.id == s.controller, Voter: s.isVoter(b.id) && s.cfg.Cluster.Metadata == MetadataKRaft,
			Leaders: s.leaderCount(b.id)})
	}
	for i, up := range s.ctrlUp {
		id := len(s.brokers) + 1 + i
		snap.ControllerNodes = append(snap.ControllerNodes, ControllerNodeView{ID: id, Up: up, Active: id == s.controller})
	}
	for _, t := range s.topics {
		if t.deleted {
			continue
		}
		tv := TopicView{Name: t.cfg.Name, ID: t.id, Config: t.cfg}
		tv.Config.ReplicaAssignment = cloneAssignment(t.cfg.ReplicaAssignment)
		for _, p := range t.parts {
			if window == nil {
				tv.Partitions = append(tv.Partitions, s.partitionView(p, tail))
				continue
			}
			tv.Partitions = append(tv.Partitions, s.partitionView(p, 0)) // records once the window is known
		}
		snap.Topics = append(snap.Topics, tv)
	}
	for _, p := range s.producers {
		if !p.hidden {
			snap.Producers = append(snap.Producers, s.producerView(p))
		}
	}
	for _, g := range s.groups {
		if g.state != GroupDead {
			gv := s.groupView(g)
			if eg := s.liveGroupOf(g); eg != nil {
				s.overlayLiveGroup(&gv, eg)
			}
			snap.Groups = append(snap.Groups, gv)
		}
	}
	snap.Ledger = s.Ledger()
	if window != nil {
		s.fillWindows(&snap, tail, window)
	}
	return snap
}

// shownReplica is the log a view shows: the leader's, or when offline the
// longest one.
func (p *partition) shownReplica() *replica {
	if r := p.leaderRep(); r != nil {
		return r
	}
	best := p.reps[0]
	for _, r := range p.reps {
		if r.leo > best.leo {
			best = r
		}
	}
	return best
}

func (s *Sim) partitionView(p *partition, tail int) PartitionView {
	lr := p.shownReplica()
	pv := PartitionView{Topic: p.topicName, Partition: p.id, Leader: p.leader, LeaderEpoch: p.leaderEpoch,
		Replicas: append([]int(nil), p.replicas...), ISR: append([]int(nil), p.isr...), HighWatermark: p.hw,
		LogStart: lr.logStart, LogEnd: lr.leo, LastStable: p.lastStable()}
	pv.SizeBytes = lr.sizeBytes()
	if len(p.reps) > 0 {
		pv.ReplicaLogs = make([]ReplicaView, 0, len(p.reps))
	}
	for _, r := range p.reps {
		rv := ReplicaView{Broker: r.broker, LEO: r.leo, LogStart: r.logStart, InSync: p.inISR(r.broker),
			Online: s.brokerUp(r.broker), Leader: r.broker == p.leader}
		if !rv.Leader && r != lr && r.leo > 0 {
			if _, end := lr.endOffsetForEpoch(r.lastEpoch()); end < r.leo {
				rv.Diverged, rv.DivergedAt = true, end
			}
		}
		if !rv.Leader && p.leader != 0 {
			rv.LagMs = s.nowMs - r.lastCaughtUpMs
		}
		pv.ReplicaLogs = append(pv.ReplicaLogs, rv)
	}
	from := max(lr.entries.Len()-tail, 0)
	if n := lr.entries.Len() - from; n > 0 {
		pv.Records = make([]RecordView, 0, n) // one allocation, not a doubling per partition
	}
	for _, e := range lr.entries.All(from) {
		pv.Records = append(pv.Records, s.recordView(p, e))
	}
	return pv
}

func (s *Sim) recordView(p *partition, e entry) RecordView {
	rv := RecordView{Offset: e.offset, LeaderEpoch: int(e.epoch), RecordID: int(e.rec)}
	if e.rec < 0 {
		mk := s.markers[markerIndex(e.rec)]
		rv.RecordID = -1
		rv.TimestampMs = -1
		rv.Producer = s.producers[mk.producer].cfg.ID
		rv.Control = "ABORT"
		if mk.commit {
			rv.Control = "COMMIT"
		}
		return rv
	}
	ri := s.ledger.recs.At(int(e.rec))
	rv.Producer = s.producers[s.ledger.originOf(ri).producer].cfg.ID
	rv.SendN = int(s.ledger.sendN(e.rec))
	rv.TimestampMs = ri.sentMs()
	rv.Key, rv.NullKey = s.ledger.keyOf(e.rec)
	rv.Value, rv.Tombstone = s.ledger.valueOf(e.rec)
	rv.Aborted = p.isAborted(s, e)
	rv.Copy = 1
	if s.ledger.fate(e.rec).firstOffset() != e.offset {
		for i, off := range s.ledger.extra[e.rec] {
			if off == e.offset {
				rv.Copy = i + 2
			}
		}
	}
	return rv
}

func (s *Sim) producerView(p *producer) ProducerView {
	pv := ProducerView{ID: p.cfg.ID, Topic: p.cfg.Topic, Config: p.cfg, Crashed: p.crashed, ProducerID: p.pid,
		ProducerEpoch: int(p.epoch), Sent: p.sends, Acked: p.acked, Failed: p.failed, Retries: p.retries}
	pv.Flow = p.flowView()
	if p.pid != 0 {
		for i, pp := range p.parts {
			pv.Sequences = append(pv.Sequences, PartitionSeq{Partition: i, NextSeq: int(pp.nextSeq)})
		}
	}
	for i := s.liveBatchesFrom(); i < s.batches.Len(); i++ {
		b := s.batches.At(i)
		if int32(b.producer) != p.idx || b.state == batchDone {
			continue
		}
		pv.InFlight += int(b.count) // counted, so Sent = Acked + Failed + InFlight is a check
		if b.state == batchOpen {
			continue
		}
		st := "waiting"
		switch b.state {
		case batchInFlight:
			st = "in-flight"
		case batchBackoff:
			st = "backoff"
		}
		pv.Batches = append(pv.Batches, BatchView{Partition: int(b.part), Records: int(b.count), FirstSeq: int(b.firstSeq),
			Attempt: int(b.attempts), Leader: int(b.broker), SentAtMs: int64(b.sentMs), State: st})
	}
	return pv
}

func (s *Sim) groupView(g *group) GroupView {
	gv := GroupView{ID: g.cfg.ID, Config: g.cfg, State: g.state, Generation: g.generation, Protocol: g.protocol,
		Coordinator: s.coordinator(g)}
	gv.Flow = g.flowView()
	owner := map[TopicPartition]*member{}
	for _, m := range g.members {
		if m.ghost {
			continue // a restarted instance's old membership: not a consumer any more
		}
		mv := MemberView{Name: m.name, MemberID: m.memberID, ClientID: m.clientID, State: m.state,
			Leader: g.leader == m.idx && m.inGroup, Assigned: append([]TopicPartition(nil), m.assigned...)}
		if m.state == MemberJoining && m.startMs > s.nowMs {
			mv.StartsAtMs = m.startMs
		}
		if mv.State == MemberActive && len(m.assigned) == 0 {
			mv.State = MemberIdle
		}
		if m.processing {
			done := s.processedSoFar(g, m)
			mv.Buffered = len(m.buffer) - done
			if done < len(m.buffer) {
				r := m.buffer[done]
				mv.Processing = &TopicPartitionOffset{Topic: r.tp.Topic, Partition: r.tp.Partition, Offset: r.offset}
			}
		}
		if m.inGroup {
			for _, tp := range m.assigned {
				owner[tp] = m
			}
		}
		gv.Members = append(gv.Members, mv)
	}
	for _, tp := range s.groupTPs(g) {
		_, t := s.topicByName(tp.Topic)
		p := t.parts[tp.Partition]
		o := GroupOffset{Topic: tp.Topic, Partition: tp.Partition, Committed: -1, Position: -1, LogEnd: p.hw, Lag: -1}
		id := s.tpid(tp)
		if c, ok := g.committed.get(id); ok {
			o.Committed = c
			o.Lag = max(p.hw-c, 0)
		}
		if m := owner[tp]; m != nil {
			o.Owner = m.name
			if pos, ok := m.positions.get(id); ok {
				o.Position = pos
			}
		}
		gv.Offsets = append(gv.Offsets, o)
	}
	return gv
}
