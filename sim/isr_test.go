package sim

import (
	"strings"
	"testing"
)

// TestCaughtUpFollowerRejoinsUnderLoad: a follower is back in sync once its
// log reaches the high watermark and the current leader epoch's start
// (Partition.isFollowerInSync in Kafka 3.9), and meanwhile the high
// watermark waits for a follower that caught up recently
// (maybeIncrementLeaderHW). It need not equal the leader's LEO, which under
// continuous writes it almost never does.
func TestCaughtUpFollowerRejoinsUnderLoad(t *testing.T) {
	c := basicConfig(4)
	c.Topics[0].Partitions = 1
	c.Producers[0].Count = 0
	c.Producers[0].RatePerSec = 400
	c.Cluster.NetworkDelayMs = 5
	s := mustNew(t, c)
	s.RunUntil(1000)
	p := s.topics[0].parts[0]
	follower := p.replicas[1]
	if follower == p.leader {
		follower = p.replicas[2]
	}
	_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: follower, DelayMs: 15000})
	s.RunUntil(25000)
	if p.inISR(follower) {
		t.Fatalf("seed 4: slowed follower %d never left the ISR %v", follower, p.isr)
	}
	_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: follower, DelayMs: 0})
	s.RunUntil(45000)
	if !p.inISR(follower) {
		t.Fatalf("seed 4: follower %d caught up but never rejoined the ISR %v under continuous writes", follower, p.isr)
	}
	rejoined := false
	for _, e := range eventsBetween(s, 25000, 45000) {
		if e.Type == EvISRExpanded && e.Broker == follower {
			rejoined = true
			if e.Offset < e.EndOffset {
				t.Fatalf("seed 4: rejoined below the high watermark: %s", e.Why())
			}
		}
	}
	if !rejoined {
		t.Fatal("seed 4: no isr-expanded event")
	}
	if countType(eventsBetween(s, 40000, 45000), EvAcked) == 0 {
		t.Fatal("seed 4: writes stopped being acknowledged")
	}
}

// TestZooKeeperSessionTimeoutDefault: zookeeper.session.timeout.ms is 18000
// in Kafka 3.x (KIP-537), so a crashed broker is fenced 18s later.
func TestZooKeeperSessionTimeoutDefault(t *testing.T) {
	c := basicConfig(6)
	c.Cluster = DefaultCluster(3)
	c.Cluster.Metadata = MetadataZooKeeper
	s := mustNew(t, c)
	s.RunUntil(1000)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 2})
	s.RunUntil(30000)
	for _, e := range s.Events() {
		if e.Type == EvBrokerFenced {
			if e.AtMs != 19000 || !strings.Contains(e.Why(), "zookeeper.session.timeout.ms") {
				t.Fatalf("seed 6: fenced at %dms (%s), want 19000", e.AtMs, e.Why())
			}
			return
		}
	}
	t.Fatal("seed 6: broker 2 never fenced")
}

// TestQuickRestartStillLosesLeadership: a broker restarted before its old
// session expired cannot register yet (KRaft: ClusterControlManager.
// registerBroker throws DuplicateBrokerRegistrationException while the old
// incarnation's session is valid; ZooKeeper: its /brokers/ids node still
// exists). When the session expires the controller fences the old
// incarnation, which moves its leadership, and the new one registers with a
// new epoch as a follower.
func TestQuickRestartStillLosesLeadership(t *testing.T) {
	for _, mode := range []string{MetadataKRaft, MetadataZooKeeper} {
		c := basicConfig(8)
		c.Cluster.Metadata = mode
		c.Topics[0].Partitions = 1
		s := mustNew(t, c)
		s.RunUntil(2000)
		p := s.topics[0].parts[0]
		old, epoch := p.leader, p.leaderEpoch
		if old == s.controller {
			t.Skipf("seed 8: the leader is the controller in %s mode", mode)
		}
		_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: old})
		s.RunUntil(3000)
		_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: old})
		if b := s.broker(old); b.up || !b.registering {
			t.Fatalf("%s: broker %d serves again before its old session expired", mode, old)
		}
		timeout, _ := c.Cluster.SessionTimeout()
		s.RunUntil(2000 + timeout + 5000)
		if p.leader == old || p.leaderEpoch == epoch {
			t.Fatalf("%s: broker %d kept leadership (epoch %d) after a restart\n%s", mode, old, p.leaderEpoch, trace(s.Events()[:40]))
		}
		if !s.brokerUp(old) || !p.inISR(old) {
			t.Fatalf("%s: broker %d did not register again and catch up (ISR %v)", mode, old, p.isr)
		}
		var fencedAt, unfencedAt int64
		for _, e := range s.Events() {
			if e.Broker == old && e.Type == EvBrokerFenced {
				fencedAt = e.AtMs
			}
			if e.Broker == old && e.Type == EvBrokerUnfenced {
				unfencedAt = e.AtMs
			}
		}
		if fencedAt != 2000+timeout || unfencedAt != fencedAt {
			t.Fatalf("%s: fenced at %d, registered at %d; want both at %d", mode, fencedAt, unfencedAt, 2000+timeout)
		}
	}
}

// TestExpiredActiveSegmentIsDeleted: once even the active segment's newest
// record is older than retention.ms, the broker rolls a new empty segment
// and deletes the old one (UnifiedLog.deletableSegments / deleteSegments),
// so the log start offset reaches the log end.
func TestExpiredActiveSegmentIsDeleted(t *testing.T) {
	c := basicConfig(10)
	c.Topics[0].RetentionMs = 10000
	c.Cluster.LogRetentionCheckIntervalMs = 1000
	c.Producers[0].Count = 40
	c.Groups = nil
	s := mustNew(t, c)
	s.RunUntil(20000)
	written := 0
	for _, p := range s.topics[0].parts {
		if p.leaderRep().leo > 0 {
			written++
		}
		for _, r := range p.reps {
			if r.logStart != r.leo || r.entries.Len() != 0 {
				t.Fatalf("seed 10: %s broker %d: log start %d, LEO %d, %d entries left", p.tp(), r.broker, r.logStart, r.leo, r.entries.Len())
			}
		}
	}
	n := 0
	for _, e := range s.Events() {
		if e.Type == EvSegmentsDeleted && strings.Contains(e.Why(), "the active one too") {
			n++
		}
	}
	if written == 0 || n != written {
		t.Fatalf("seed 10: %d partitions narrated deleting their active segment, want %d", n, written)
	}
	// Writes after the deletion land in the new segment.
	_ = s.Apply(Command{Kind: CmdProduce, Producer: "order-service", Count: 4})
	s.RunUntil(22000)
	if got := s.Snapshot().Ledger.Producers[0].Acked; got != 44 {
		t.Fatalf("seed 10: %d acked after writing into the rolled log, want 44", got)
	}
}

// TestNarrationMatchesConfig: Why() never says unclean election is off when
// the topic enables it, and singular counts read as English.
func TestNarrationMatchesConfig(t *testing.T) {
	c := basicConfig(11)
	c.Topics = []TopicConfig{DefaultTopic("solo", 1, 1)}
	c.Topics[0].UncleanLeaderElection = true
	c.Producers[0].Topic = "solo"
	c.Groups = nil
	s := mustNew(t, c)
	s.RunUntil(1000)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: s.topics[0].parts[0].leader})
	s.RunUntil(15000)
	offline := 0
	for _, e := range s.Events() {
		why := e.Why()
		for _, bad := range []string{"1 copy on different brokers", "all 1 in-sync replica have", "unclean.leader.election.enable=false"} {
			if strings.Contains(why, bad) {
				t.Fatalf("seed 11: %q in: %s", bad, why)
			}
		}
		if e.Type == EvPartitionOffline {
			offline++
		}
	}
	if offline != 1 {
		t.Fatalf("seed 11: %d partition-offline events, want 1", offline)
	}
}
