package sim

import (
	"strings"
	"testing"
)

// metadataEvent: a change only the active controller can commit.
func metadataEvent(t EventType) bool {
	switch t {
	case EvBrokerFenced, EvBrokerUnfenced, EvISRShrunk, EvISRExpanded, EvLeaderElected, EvPartitionOffline:
		return true
	}
	return false
}

func eventsBetween(s *Sim, fromMs, toMs int64) []Event {
	var out []Event
	for _, e := range s.Events() {
		if e.AtMs >= fromMs && e.AtMs < toMs {
			out = append(out, e)
		}
	}
	return out
}

func countType(evs []Event, t EventType) int {
	n := 0
	for _, e := range evs {
		if e.Type == t {
			n++
		}
	}
	return n
}

// quorumConfig: a steady acks=all producer that never gives up on its own.
func quorumConfig(seed uint64) Config {
	c := basicConfig(seed)
	c.Producers[0].Count = 0
	c.Producers[0].DeliveryTimeoutMs = 600000
	return c
}

// TestNoMetadataChangeWithoutQuorum: KRaft commits every metadata change
// (fencing, AlterPartition, leader election) through the active controller,
// which needs a majority of controller.quorum.voters (KafkaRaftClient,
// LeaderState's check-quorum). With two of the three combined-mode voters
// down nothing is fenced, no ISR shrinks and acks=all stalls; when a voter
// returns the backlog happens.
func TestNoMetadataChangeWithoutQuorum(t *testing.T) {
	s := mustNew(t, quorumConfig(3))
	s.RunUntil(2000)
	for _, b := range []int{2, 3} {
		if err := s.Apply(Command{Kind: CmdCrashBroker, Broker: b}); err != nil {
			t.Fatal(err)
		}
	}
	s.RunUntil(30000)
	outage := eventsBetween(s, 2000, 30000)
	for _, e := range outage {
		if metadataEvent(e.Type) {
			t.Fatalf("seed 3: %s at %dms without a quorum: %s\n%s", e.Type, e.AtMs, e.Why(), trace(outage))
		}
	}
	if countType(outage, EvControllerLost) != 1 || countType(outage, EvISRChangePending) == 0 {
		t.Fatalf("seed 3: want one controller-lost and a pending ISR change\n%s", trace(outage))
	}
	if n := countType(eventsBetween(s, 3000, 30000), EvAcked); n != 0 {
		t.Fatalf("seed 3: %d acks=all acks while two of three replicas were down and the ISR could not shrink", n)
	}
	for _, p := range s.topics[0].parts {
		if len(p.isr) != 3 {
			t.Fatalf("seed 3: %s ISR %v changed without a controller", p.tp(), p.isr)
		}
	}
	if err := s.Apply(Command{Kind: CmdRestartBroker, Broker: 2}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(60000)
	after := eventsBetween(s, 30000, 60000)
	if countType(after, EvControllerElected) != 1 || countType(after, EvBrokerFenced) == 0 ||
		countType(after, EvISRShrunk)+countType(after, EvLeaderElected) == 0 {
		t.Fatalf("seed 3: once the quorum is back the controller should fence, shrink and elect\n%s", trace(after))
	}
	if countType(eventsBetween(s, 45000, 60000), EvAcked) == 0 {
		t.Fatalf("seed 3: acks=all never resumed after the quorum returned\n%s", trace(after))
	}
}

// TestDedicatedQuorumOutlivesBrokers: with [cluster] controllers = 3 the
// quorum runs on controller-only nodes 4-6 (process.roles=controller), so
// crashing every broker of a partition leaves an active controller that
// fences them and takes the partition offline, then elects a leader when one
// returns. In combined mode the same crash leaves no controller at all.
func TestDedicatedQuorumOutlivesBrokers(t *testing.T) {
	c := quorumConfig(5)
	c.Cluster.Controllers = 3
	s := mustNew(t, c)
	if s.controller < 4 || s.controller > 6 {
		t.Fatalf("seed 5: active controller %d is not a controller node", s.controller)
	}
	s.RunUntil(2000)
	for b := 1; b <= 3; b++ {
		_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: b})
	}
	s.RunUntil(15000)
	down := eventsBetween(s, 2000, 15000)
	if s.controller == 0 || countType(down, EvBrokerFenced) != 3 || countType(down, EvPartitionOffline) != 3 {
		t.Fatalf("seed 5: want the controller to fence 3 brokers and take 3 partitions offline\n%s", trace(down))
	}
	for _, e := range down {
		if e.Type == EvBrokerFenced && !strings.Contains(e.Why(), "controller node") {
			t.Fatalf("seed 5: fencing should name the controller node: %s", e.Why())
		}
	}
	// The controller fences one broker at a time; each fencing moves
	// leadership to a broker it still counts as registered, so the last one
	// fenced is every partition's last in-sync replica.
	last := s.topics[0].parts[0].isr[0]
	_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: last})
	s.RunUntil(25000)
	back := 0
	for _, p := range s.topics[0].parts {
		switch {
		case p.inISR(last) && p.leader != last:
			t.Fatalf("seed 5: %s (ISR %v) has leader %d after broker %d, its last in-sync replica, returned", p.tp(), p.isr, p.leader, last)
		case !p.inISR(last) && p.leader != 0:
			t.Fatalf("seed 5: %s (ISR %v) got leader %d from outside its ISR", p.tp(), p.isr, p.leader)
		case p.leader == last:
			back++
		}
	}
	if back == 0 {
		t.Fatalf("seed 5: no partition came back with broker %d\n%s", last, trace(eventsBetween(s, 15000, 25000)))
	}

	// Combined mode: the same crash takes the quorum with it.
	s = mustNew(t, quorumConfig(5))
	s.RunUntil(2000)
	for b := 1; b <= 3; b++ {
		_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: b})
	}
	s.RunUntil(15000)
	for _, e := range eventsBetween(s, 2000, 15000) {
		if metadataEvent(e.Type) {
			t.Fatalf("seed 5: combined mode, all voters down: %s at %dms", e.Type, e.AtMs)
		}
	}
}

// TestControllerNodeFaults: crashing two of three dedicated controller nodes
// loses the quorum (a broker crash then goes unfenced); restarting one
// brings an active controller back, which fences the crashed broker a full
// broker.session.timeout.ms after it took over (ClusterControlManager.activate).
func TestControllerNodeFaults(t *testing.T) {
	c := quorumConfig(7)
	c.Cluster.Controllers = 3
	s := mustNew(t, c)
	s.RunUntil(1000)
	if err := s.Apply(Command{Kind: CmdCrashBroker, Broker: 4}); err == nil {
		t.Fatal("crash-broker accepted controller node 4")
	}
	if err := s.Apply(Command{Kind: CmdCrashController, Broker: 2}); err == nil {
		t.Fatal("crash-controller accepted broker 2")
	}
	for _, id := range []int{4, 5} {
		if err := s.Apply(Command{Kind: CmdCrashController, Broker: id}); err != nil {
			t.Fatal(err)
		}
	}
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 1})
	s.RunUntil(20000)
	if s.controller != 0 || s.broker(1).fenced {
		t.Fatalf("seed 7: controller %d, broker 1 fenced %v with 1 of 3 voters alive", s.controller, s.broker(1).fenced)
	}
	_ = s.Apply(Command{Kind: CmdRestartController, Broker: 4})
	s.RunUntil(40000)
	var elected, fenced int64 = -1, -1
	for _, e := range eventsBetween(s, 20000, 40000) {
		switch {
		case e.Type == EvControllerElected && elected < 0:
			elected = e.AtMs
		case e.Type == EvBrokerFenced && e.Broker == 1:
			fenced = e.AtMs
		}
	}
	if elected < 0 || fenced != elected+c.Cluster.BrokerSessionTimeoutMs {
		t.Fatalf("seed 7: controller elected at %d, broker 1 fenced at %d; want a full session after the election\n%s",
			elected, fenced, trace(eventsBetween(s, 20000, 40000)))
	}
}

// TestTopicChangesNeedController: creating a topic is a metadata record too;
// without a KRaft quorum the request cannot succeed.
func TestTopicChangesNeedController(t *testing.T) {
	s := mustNew(t, quorumConfig(2))
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 2})
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 3})
	spec := DefaultTopic("late", 1, 1)
	err := s.Apply(Command{Kind: CmdCreateTopic, TopicSpec: &spec})
	if _, ok := err.(*NoControllerError); !ok {
		t.Fatalf("create-topic without a quorum: got %v", err)
	}
}

// TestControlEventsNotRepeated: the control plane never tells the same
// thing twice in a row (a lost quorum is told once, not at every failed
// election), over random broker faults in every metadata mode.
func TestControlEventsNotRepeated(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		c := basicConfig(seed)
		c.Cluster.Metadata = []string{MetadataKRaft, MetadataZooKeeper}[seed%2]
		if seed%3 == 0 && c.Cluster.Metadata == MetadataKRaft {
			c.Cluster.Controllers = 3
		}
		s := mustNew(t, c)
		randomFaults(s, seed, 60000)
		s.RunUntil(90000)
		evs := s.Events()
		for i := 1; i < len(evs); i++ {
			a, b := evs[i-1], evs[i]
			a.Seq, a.Step, b.Seq, b.Step = 0, 0, 0, 0
			if a == b && (metadataEvent(a.Type) || a.Type == EvControllerLost || a.Type == EvControllerElected || a.Type == EvISRChangePending) {
				t.Fatalf("seed %d: told twice at %dms: %s", seed, a.AtMs, a.Why())
			}
		}
	}
}

// TestLostQuorumToldOnce: a voter that comes back and dies again before
// the quorum could elect anyone (an election takes about 2.5s) does not make
// the quorum's loss news again.
func TestLostQuorumToldOnce(t *testing.T) {
	s := mustNew(t, quorumConfig(12))
	s.RunUntil(1000)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 3})
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 2})
	for at := int64(2000); at < 14000; at += 3000 {
		s.RunUntil(at)
		_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: 2})
		s.RunUntil(at + 1000)
		_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 2})
	}
	s.RunUntil(20000)
	if n := countType(s.Events(), EvControllerLost); n != 1 {
		t.Fatalf("seed 12: controller-lost told %d times\n%s", n, trace(eventsBetween(s, 1000, 20000)))
	}
}

// TestRestartWaitsForController: a fenced broker that restarts while the
// quorum has no active controller cannot register (BrokerRegistration goes
// to the active controller); it is taken back once a controller is elected.
func TestRestartWaitsForController(t *testing.T) {
	c := quorumConfig(13)
	c.Cluster.Controllers = 3
	s := mustNew(t, c)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: 1})
	s.RunUntil(10000)
	if !s.broker(1).fenced {
		t.Fatal("seed 13: broker 1 not fenced with a live quorum")
	}
	_ = s.Apply(Command{Kind: CmdCrashController, Broker: 4})
	_ = s.Apply(Command{Kind: CmdCrashController, Broker: 5})
	_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: 1})
	last := s.Events()[len(s.Events())-1]
	if last.Type != EvBrokerRestarted || !strings.Contains(last.Why(), "no controller is active") {
		t.Fatalf("seed 13: restart narrated as %q", last.Why())
	}
	s.RunUntil(20000)
	if !s.broker(1).fenced {
		t.Fatal("seed 13: broker 1 registered with no controller")
	}
	_ = s.Apply(Command{Kind: CmdRestartController, Broker: 5})
	s.RunUntil(25000)
	if s.broker(1).fenced || countType(eventsBetween(s, 20000, 25000), EvBrokerUnfenced) != 1 {
		t.Fatalf("seed 13: broker 1 not taken back by the new controller\n%s", trace(eventsBetween(s, 20000, 25000)))
	}
}

// TestElectionTrustsRegistration: the controller knows brokers only by
// their registrations, so when a leader is fenced it may elect an ISR
// member that crashed too but whose session has not expired
// (PartitionChangeBuilder.isAcceptableLeader → ClusterControlManager.isActive:
// registered and not fenced). The partition stays unavailable until that
// broker is fenced in turn.
func TestElectionTrustsRegistration(t *testing.T) {
	c := quorumConfig(14)
	c.Cluster.Controllers = 3
	c.Topics[0].Partitions = 1
	s := mustNew(t, c)
	s.RunUntil(2000)
	p := s.topics[0].parts[0]
	leader, next, last := p.replicas[0], p.replicas[1], p.replicas[2]
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: leader})
	s.RunUntil(4000)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: next})
	s.RunUntil(12000)
	var got []Event
	for _, e := range eventsBetween(s, 4000, 12000) {
		if e.Type == EvLeaderElected {
			got = append(got, e)
		}
	}
	if len(got) != 2 || got[0].Broker != next || !got[0].Unaware || got[0].AtMs != 8000 ||
		got[1].Broker != last || got[1].Unaware || got[1].AtMs != 10000 {
		t.Fatalf("seed 14: want broker %d elected at 8s while down (unaware), then broker %d at 10s\n%s",
			next, last, trace(eventsBetween(s, 4000, 12000)))
	}
	if !strings.Contains(got[0].Why(), "stays unavailable until it is fenced") {
		t.Fatalf("seed 14: %s", got[0].Why())
	}
}
