package sim

import "testing"

// Rule: while a partition's sends are held back (max.in.flight.requests.per.connection
// reached, slow replication with acks=all), records keep appending to its
// batch waiting in the accumulator up to batch.size bytes, and the next
// request carries the full batch (RecordAccumulator.append adds to the last
// batch of the partition's deque while it has room; Sender drains whole
// batches). So a producer behind slow followers drains its backlog.
func TestAccumulatorBatchesTheBacklog(t *testing.T) {
	c := basicConfig(4)
	c.Topics[0].Partitions = 1
	c.Producers[0].RatePerSec, c.Producers[0].Count = 1000, 5000
	c.Producers[0].BatchSizeBytes = 2048
	c.Groups = nil
	s := mustNew(t, c)
	for b := 1; b <= 3; b++ {
		_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 150})
	}
	s.RunUntil(15000)
	pl := producerLedger(t, s, "order-service")
	if pl.Acked != 5000 {
		t.Fatalf("the backlog should drain: %+v", pl)
	}
	requests, biggest := 0, 0
	for _, e := range s.Events() {
		if e.Type == EvProduceRequest {
			requests++
			biggest = max(biggest, e.Count)
		}
	}
	// A record here is about 30 bytes: a 2048-byte batch holds ~60 of them.
	t.Logf("%d requests, biggest %d, acked at %v", requests, biggest, pl)
	if requests > 5000/20 {
		t.Fatalf("%d produce requests for 5000 records: the backlog was not batched", requests)
	}
	for i := range s.batches.Len() {
		if b := s.batches.At(i); int(b.bytes) > c.Producers[0].BatchSizeBytes {
			t.Fatalf("a batch holds %d bytes, more than batch.size=%d", s.batches.At(i).bytes, c.Producers[0].BatchSizeBytes)
		}
	}
	if biggest < 40 {
		t.Fatalf("the biggest request carried %d records; full batches should carry ~60", biggest)
	}
}

// Rule: one produce request carries the ready batches of every partition
// the broker leads (RecordAccumulator.drain gathers one batch per partition
// per node; Sender.sendProduceRequests sends one request per node). With
// max.in.flight.requests.per.connection=1, batches of two partitions led by
// one broker still travel together.
func TestOneRequestCarriesEveryPartitionOfABroker(t *testing.T) {
	c := basicConfig(6)
	c.Topics[0].Partitions = 6
	c.Producers[0].RatePerSec, c.Producers[0].Count = 600, 3000
	c.Producers[0].Keys = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}
	c.Producers[0].MaxInFlight = 1
	c.Groups = nil
	s := mustNew(t, c)
	for b := 1; b <= 3; b++ {
		_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 100})
	}
	s.RunUntil(20000)
	if pl := producerLedger(t, s, "order-service"); pl.Acked != 3000 {
		t.Fatalf("every record should be acked: %+v", pl)
	}
	type slot struct {
		at     int64
		broker int
	}
	parts := map[slot]map[int]bool{}
	shared := 0
	for _, e := range s.Events() {
		if e.Type != EvProduceRequest {
			continue
		}
		k := slot{e.AtMs, e.Broker}
		if parts[k] == nil {
			parts[k] = map[int]bool{}
		}
		if parts[k][e.Partition] {
			t.Fatalf("two batches of %s-%d in one request at %dms", e.Topic, e.Partition, e.AtMs)
		}
		parts[k][e.Partition] = true
		if len(parts[k]) == 2 {
			shared++
		}
	}
	if shared == 0 {
		t.Fatalf("with max.in.flight=1 no request carried two partitions' batches")
	}
	for _, p := range s.producers {
		for i, n := range p.inflight {
			if n != 0 {
				t.Fatalf("broker %d still counts %d requests in flight after the run", i+1, n)
			}
		}
	}
}
