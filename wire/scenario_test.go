package wire

import (
	"context"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// A scenario served live: its own producer writes at its rate in virtual
// time while a real consumer group reads the same topic and kadm changes
// a topic config; the ledger counts the live group next to the
// scenario's.
func TestServedScenarioIsReadByALiveGroup(t *testing.T) {
	sc, err := scenarios.Load("the-log")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(s, Config{Speed: 10}) // 100 records at 5 a second: 2 s of wall time
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ConsumerGroup("live-readers"), kgo.ConsumeTopics("events"),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.DisableAutoCommit())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	got := 0
	for got < 100 {
		fs := cl.PollFetches(ctx)
		if err := fs.Err0(); err != nil {
			t.Fatal(err)
		}
		got += fs.NumRecords()
		if err := cl.CommitUncommittedOffsets(ctx); err != nil {
			t.Fatal(err)
		}
	}
	adm := kadm.NewClient(cl)
	res, err := adm.AlterTopicConfigs(ctx, []kadm.AlterConfig{{Name: "retention.ms", Value: strp("60000")}}, "events")
	if err != nil || res[0].Err != nil {
		t.Fatalf("alter retention.ms: %v %v", err, res)
	}
	var lg sim.LedgerSummary
	var retention int64
	srv.Do(func(s *sim.Sim) {
		lg = s.Ledger()
		tc, _ := s.TopicConfigOf("events")
		retention = tc.RetentionMs
	})
	g := groupLedger(t, lg, "live-readers")
	if got != 100 || g.ExactlyOnce != 100 || g.Duplicated != 0 || g.Lost != 0 {
		t.Errorf("read %d; ledger %+v; want 100 read exactly once", got, g)
	}
	if retention != 60000 {
		t.Errorf("retention.ms %d after IncrementalAlterConfigs, want 60000", retention)
	}
}

// read_committed over the wire: a live consumer of the exactly-once
// scenario's output topic gets what the scenario's own read_committed
// group (billing) reads, and with read_uncommitted what auditor reads,
// aborted records included. The aborted records are left out by the
// broker here, and the transaction markers are control batches the client
// skips (Kafka's DefaultRecordBatch control flag).
func TestLiveReadCommittedMatchesTheScenariosGroups(t *testing.T) {
	sc, err := scenarios.Load("exactly-once")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(s, Config{Speed: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var lg sim.LedgerSummary
	waitFor(t, "the scenario to play out", 60*time.Second, func() bool {
		var now int64
		srv.Do(func(s *sim.Sim) { now, lg = s.Now(), s.Ledger() })
		return now > sc.DurationMs
	})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, c := range []struct {
		iso   kgo.IsolationLevel
		group string
	}{{kgo.ReadCommitted(), "billing"}, {kgo.ReadUncommitted(), "auditor"}} {
		want := groupLedger(t, lg, c.group).Processed
		cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ConsumeTopics("enriched-orders"),
			kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.FetchIsolationLevel(c.iso))
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for got < want && ctx.Err() == nil {
			got += cl.PollFetches(ctx).NumRecords()
		}
		// Nothing more comes: the partition's end is reached.
		short, stop := context.WithTimeout(ctx, 300*time.Millisecond)
		got += cl.PollFetches(short).NumRecords()
		stop()
		cl.Close()
		if got != want {
			t.Errorf("%s-like consumer read %d records, the scenario's group %s read %d", c.group, got, c.group, want)
		}
	}
}
