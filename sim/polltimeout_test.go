package sim

import "testing"

// Slow processing outlasts max.poll.interval.ms (KIP-62). The Java client's
// heartbeat thread notices the poll timer ran out
// (AbstractCoordinator.HeartbeatThread: "consumer poll timeout has
// expired") and sends LeaveGroup (maybeLeaveGroup); the group rebalances;
// the late commitSync fails with CommitFailedException
// (ConsumerCoordinator.sendOffsetCommitRequest: "not part of an active
// group"); the partitions' new owner starts from the last committed offset
// and processes the same records again: duplicates.
func TestSlowProcessingOutlastsMaxPollInterval(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		c := basicConfig(seed)
		c.Topics[0].Partitions = 2
		c.Producers[0].Count = 40
		g := &c.Groups[0]
		g.Assignors = []string{AssignorRange}
		g.MaxPollRecords = 50
		g.ProcessingMs = 500 // 20 records take 10 s
		g.MaxPollIntervalMs = 6000
		g.SessionTimeoutMs = 10000
		s := mustNew(t, c)
		s.RunUntil(120_000)
		evs := s.Events()
		first := func(typ EventType, match func(Event) bool) int {
			for i, e := range evs {
				if e.Type == typ && (match == nil || match(e)) {
					return i
				}
			}
			return -1
		}
		timeout := first(EvPollTimeout, nil)
		if timeout < 0 {
			t.Fatalf("seed %d: no poll timeout although a poll's records take longer than max.poll.interval.ms\n%s", seed, trace(evs))
		}
		slow := evs[timeout].Member
		left := first(EvMemberLeft, func(e Event) bool { return e.Reason == ReasonPollTimeout && e.Member == slow })
		failed := first(EvCommitFailed, func(e Event) bool {
			return e.Member == slow && e.Err == "CommitFailedException" && e.Reason == ReasonPollTimeout
		})
		lost := first(EvRevoked, func(e Event) bool { return e.Member == slow && e.Reason == ReasonPartitionsLost })
		if left < timeout || failed < left || lost < failed {
			t.Fatalf("seed %d: want poll-timeout, then LeaveGroup, then a failed commit, then partitions lost: %d %d %d %d\n%s",
				seed, timeout, left, failed, lost, trace(evs))
		}
		if evs[timeout].DurationMs < g.MaxPollIntervalMs || evs[timeout].AtMs-evs[timeout].DurationMs < 0 {
			t.Fatalf("seed %d: poll timeout after %d ms, want at least %d", seed, evs[timeout].DurationMs, g.MaxPollIntervalMs)
		}
		if first(EvRebalanceStarted, func(e Event) bool { return e.Reason == ReasonPollTimeout && e.Member == slow }) < left {
			t.Fatalf("seed %d: the LeaveGroup should start a rebalance\n%s", seed, trace(evs))
		}
		gs := s.Ledger().Groups[0]
		if gs.Duplicated == 0 {
			t.Fatalf("seed %d: the next owner should process again what the slow member processed but could not commit: %+v\n%s", seed, gs, trace(evs))
		}
		if gs.Lost != 0 {
			t.Fatalf("seed %d: commit-after-processing loses nothing here: %+v", seed, gs)
		}
	}
}

// A static member sends no LeaveGroup when its poll timer runs out
// (AbstractCoordinator.maybeLeaveGroup is for dynamic members only): its
// heartbeats stop, its late commit still fails, and when it polls again
// within session.timeout.ms it rejoins under its group.instance.id and gets
// the same partitions back without a rebalance — and reprocesses them.
func TestStaticMemberPollTimeoutSendsNoLeaveGroup(t *testing.T) {
	c := basicConfig(1)
	c.Topics[0].Partitions = 2
	c.Producers[0].Count = 40
	g := &c.Groups[0]
	g.Assignors = []string{AssignorRange}
	g.GroupInstanceID = "billing-worker"
	g.ProcessingMs = 500
	g.MaxPollIntervalMs = 6000
	g.SessionTimeoutMs = 10000
	s := mustNew(t, c)
	s.RunUntil(25_000) // the second pass over the batch ends at 23 s
	if n := countEvents(s, EvMemberLeft, nil); n != 0 {
		t.Fatalf("static members sent %d LeaveGroups\n%s", n, trace(s.Events()))
	}
	if n := countEvents(s, EvPollTimeout, func(e Event) bool { return e.Reason == ReasonStatic }); n == 0 {
		t.Fatalf("no poll timeout\n%s", trace(s.Events()))
	}
	if n := countEvents(s, EvCommitFailed, func(e Event) bool { return e.Err == "CommitFailedException" }); n == 0 {
		t.Fatalf("the late commit should fail\n%s", trace(s.Events()))
	}
	if n := countEvents(s, EvAssigned, func(e Event) bool { return e.Reason == ReasonStaticRejoin }); n == 0 {
		t.Fatalf("the static member should get its partitions back\n%s", trace(s.Events()))
	}
	if n := countEvents(s, EvRebalanceStarted, nil); n != 1 {
		t.Fatalf("only the first rebalance, got %d\n%s", n, trace(s.Events()))
	}
	if s.Ledger().Groups[0].Duplicated == 0 {
		t.Fatalf("records processed before the failed commit are processed again\n%s", trace(s.Events()))
	}
}
