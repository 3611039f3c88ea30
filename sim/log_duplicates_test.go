package sim

import "testing"

// Rule: a log duplicate is two copies of one record in the surviving log at
// the same time. Here a plain (non-idempotent) producer's request is written
// by leader 3, its response is lost, leader 3 crashes before its slow
// followers copy it, and the retry writes the record to the new leader. When
// broker 3 returns it truncates its first copy away (the leader epoch's
// divergence point, Kafka's replica truncation): one copy remains, so the
// retry is not narrated as a second copy and log_duplicates stays 0.
func TestRetryOverTruncatedCopyIsNotADuplicate(t *testing.T) {
	c := basicConfig(3)
	c.Topics[0].Partitions = 1
	c.Producers[0].Acks, c.Producers[0].EnableIdempotence = AcksLeader, false
	c.Producers[0].Count = 60
	c.Groups = nil
	s := mustNew(t, c)
	s.RunUntil(500)
	leader := leaderOf(s, "orders", 0)
	for b := 1; b <= 3; b++ {
		if b != leader {
			_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 5000})
		}
	}
	s.RunUntil(1000)
	_ = s.Apply(Command{Kind: CmdDropAcks, Broker: leader, Count: 1})
	s.RunUntil(1030)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: leader})
	s.RunUntil(8000)
	for b := 1; b <= 3; b++ {
		if b != leader {
			_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 0})
		}
	}
	s.RunUntil(20000)
	_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: leader})
	s.RunUntil(40000)

	rewritten := 0
	for rec, extra := range s.ledger.extra {
		if len(extra) > 0 && s.ledger.fate(rec).offset >= 0 {
			rewritten++
		}
	}
	if rewritten == 0 || countEvents(s, EvTruncated, nil) == 0 {
		t.Fatalf("the setup should write a record twice and truncate the first copy:\n%s", trace(s.Events()))
	}
	if n := countEvents(s, EvAppended, func(e Event) bool { return e.Text == "duplicate" }); n != 0 {
		t.Fatalf("%d appends narrated as a second copy, but the first copy was on the crashed leader only:\n%s", n, trace(s.Events()))
	}
	if d := s.Ledger().LogDuplicates; d != 0 {
		t.Fatalf("log_duplicates = %d, want 0: no record has two copies in the surviving log", d)
	}
	// Every log holds each record at most once.
	p := s.partitionOf(0, 0)
	for _, r := range p.reps {
		seen := map[int32]bool{}
		for _, e := range r.entries.All(0) {
			if e.rec >= 0 && seen[e.rec] {
				t.Fatalf("broker %d holds record %d twice", r.broker, e.rec)
			}
			seen[e.rec] = true
		}
	}
}
