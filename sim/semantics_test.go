package sim

import "testing"

// crashRun runs the basic config with a group commit mode, crashes c1 in the
// middle of a batch, and returns the group's ledger once everything settled.
func crashRun(t *testing.T, seed uint64, mutate func(*Config), crashAtMs int64) (*Sim, GroupLedger) {
	t.Helper()
	c := basicConfig(seed)
	c.Producers[0].RatePerSec = 100
	c.Producers[0].Count = 300
	c.Groups[0].ProcessingMs = 50
	c.Groups[0].Consumers = 2
	mutate(&c)
	s := mustNew(t, c)
	if err := s.Schedule(crashAtMs, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(120000)
	return s, groupLedger(t, s, "billing")
}

func TestCommitBeforeProcessingLosesOnCrash(t *testing.T) {
	_, gl := crashRun(t, 21, func(c *Config) { c.Groups[0].Commit = CommitBeforeProcessing }, 4000)
	if gl.Lost == 0 || gl.Duplicated != 0 || gl.Pending != 0 {
		t.Fatalf("seed 21: at-most-once wants lost > 0, duplicated = 0: %+v", gl)
	}
}

func TestCommitAfterProcessingDuplicatesOnCrash(t *testing.T) {
	_, gl := crashRun(t, 21, func(c *Config) { c.Groups[0].Commit = CommitAfterProcessing }, 4000)
	if gl.Duplicated == 0 || gl.Lost != 0 || gl.Pending != 0 {
		t.Fatalf("seed 21: at-least-once wants duplicated > 0, lost = 0: %+v", gl)
	}
}

func TestAutoCommitCanDuplicateOrLose(t *testing.T) {
	// In the usual loop (process, then poll again) auto-commit only ever
	// commits processed records: a crash duplicates.
	_, gl := crashRun(t, 21, func(c *Config) {
		c.Groups[0].Commit = CommitAuto
		c.Groups[0].AutoCommitIntervalMs = 5000
	}, 5000)
	if gl.Duplicated == 0 || gl.Lost != 0 {
		t.Fatalf("auto-commit, processing in the poll loop: want duplicates and no loss: %+v", gl)
	}
	// Hand records to a worker thread and poll() commits what the worker
	// has not processed yet: a crash loses them.
	_, gl = crashRun(t, 21, func(c *Config) {
		c.Groups[0].Commit = CommitAuto
		c.Groups[0].AutoCommitIntervalMs = 1000
		c.Groups[0].AsyncProcessing = true
		c.Groups[0].ProcessingMs = 100
	}, 9000)
	if gl.Lost == 0 {
		t.Fatalf("auto-commit with asynchronous processing: want lost > 0: %+v", gl)
	}
}

func TestTransactionsProcessExactlyOnce(t *testing.T) {
	s, gl := crashRun(t, 21, func(c *Config) {
		out := DefaultTopic("enriched", 3, 3)
		c.Topics = append(c.Topics, out)
		c.Groups[0].Commit = CommitTransactional
		c.Groups[0].OutputTopic = "enriched"
		c.Groups[0].IsolationLevel = "read_committed"
		down := DefaultGroup("shipping", "enriched")
		down.IsolationLevel = "read_committed"
		down.AutoOffsetReset = "earliest"
		down.Commit = CommitAfterProcessing
		c.Groups = append(c.Groups, down)
	}, 4000)
	if gl.Duplicated != 0 || gl.Lost != 0 || gl.Pending != 0 || gl.ExactlyOnce != 300 {
		t.Fatalf("seed 21: transactions want exactly once for all 300: %+v", gl)
	}
	aborted := false
	for _, e := range s.Events() {
		aborted = aborted || e.Type == EvTxnAborted
	}
	if !aborted {
		t.Fatalf("the crash should have left a transaction to abort")
	}
	if down := groupLedger(t, s, "shipping"); down.Duplicated != 0 || down.ExactlyOnce != 300 {
		t.Fatalf("read_committed downstream should see each output once: %+v", down)
	}
}

func TestRetentionShorterThanDowntimeLoses(t *testing.T) {
	c := basicConfig(8)
	c.Cluster.LogRetentionCheckIntervalMs = 1000
	c.Topics[0].RetentionMs = 5000
	c.Topics[0].SegmentBytes = 200
	c.Producers[0].Count = 0
	c.Groups[0].Consumers = 1
	c.Groups[0].Commit = CommitAfterProcessing
	s := mustNew(t, c)
	_ = s.Schedule(5000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1})
	_ = s.Schedule(25000, Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(40000)
	gl := groupLedger(t, s, "billing")
	if gl.Lost == 0 {
		t.Fatalf("seed 8: retention deleted nothing the group missed: %+v\n", gl)
	}
	reset := false
	for _, e := range s.Events() {
		reset = reset || (e.Type == EvOffsetReset && e.Reason == ReasonOutOfRange)
	}
	if !reset {
		t.Fatalf("the consumer should have found its offset out of range")
	}
}

// TestLostIsFinal: once the ledger calls a record lost or skipped for a
// group, the group never processes it later.
func TestLostIsFinal(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		c := basicConfig(seed)
		c.Groups[0].ProcessingMs = 0
		c.Groups[0].Commit = CommitAuto
		c.Groups[0].AutoOffsetReset = "latest"
		if seed%2 == 1 {
			// acks=0 records count once sent; on the wire they are pending.
			c.Producers[0].Acks, c.Producers[0].EnableIdempotence = AcksNone, false
		}
		s := mustNew(t, c)
		randomFaults(s, seed, 20000)
		lost := map[int32]bool{}
		for s.Now() < 40000 && s.Step() {
			if s.StepCount()%7 != 0 {
				continue
			}
			g := s.groups[0]
			s.eachGroupRecord(g, func(rec int32, f Fate) {
				if f == FateLost || f == FateSkipped {
					lost[rec] = true
				} else if lost[rec] && (f == FateExactlyOnce || f == FateDuplicated || f == FatePending) {
					t.Fatalf("seed %d at %dms: record %d was lost, now %s", seed, s.Now(), rec, f)
				}
			})
		}
	}
}

// A restarted transactional consumer fences its old instance: what the old
// one left open is aborted, and read_committed readers never see it.
func TestRestartFencesOpenTransaction(t *testing.T) {
	c := basicConfig(21)
	c.Producers[0].RatePerSec, c.Producers[0].Count = 100, 300
	c.Topics = append(c.Topics, DefaultTopic("enriched", 2, 3))
	c.Groups[0].Commit, c.Groups[0].OutputTopic, c.Groups[0].Consumers, c.Groups[0].ProcessingMs = CommitTransactional, "enriched", 1, 50
	down := DefaultGroup("shipping", "enriched")
	down.IsolationLevel, down.AutoOffsetReset, down.Commit = "read_committed", "earliest", CommitAfterProcessing
	c.Groups = append(c.Groups, down)
	s := mustNew(t, c)
	_ = s.Schedule(4000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1})
	_ = s.Schedule(6000, Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(90000)
	if g := groupLedger(t, s, "shipping"); g.Processed != 300 || g.ExactlyOnce != 300 {
		t.Fatalf("read_committed downstream processed %d (want 300, none aborted): %+v", g.Processed, g)
	}
	if n := countEvents(s, EvTxnAborted, nil); n != 1 {
		t.Fatalf("want the fenced transaction aborted once, got %d", n)
	}
}
