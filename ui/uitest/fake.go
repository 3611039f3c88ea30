// Package uitest holds the test doubles the ui packages' tests share: a
// scripted runner that makes snapshots move without the engine, the
// hand-built fixture cluster it plays, and colourless styles for golden
// files. It is imported by tests only.
package uitest

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
	"kafkasim/ui/theme"
)

// FakeRunner plays a scripted cluster: each step appends a record to one
// partition and emits an event; commands are recorded as the runner
// interface promises. It holds no Kafka logic worth the name: it only makes
// snapshots move so the screen can be tested without the engine.
type FakeRunner struct {
	base    sim.Snapshot
	step    int
	nowMs   int64
	events  []sim.Event
	applied []sim.Applied
	downs   map[int]bool
	maxStep int
}

// NewFakeRunner plays base for maxStep steps of 100 ms.
func NewFakeRunner(base sim.Snapshot, maxStep int) *FakeRunner {
	return &FakeRunner{base: base, maxStep: maxStep, downs: map[int]bool{}}
}

func (f *FakeRunner) Now() int64     { return f.nowMs }
func (f *FakeRunner) StepCount() int { return f.step }
func (f *FakeRunner) NextAt() int64 {
	if f.step >= f.maxStep {
		return -1
	}
	return int64(f.step+1) * 100
}
func (f *FakeRunner) Events() []sim.Event { return f.events }

func (f *FakeRunner) Step() bool {
	if f.step >= f.maxStep {
		return false
	}
	f.step++
	f.nowMs = int64(f.step) * 100
	if f.step%3 != 0 { // some steps emit nothing, as the engine's do
		f.emit(sim.Event{Type: sim.EvAppended, Topic: "orders", Partition: f.step % 3, Broker: 1, Count: 1, Producer: "p1", Offset: int64(f.step)})
	}
	for _, a := range f.applied {
		if a.Step == f.step {
			f.apply(a.Cmd)
		}
	}
	return true
}

func (f *FakeRunner) emit(e sim.Event) {
	e.Seq, e.Step, e.AtMs = len(f.events), f.step, f.nowMs
	f.events = append(f.events, e)
}

func (f *FakeRunner) RunUntil(ms int64) {
	for f.NextAt() >= 0 && f.NextAt() <= ms {
		f.Step()
	}
	f.nowMs = max(f.nowMs, ms)
}

func (f *FakeRunner) Apply(cmd sim.Command) error {
	if cmd.Kind == "" {
		return errors.New("empty command")
	}
	kept := f.applied[:0]
	for _, a := range f.applied {
		if a.Step <= f.step {
			kept = append(kept, a)
		}
	}
	f.applied = append(kept, sim.Applied{Step: f.step, AtMs: f.nowMs, Cmd: cmd})
	f.apply(cmd)
	return nil
}

func (f *FakeRunner) apply(cmd sim.Command) {
	switch cmd.Kind {
	case sim.CmdCrashBroker:
		f.downs[cmd.Broker] = true
		f.emit(sim.Event{Type: sim.EvBrokerCrashed, Broker: cmd.Broker})
	case sim.CmdRestartBroker:
		delete(f.downs, cmd.Broker)
		f.emit(sim.Event{Type: sim.EvBrokerRestarted, Broker: cmd.Broker})
	default:
		f.emit(sim.Event{Type: sim.EvNote, Text: "applied " + string(cmd.Kind)})
	}
}

func (f *FakeRunner) Seek(step int) error {
	if step < 0 || step > f.maxStep {
		return fmt.Errorf("step %d out of range", step)
	}
	applied := f.applied
	*f = FakeRunner{base: f.base, maxStep: f.maxStep, downs: map[int]bool{}, applied: applied}
	for f.step < step {
		f.Step()
	}
	return nil
}

// Snapshot is the base snapshot with logs grown by the steps so far.
func (f *FakeRunner) Snapshot() sim.Snapshot {
	s := cloneSnapshot(f.base)
	s.Step, s.NowMs = f.step, f.nowMs
	for i := range s.Brokers {
		if f.downs[s.Brokers[i].ID] {
			s.Brokers[i].State = sim.BrokerDown
		}
	}
	return s
}

// SnapshotTail is Snapshot: the fixture's logs are short.
func (f *FakeRunner) SnapshotTail(int) sim.Snapshot { return f.Snapshot() }

// Fates scripts the fixture ledger's records of group billing (27 once, 2
// duplicated, 1 lost, 2 skipped, 7 pending). Which record has which fate is made up:
// the rows only give the drill-down something to list and mark.
func (f *FakeRunner) Fates(group string, want sim.Fate) []sim.RecordFate {
	if group != "billing" {
		return nil
	}
	keys := []string{"alice", "bob", "carol", "dave"}
	var out []sim.RecordFate
	add := func(fate sim.Fate, part int, off int64, processed int, reason string) {
		if want != "" && fate != want {
			return
		}
		out = append(out, sim.RecordFate{RecordID: int(off), Producer: "p1", SendN: int(off)*3 + part + 1, Topic: "orders",
			Partition: part, Offsets: []int64{off}, Key: keys[int(off)%len(keys)], Fate: fate, Processed: processed, Reason: reason})
	}
	for o := int64(10); o < 30; o++ {
		add(sim.FateExactlyOnce, 0, o, 1, "processed once")
	}
	for o := int64(13); o < 20; o++ {
		add(sim.FateExactlyOnce, 1, o, 1, "processed once")
	}
	add(sim.FateDuplicated, 0, 9, 2, "processed by c1 in generation 2 at 1.200s, then c1 crashed at 1.500s before "+
		"committing past it; processed by c2 in generation 3 at 2.300s")
	add(sim.FateDuplicated, 1, 12, 2, "processed by c1 in generation 2 at 1.300s, then c1 crashed at 1.500s before "+
		"committing past it; processed by c2 in generation 3 at 2.400s")
	add(sim.FateLost, 2, 5, 0, "c1 committed offset 20 on orders-2 at 0.900s before processing offset 5, "+
		"and the records in between were never processed")
	for o := int64(3); o < 5; o++ {
		add(sim.FateSkipped, 1, o, 0, "billing had no committed offset on orders-1, so auto.offset.reset=latest started it "+
			"at offset 13 at 0.500s, past offset "+components.I64(o)+": it never asked for this record")
	}
	for o := int64(25); o < 32; o++ {
		add(sim.FatePending, 2, o, 0, "not processed yet: orders-2 is still readable at offset "+components.I64(o))
	}
	return out
}

func cloneSnapshot(s sim.Snapshot) sim.Snapshot {
	out := s
	out.Brokers = append([]sim.BrokerView(nil), s.Brokers...)
	return out
}

// FixtureSnapshot is a hand-built 3-broker cluster with one topic of n
// partitions, a producer, a group and a ledger.
func FixtureSnapshot(brokers, partitions, records int) sim.Snapshot {
	s := sim.Snapshot{Step: 120, NowMs: 12_345, Seed: 42, Metadata: sim.MetadataKRaft, Controller: 1}
	for b := 1; b <= brokers; b++ {
		s.Brokers = append(s.Brokers, sim.BrokerView{ID: b, State: sim.BrokerUp, Controller: b == 1, Voter: true})
	}
	s.Brokers[min(1, brokers-1)].State = sim.BrokerSlow
	t := sim.TopicView{Name: "orders", ID: "T0", Config: sim.DefaultTopic("orders", partitions, 3)}
	keys := []string{"alice", "bob", "carol", "dave"}
	for p := range partitions {
		lead := p%brokers + 1
		reps := []int{lead, lead%brokers + 1, (lead+1)%brokers + 1}
		end := int64(records + p)
		pv := sim.PartitionView{Topic: "orders", Partition: p, Leader: lead, LeaderEpoch: 2, Replicas: reps,
			ISR: reps[:2], HighWatermark: end - 2, LogStart: 3, LogEnd: end, LastStable: end - 2}
		for j, r := range reps {
			leo := end
			if j == 1 {
				leo = end - 2
			} else if j == 2 {
				leo = end - 5
			}
			pv.ReplicaLogs = append(pv.ReplicaLogs, sim.ReplicaView{Broker: r, LEO: leo, InSync: j < 2, Online: true, Leader: j == 0})
		}
		for o := int64(3); o < end; o++ {
			if o == 7 {
				continue // compacted away
			}
			rec := sim.RecordView{Offset: o, RecordID: int(o), Producer: "p1", Key: keys[int(o)%len(keys)], Value: "v", Copy: 1}
			if o == 9 {
				rec.Copy = 2
			}
			pv.Records = append(pv.Records, rec)
		}
		t.Partitions = append(t.Partitions, pv)
	}
	s.Topics = []sim.TopicView{t}
	pc := sim.DefaultProducer("p1", "orders")
	s.Producers = []sim.ProducerView{{ID: "p1", Topic: "orders", Config: pc, ProducerID: 1000, Sent: 40, Acked: 37,
		InFlight: 3, Retries: 1, Batches: []sim.BatchView{{Partition: 0, Records: 2, FirstSeq: 12, Attempt: 2, Leader: 1, State: "in-flight"}}}}
	g := sim.GroupView{ID: "billing", State: sim.GroupStable, Generation: 3, Protocol: "range", Coordinator: 2}
	g.Members = []sim.MemberView{
		{Name: "c1", MemberID: "c1-aa", State: sim.MemberActive, Leader: true},
		{Name: "c2", MemberID: "c2-bb", State: sim.MemberIdle},
	}
	for p := range partitions {
		g.Members[0].Assigned = append(g.Members[0].Assigned, sim.TopicPartition{Topic: "orders", Partition: p})
		hw := t.Partitions[p].HighWatermark
		g.Offsets = append(g.Offsets, sim.GroupOffset{Topic: "orders", Partition: p, Committed: hw - 4, Position: hw - 1,
			Owner: "c1", LogEnd: hw, Lag: 4})
	}
	s.Groups = []sim.GroupView{g}
	s.Ledger = sim.LedgerSummary{
		Producers: []sim.ProducerLedger{{ID: "p1", Sent: 40, Acked: 37, InFlight: 3}},
		Groups:    []sim.GroupLedger{{ID: "billing", Processed: 30, ExactlyOnce: 27, Duplicated: 2, Lost: 1, Skipped: 2, Pending: 7}},
	}
	return s
}

// FixtureSpec is a scenario whose run is a FakeRunner over FixtureSnapshot.
func FixtureSpec() simrun.Spec {
	return simrun.Spec{Name: "fixture", Title: "Leader failover", Seed: 42, DurationMs: 60_000,
		Description: "# Leader failover\n\nA **broker** dies; a follower takes over.\n\nMore text.",
		Timeline: []sim.Scheduled{
			{AtMs: 2_000, Cmd: sim.Command{Kind: sim.CmdNote, Say: "watch"}},
			{AtMs: 20_000, Cmd: sim.Command{Kind: sim.CmdCrashBroker, Broker: 1}},
		}}
}

// PlainStyles renders without colour, as golden files need.
func PlainStyles() *theme.Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	st := theme.NewStyles(r)
	return &st
}
