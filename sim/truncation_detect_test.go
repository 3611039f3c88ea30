package sim

import "testing"

// uncleanConfig: one partition on brokers 1-3, leader 1. Broker 3 turns
// slow and leaves the ISR, broker 2 crashes, so broker 1 alone acknowledges
// acks=all writes (min.insync.replicas=1) and the group reads them, since
// the high watermark is broker 1's log end. Then broker 1 crashes and the
// out-of-sync broker 3 is elected (unclean.leader.election.enable=true).
// ZooKeeper mode keeps a controller alive with one broker left.
func uncleanConfig(seed uint64, reset string) Config {
	c := Config{Seed: seed, Cluster: DefaultCluster(3)}
	c.Cluster.Metadata = MetadataZooKeeper
	c.Cluster.ReplicaLagTimeMaxMs = 5000
	t := DefaultTopic("orders", 1, 3)
	t.UncleanLeaderElection = true
	c.Topics = []TopicConfig{t}
	p := DefaultProducer("writer", "orders")
	p.RatePerSec = 10
	c.Producers = []ProducerConfig{p}
	g := DefaultGroup("reader", "orders")
	g.ProcessingMs = 1
	g.Commit = CommitAfterProcessing
	g.AutoOffsetReset = reset
	g.StartMs = 100 // after the offsets are set (see runUnclean)
	c.Groups = []GroupConfig{g}
	return c
}

// runUnclean drives the faults and returns the sim, the offset where the
// new leader's log begins its epoch, and the reader's position just before
// the election.
func runUnclean(t *testing.T, seed uint64, reset string) (*Sim, int64, int64) {
	t.Helper()
	c := uncleanConfig(seed, reset)
	s := mustNew(t, c)
	if p := s.topics[0].parts[0]; p.leader != 1 {
		t.Fatalf("seed %d: partition leader %d; this setup wants broker 1", seed, p.leader)
	}
	must := func(cmd Command) {
		if err := s.Apply(cmd); err != nil {
			t.Fatal(err)
		}
	}
	// A committed offset to start from, so auto.offset.reset=none has one.
	must(Command{Kind: CmdResetOffsets, Group: "reader", Topic: "orders", Partition: -1, Reset: ResetToEarliest})
	s.RunUntil(5000)
	must(Command{Kind: CmdSlowBroker, Broker: 3, DelayMs: 30000})
	must(Command{Kind: CmdCrashBroker, Broker: 2})
	s.RunUntil(20000)
	pos := s.groups[0].members[0].positions.at(s.tpid(TopicPartition{"orders", 0}))
	must(Command{Kind: CmdCrashBroker, Broker: 1})
	must(Command{Kind: CmdSlowBroker, Broker: 3, DelayMs: 0})
	s.RunUntil(40000)
	div := int64(-1)
	for _, e := range s.Events() {
		if e.Type == EvLeaderElected && e.Reason == ReasonUnclean {
			div = e.Offset
		}
	}
	if div < 0 || div >= pos {
		t.Fatalf("seed %d: no unclean election below the reader's position %d (election at %d)", seed, pos, div)
	}
	return s, div, pos
}

// KIP-320 with a reset policy: after the unclean election the reader's
// position is past the new leader's log end for the old epoch. It validates
// it (OffsetsForLeaderEpoch) and seeks to the divergence offset
// (SubscriptionState.maybeCompleteValidation: "resetting offset to the
// first offset known to diverge"): no auto.offset.reset replay of the whole
// partition, and the records the new leader wrote over the old offsets are
// read, not skipped.
func TestConsumerDetectsTruncationAndSeeksToDivergence(t *testing.T) {
	s, div, pos := runUnclean(t, 4, "earliest")
	var seen *Event
	evs := s.Events()
	for i, e := range evs {
		if e.Type == EvOffsetReset && e.Reason == ReasonOutOfRange {
			t.Fatalf("the reader fell back to auto.offset.reset at %d ms instead of validating its position\n%s", e.AtMs, trace(evs))
		}
		if e.Type == EvLogTruncationSeen && seen == nil {
			seen = &evs[i]
		}
	}
	if seen == nil || seen.Offset != pos || seen.EndOffset != div {
		t.Fatalf("want truncation detected at position %d with divergence offset %d, got %+v\n%s", pos, div, seen, trace(evs))
	}
	// Every record the new leader wrote at the offsets the reader had
	// already passed is processed.
	g := s.groups[0]
	lr := s.topics[0].parts[0].leaderRep()
	checked := 0
	for _, e := range lr.entries.All(0) {
		if e.offset >= div && e.offset < pos && e.rec >= 0 {
			checked++
			if int(e.rec) >= g.procCount.Len() || *g.procCount.At(int(e.rec)) == 0 {
				t.Fatalf("record at offset %d of the new epoch was skipped: the reader never processed it\n%s", e.offset, trace(evs))
			}
		}
	}
	if checked == 0 {
		t.Fatalf("no new records written over offsets %d..%d: the setup proves nothing", div, pos-1)
	}
}

// KIP-320 with auto.offset.reset=none: poll() throws LogTruncationException
// carrying the divergent offset, and the application stops.
func TestConsumerWithoutResetPolicyRaisesLogTruncation(t *testing.T) {
	s, div, _ := runUnclean(t, 4, "none")
	n := countEvents(s, EvConsumerError, func(e Event) bool { return e.Err == "LogTruncationException" && e.EndOffset == div })
	if n != 1 {
		t.Fatalf("want one LogTruncationException with divergent offset %d, got %d\n%s", div, n, trace(s.Events()))
	}
	if m := s.groups[0].members[0]; m.state != MemberCrashed {
		t.Fatalf("the reader should have stopped, it is %s", m.state)
	}
	// The new leader's records below the stale commit are not lost: the
	// group's next reader validates that commit too and stops at the same
	// place until the application seeks (KIP-320), so they are still to be
	// read. Only the truncated copies could be lost.
	g := s.Ledger().Groups[0]
	if g.Lost != 0 || g.Pending == 0 {
		t.Fatalf("after LogTruncationException want nothing lost and the new records pending, got %+v", g)
	}
}
