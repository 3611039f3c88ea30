package sim

import (
	"math/rand/v2"
	"testing"
)

// Timer lanes change what the heap holds, not what it pops: a queue that
// files timers in lanes pops the same items in the same order as one plain
// heap, whatever mix of lanes, plain items and out-of-order delays.
func TestTimerLanesPopAsOneHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var plain, laned eventQueue
	now := int64(0)
	for step := 0; step < 20_000; step++ {
		if rng.IntN(3) > 0 || plain.Len() == 0 {
			p := &producer{idx: int32(rng.IntN(3))}
			it := requestTimeoutItem(p, int32(step), 0)
			it.atMs = now + int64(rng.IntN(50))
			if rng.IntN(4) == 0 {
				it.atMs = now + 1000 // a lane's usual fixed delay
			}
			plain.push(it)
			if rng.IntN(5) == 0 {
				laned.push(it)
			} else {
				laned.pushLane(int(p.idx), it)
			}
			continue
		}
		a, b := plain.pop(), laned.pop()
		now = a.atMs
		if a.seq != b.seq || a.atMs != b.atMs || a.batch() != b.batch() {
			t.Fatalf("step %d: heap popped %+v, lanes popped %+v", step, a, b)
		}
		if plain.Len() != laned.Len() {
			t.Fatalf("step %d: %d queued, lanes report %d", step, plain.Len(), laned.Len())
		}
	}
}

// A clone (a checkpoint) shares its lanes' blocks: after it, the original
// and the clone each go on as a plain heap would, whatever the other does.
func TestTimerLanesCloneIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var plain, laned eventQueue
	due := int64(0)
	fill := func(q, h *eventQueue, n int) {
		for i := 0; i < n; i++ {
			it := batchExpireItem(&producer{idx: 1}, int32(rng.IntN(1<<20)))
			due += int64(rng.IntN(2))
			it.atMs = due
			h.push(it)
			q.pushLane(2, it)
		}
	}
	drain := func(q, h *eventQueue, n int) {
		for i := 0; i < n && h.Len() > 0; i++ {
			a, b := h.pop(), q.pop()
			if a.seq != b.seq || a.atMs != b.atMs || a.batch() != b.batch() || a.kind != b.kind {
				t.Fatalf("pop %d: heap %+v, lanes %+v", i, a, b)
			}
		}
		if h.Len() != q.Len() {
			t.Fatalf("%d queued, lanes report %d", h.Len(), q.Len())
		}
	}
	fill(&laned, &plain, 3*laneBlockLen+17)
	drain(&laned, &plain, laneBlockLen+5)
	plainC, lanedC := plain.clone(), laned.clone()
	fill(&laned, &plain, 2*laneBlockLen) // writes after the clone
	drain(&laned, &plain, 3*laneBlockLen)
	fill(&laned, &plain, laneBlockLen) // reuses emptied blocks
	fill(&lanedC, &plainC, 100)
	drain(&lanedC, &plainC, 1<<30)
	drain(&laned, &plain, 1<<30)
}

// Dropping spent delivery and request timers (dropSpentTimers) changes the
// steps a run takes, not what happens: with batches completing on two
// partitions while the leader of the one the first key goes to is down
// (replication factor 1: it stays offline) and its batches wait for
// delivery.timeout.ms (ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), the run
// emits the same events, expiries included, as one that keeps every timer
// until it is due, in fewer steps, with far fewer timers waiting.
func TestSpentTimersDroppedSameRun(t *testing.T) {
	c := basicConfig(5)
	c.Topics[0].ReplicationFactor, c.Topics[0].MinInsyncReplicas = 1, 1
	c.Producers[0].Count, c.Producers[0].RatePerSec = 0, 100
	c.Producers[0].DeliveryTimeoutMs = 20000
	c.Groups = nil
	run := func(keep bool) *Sim {
		s := mustNew(t, c)
		s.queue.keepSpent = keep
		s.RunUntil(5000)
		stuck := PartitionForKey([]byte(c.Producers[0].Keys[0]), c.Topics[0].Partitions)
		if err := s.Apply(Command{Kind: CmdCrashBroker, Broker: leaderOf(s, "orders", stuck)}); err != nil {
			t.Fatal(err)
		}
		s.RunUntil(70000)
		return s
	}
	kept, dropped := run(true), run(false)
	if kept.Digest() != dropped.Digest() || kept.EventCount() != dropped.EventCount() {
		t.Fatalf("dropping spent timers changed the run: %d events %s, kept %d events %s",
			dropped.EventCount(), dropped.Digest(), kept.EventCount(), kept.Digest())
	}
	expired := 0
	for _, e := range dropped.Events() {
		if e.Type == EvProduceFailed && e.Err == "TimeoutException" {
			expired++
		}
	}
	if expired == 0 {
		t.Fatal("no batch of the offline partition expired: the test lost its point")
	}
	if dropped.StepCount() >= kept.StepCount() {
		t.Fatalf("steps: %d with spent timers dropped, %d kept", dropped.StepCount(), kept.StepCount())
	}
	if dropped.queue.queued >= kept.queue.queued {
		t.Fatalf("timers waiting in lanes: %d dropped vs %d kept", dropped.queue.queued, kept.queue.queued)
	}
}

// In a healthy run every batch completes long before its timers fall due:
// the lanes then hold about the batches in flight, not the thousands sent
// within the last delivery.timeout.ms (120 s by default).
func TestSpentTimersLeaveLanesShort(t *testing.T) {
	c := basicConfig(5)
	c.Producers[0].Count, c.Producers[0].RatePerSec = 0, 100
	c.Groups = nil
	s := mustNew(t, c)
	s.RunUntil(150_000)
	if n := s.producers[0].acked; n < 14_000 {
		t.Fatalf("only %d records acked in 150 s at 100/s", n)
	}
	if s.queue.queued > 64 {
		t.Fatalf("%d timers wait in lanes after %d batches", s.queue.queued, s.batches.Len())
	}
}
