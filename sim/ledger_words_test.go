package sim

import (
	"strings"
	"testing"
)

// The ledger's words: skipped is not lost, every processed record counts,
// and the books balance. Each test is one rule on a scenario-sized run.

// fatesOf counts a group's drill-down fates whose reason contains want.
func fatesOf(s *Sim, group string, f Fate, want string) (n, with int) {
	for _, rf := range s.Fates(group, f) {
		n++
		if strings.Contains(rf.Reason, want) {
			with++
		}
	}
	return n, with
}

// A group that joins late with auto.offset.reset=latest starts at the log
// end offset and never asks for older records (Kafka's ConsumerConfig
// auto.offset.reset, "latest: automatically reset the offset to the latest
// offset"; SubscriptionState resets to OffsetResetStrategy.LATEST). Those
// records are skipped, not lost: nothing was destroyed.
func TestLatestResetSkipsWhatCameBefore(t *testing.T) {
	c := basicConfig(3)
	c.Groups[0].AutoOffsetReset = "latest"
	c.Groups[0].StartMs = 3000 // about 60 records are written before it joins
	s := mustNew(t, c)
	s.RunUntil(30000)
	gl := groupLedger(t, s, "billing")
	if gl.Skipped < 40 || gl.Lost != 0 || gl.Pending != 0 || gl.ExactlyOnce+gl.Skipped != 100 {
		t.Fatalf("seed 3: a late group with latest should skip what came before, lose nothing: %+v", gl)
	}
	if n, with := fatesOf(s, "billing", FateSkipped, "auto.offset.reset=latest started it"); n != gl.Skipped || with != n {
		t.Fatalf("every skipped record should name the reset: %d of %d listed", with, n)
	}
	// An operator moving the committed offsets to the end skips too
	// (kafka-consumer-groups --reset-offsets --to-latest).
	c = basicConfig(3)
	c.Groups[0].Consumers = 1
	s = mustNew(t, c)
	_ = s.Schedule(2000, Command{Kind: CmdCloseConsumer, Group: "billing", Consumer: 1})
	_ = s.Schedule(4000, Command{Kind: CmdResetOffsets, Group: "billing", Topic: "orders", Partition: -1, Reset: ResetToLatest})
	_ = s.Schedule(4500, Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(30000)
	gl = groupLedger(t, s, "billing")
	if gl.Skipped == 0 || gl.Lost != 0 {
		t.Fatalf("seed 3: records an operator reset past are skipped, not lost: %+v", gl)
	}
	if n, with := fatesOf(s, "billing", FateSkipped, "--reset-offsets"); with == 0 || with != n {
		t.Fatalf("the skipped records should name the reset-offsets: %d of %d", with, n)
	}
}

// Compaction keeps the latest value of each key and removes what it
// supersedes (Kafka docs, "Log Compaction Guarantees": a consumer is only
// promised the final value of each key). A group that reads the compacted
// log later skips the superseded records; none is lost.
func TestCompactionSkipsSupersededRecords(t *testing.T) {
	c := basicConfig(5)
	c.Topics[0].Partitions = 1
	c.Topics[0].CleanupPolicy = CleanupCompact
	c.Topics[0].SegmentMs = 1000
	c.Producers[0].Count = 80 // 4 keys, 20 values each
	c.Groups[0].StartMs = 40000
	s := mustNew(t, c)
	s.RunUntil(70000)
	gl := groupLedger(t, s, "billing")
	if gl.Skipped == 0 || gl.Lost != 0 || gl.ExactlyOnce+gl.Skipped != 80 || gl.ExactlyOnce >= 80 {
		t.Fatalf("seed 5: superseded records should be skipped, none lost: %+v", gl)
	}
	if n, with := fatesOf(s, "billing", FateSkipped, "has a newer record at offset"); n != gl.Skipped || with != n {
		t.Fatalf("every skipped record should name its newer value: %d of %d", with, n)
	}
}

// Retention deletes segments by age whether or not anyone read them
// (retention.ms, LogManager.cleanupLogs): an acknowledged record deleted
// before the group read it is lost to the group, even though it first jumps
// with auto.offset.reset=earliest, and never called skipped.
func TestRetentionBeforeReadingIsStillLost(t *testing.T) {
	c := basicConfig(8)
	c.Cluster.LogRetentionCheckIntervalMs = 1000
	c.Topics[0].RetentionMs = 5000
	c.Topics[0].SegmentBytes = 200
	c.Producers[0].Count = 0
	c.Groups[0].Consumers = 1
	s := mustNew(t, c)
	_ = s.Schedule(5000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1})
	_ = s.Schedule(25000, Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(40000)
	gl := groupLedger(t, s, "billing")
	if gl.Lost == 0 || gl.Skipped != 0 {
		t.Fatalf("seed 8: records retention deleted before the group read them are lost, not skipped: %+v", gl)
	}
	if n, with := fatesOf(s, "billing", FateLost, "deleted by retention"); with != n {
		t.Fatalf("every lost record should name retention: %d of %d", with, n)
	}
}

// A producer that never hears back counts its records as failed, yet they
// may be in the log: the classic "the producer thinks it failed, the
// consumer saw it twice". Here every ack is lost on the way back, so the
// producer (idempotence off) retries and writes records again (Kafka's
// ProducerConfig retries: "may change the ordering of records" and, without
// enable.idempotence, duplicate them), then crashes and fails what it
// holds. The group processes each copy: duplicates, though none was ever
// acknowledged.
func TestProcessedTwiceButNeverAckedIsADuplicate(t *testing.T) {
	c := basicConfig(21)
	c.Producers[0].EnableIdempotence = false
	c.Producers[0].Count = 60
	s := mustNew(t, c)
	for b := 1; b <= 3; b++ {
		_ = s.Schedule(0, Command{Kind: CmdDropAcks, Broker: b, Count: 100000})
	}
	_ = s.Schedule(9000, Command{Kind: CmdCrashProducer, Producer: "order-service"})
	s.RunUntil(60000)
	l := s.Ledger()
	p, gl := l.Producers[0], groupLedger(t, s, "billing")
	if p.Acked != 0 || p.Failed != p.Sent || p.InFlight != 0 {
		t.Fatalf("seed 21: every ack was lost, so every record should count as failed: %+v", p)
	}
	if gl.Duplicated == 0 || gl.Lost != 0 || l.LogDuplicates == 0 {
		t.Fatalf("seed 21: unacknowledged records written twice and processed twice are duplicates: %+v, log duplicates %d", gl, l.LogDuplicates)
	}
	if n, with := fatesOf(s, "billing", FateDuplicated, "never acknowledged"); n != gl.Duplicated || with != n {
		t.Fatalf("each duplicate should say its producer was never acknowledged: %d of %d", with, n)
	}
	if err := checkLedgerBalance(s); err != nil {
		t.Fatal(err)
	}
}

// The books balance at every moment of faulty runs: sent = acked + failed
// + in flight per producer, with in flight counted from the producer's
// batches; per group, every acknowledged or processed record has exactly
// one fate, and the drill-down lists exactly the records the ledger counts.
func TestLedgerBalancesThroughFaults(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		c := basicConfig(seed)
		c.Producers[0].Acks = []int{AcksNone, AcksLeader, AcksAll}[seed%3]
		c.Producers[0].EnableIdempotence = c.Producers[0].Acks == AcksAll
		c.Topics[0].UncleanLeaderElection = seed%2 == 0
		c.Groups[0].Commit = []string{CommitBeforeProcessing, CommitAfterProcessing}[seed%2]
		c.Groups[0].AutoOffsetReset = []string{"earliest", "latest"}[(seed/2)%2]
		c.Producers[0].Count = 0 // sending until it crashes
		s := mustNew(t, c)
		randomFaults(s, seed, 20000)
		_ = s.Schedule(15000, Command{Kind: CmdCrashProducer, Producer: "order-service"})
		for at := int64(1000); at <= 40000; at += 1000 {
			s.RunUntil(at)
			if err := checkLedgerBalance(s); err != nil {
				t.Fatalf("seed %d at %dms: %v", seed, at, err)
			}
			if err := checkFatesAgree(s); err != nil {
				t.Fatalf("seed %d at %dms: %v", seed, at, err)
			}
		}
		if p := s.Ledger().Producers[0]; p.InFlight != 0 || p.Sent == 0 {
			t.Fatalf("seed %d: the crashed producer should hold nothing: %+v", seed, p)
		}
	}
}

// Found by the long chaos run: adding partitions woke a deleted (Dead)
// group, so its ledger came back beside the group re-created under the
// same id. A Dead group has no members to rebalance (GroupCoordinator
// only rebalances groups with members); the ledger shows one group.
func TestDeletedGroupStaysDeadWhenPartitionsAreAdded(t *testing.T) {
	c := basicConfig(309)
	c.Groups[0].Consumers = 1
	s := mustNew(t, c)
	s.RunUntil(5000)
	for _, cmd := range []Command{
		{Kind: CmdCloseConsumer, Group: "billing", Consumer: 1},
		{Kind: CmdDeleteGroup, Group: "billing"},
		{Kind: CmdAddGroup, GroupSpec: &c.Groups[0]},
		{Kind: CmdAddPartitions, Topic: "orders", Partitions: 4},
	} {
		if err := s.Apply(cmd); err != nil {
			t.Fatalf("%s: %v", cmd.Kind, err)
		}
		s.RunUntil(s.Now() + 2000)
	}
	if n := len(s.Ledger().Groups); n != 1 || s.groups[0].state != GroupDead {
		t.Fatalf("the deleted group should stay dead and the ledger show one billing, got %d (old group %v)", n, s.groups[0].state)
	}
	if err := checkLedgerBalance(s); err != nil {
		t.Fatal(err)
	}
}
