package sim

import "testing"

// oneGroupLedger runs the config and returns the ledger of its group.
func groupLedger(t *testing.T, s *Sim, id string) GroupLedger {
	t.Helper()
	for _, g := range s.Ledger().Groups {
		if g.ID == id {
			return g
		}
	}
	t.Fatalf("no group %s", id)
	return GroupLedger{}
}

func producerLedger(t *testing.T, s *Sim, id string) ProducerLedger {
	t.Helper()
	for _, p := range s.Ledger().Producers {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no producer %s", id)
	return ProducerLedger{}
}

// leaderCrashConfig: one partition led by broker 1 whose followers are slow,
// so they lag behind when the leader dies.
func leaderCrashConfig(seed uint64, acks int, unclean bool) Config {
	c := basicConfig(seed)
	c.Topics[0].Partitions = 1
	c.Topics[0].UncleanLeaderElection = unclean
	c.Topics[0].MinInsyncReplicas = 1
	c.Producers[0].Acks = acks
	c.Producers[0].EnableIdempotence = acks == AcksAll
	c.Producers[0].Count = 200
	c.Producers[0].RatePerSec = 50
	c.Groups[0].Consumers = 1
	return c
}

func leaderOf(s *Sim, topic string, part int) int {
	_, t := s.topicByName(topic)
	return t.parts[part].leader
}

func TestAcks1LeaderCrashLosesAckedRecords(t *testing.T) {
	s := mustNew(t, leaderCrashConfig(11, AcksLeader, false))
	s.RunUntil(2000)
	leader := leaderOf(s, "orders", 0)
	// The followers fall behind, then the leader dies with records only it has.
	for b := 1; b <= 3; b++ {
		if b != leader {
			if err := s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 3000}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.RunUntil(3500)
	if err := s.Apply(Command{Kind: CmdCrashBroker, Broker: leader}); err != nil {
		t.Fatal(err)
	}
	for b := 1; b <= 3; b++ {
		if b != leader {
			_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 0})
		}
	}
	s.RunUntil(30000)
	if err := s.Apply(Command{Kind: CmdRestartBroker, Broker: leader}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(60000)
	gl := groupLedger(t, s, "billing")
	if gl.Lost == 0 {
		t.Fatalf("seed 11: acks=1 with the leader dying ahead of its followers lost nothing: %+v\n%s", gl, trace(s.Events()))
	}
	truncated := false
	for _, e := range s.Events() {
		truncated = truncated || e.Type == EvTruncated
	}
	if !truncated {
		t.Fatalf("seed 11: the old leader never truncated its log")
	}
}

func TestAcksAllKeepsAckedRecordsThroughLeaderCrash(t *testing.T) {
	c := leaderCrashConfig(11, AcksAll, false)
	c.Topics[0].MinInsyncReplicas = 2
	s := mustNew(t, c)
	s.RunUntil(2000)
	leader := leaderOf(s, "orders", 0)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: leader})
	s.RunUntil(30000)
	_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: leader})
	s.RunUntil(60000)
	gl := groupLedger(t, s, "billing")
	if gl.Lost != 0 || gl.Pending != 0 {
		t.Fatalf("seed 11: acks=all lost or stranded acked records: %+v", gl)
	}
	if pl := producerLedger(t, s, "order-service"); pl.Acked != 200 {
		t.Fatalf("seed 11: acked %d of 200: %+v", pl.Acked, pl)
	}
}

func TestUncleanElectionLosesRecords(t *testing.T) {
	for _, unclean := range []bool{false, true} {
		c := leaderCrashConfig(4, AcksLeader, unclean)
		// In KRaft two dead brokers out of three would take the controller
		// quorum down too; ZooKeeper mode keeps a controller on any live broker.
		c.Cluster.Metadata = MetadataZooKeeper
		// The group reads only after the election, so it can only process
		// what the log still holds.
		c.Groups[0].StartMs = 45000
		s := mustNew(t, c)
		s.RunUntil(1000)
		leader := leaderOf(s, "orders", 0)
		var followers []int
		for b := 1; b <= 3; b++ {
			if b != leader {
				followers = append(followers, b)
			}
		}
		// A follower stalls and drops out of the ISR; the other dies; then the
		// leader dies: only the stale follower is left.
		_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: followers[0], DelayMs: 60000})
		_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: followers[1]})
		s.RunUntil(20000)
		_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: followers[0], DelayMs: 0})
		_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: leader})
		s.RunUntil(60000)
		_, tp := s.topicByName("orders")
		p := tp.parts[0]
		if unclean {
			if p.leader != followers[0] {
				t.Fatalf("unclean: leader %d, want the stale follower %d\n%s", p.leader, followers[0], trace(s.Events()))
			}
			if gl := groupLedger(t, s, "billing"); gl.Lost == 0 {
				t.Fatalf("unclean election lost nothing: %+v", gl)
			}
		} else if p.leader != 0 {
			t.Fatalf("clean: partition should be offline, leader is %d", p.leader)
		}
	}
}

func TestMinInsyncReplicasRefusesWrites(t *testing.T) {
	c := basicConfig(2)
	c.Topics[0].Partitions = 1
	c.Producers[0].Count = 0
	c.Producers[0].DeliveryTimeoutMs = 120000
	// A dedicated controller quorum outlives the two crashed brokers, so
	// the ISR can shrink (in combined mode they would take the quorum too).
	c.Cluster.Controllers = 3
	s := mustNew(t, c)
	s.RunUntil(1000)
	leader := leaderOf(s, "orders", 0)
	for b := 1; b <= 3; b++ {
		if b != leader {
			_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: b})
		}
	}
	s.RunUntil(20000)
	refused := 0
	for _, e := range s.Events() {
		if e.Type == EvProduceFailed && e.Err == "NOT_ENOUGH_REPLICAS" {
			refused++
		}
	}
	if refused == 0 {
		t.Fatalf("with 1 in-sync replica and min.insync.replicas=2, no write was refused\n%s", trace(s.Events()))
	}
}

func retryConfig(idempotent bool) Config {
	c := basicConfig(9)
	c.Producers[0].EnableIdempotence = idempotent
	c.Producers[0].Count = 60
	c.Groups[0].Consumers = 1
	return c
}

func TestLostAckRetryDuplicatesWithoutIdempotence(t *testing.T) {
	for _, idem := range []bool{false, true} {
		s := mustNew(t, retryConfig(idem))
		s.RunUntil(1000)
		for b := 1; b <= 3; b++ {
			_ = s.Apply(Command{Kind: CmdDropAcks, Broker: b, Count: 2})
		}
		s.RunUntil(30000)
		ledger := s.Ledger()
		gl := groupLedger(t, s, "billing")
		if idem {
			if ledger.LogDuplicates != 0 || gl.Duplicated != 0 {
				t.Fatalf("idempotent producer still duplicated: %+v %+v", ledger.LogDuplicates, gl)
			}
			dropped := false
			for _, e := range s.Events() {
				dropped = dropped || e.Type == EvDuplicateDrop
			}
			if !dropped {
				t.Fatalf("no duplicate-dropped event\n%s", trace(s.Events()))
			}
		} else if ledger.LogDuplicates == 0 || gl.Duplicated == 0 {
			t.Fatalf("retries without idempotence wrote no duplicates: %d %+v\n%s", ledger.LogDuplicates, gl, trace(s.Events()))
		}
		if gl.Lost != 0 {
			t.Fatalf("lost records: %+v", gl)
		}
	}
}
