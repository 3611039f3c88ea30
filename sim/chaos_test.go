package sim

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// chaosSeeds is how many runs the chaos test makes; raise it to hunt.
var chaosSeeds = 40

// chaosCommand makes a random command, sensible or not: the engine must
// either refuse it with an error or carry it out, never panic.
func chaosCommand(rng *rand.Rand) Command {
	key := fmt.Sprintf("k%d", rng.IntN(5))
	val := "v"
	topics := []string{"orders", "audit", "nope"}
	t := topics[rng.IntN(3)]
	switch rng.IntN(24) {
	case 0:
		return Command{Kind: CmdCrashBroker, Broker: rng.IntN(5)}
	case 1:
		return Command{Kind: CmdRestartBroker, Broker: rng.IntN(5)}
	case 2:
		return Command{Kind: CmdSlowBroker, Broker: 1 + rng.IntN(3), DelayMs: rng.Int64N(20000)}
	case 3:
		return Command{Kind: CmdDropAcks, Broker: 1 + rng.IntN(3), Count: rng.IntN(4)}
	case 4:
		return Command{Kind: CmdCrashProducer, Producer: "order-service"}
	case 5, 6:
		return Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: rng.IntN(4)}
	case 7:
		return Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 8:
		return Command{Kind: CmdAddConsumer, Group: "billing"}
	case 9:
		return Command{Kind: CmdCloseConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 10:
		return Command{Kind: CmdPauseConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 11:
		return Command{Kind: CmdResumeConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 12:
		return Command{Kind: CmdAddPartitions, Topic: t, Partitions: rng.IntN(8)}
	case 13:
		return Command{Kind: CmdProduce, Producer: "order-service", Key: &key, Value: &val, Count: rng.IntN(20)}
	case 14:
		spec := DefaultTopic(fmt.Sprintf("t%d", rng.IntN(3)), 1+rng.IntN(4), 1+rng.IntN(4))
		return Command{Kind: CmdCreateTopic, TopicSpec: &spec}
	case 15:
		return Command{Kind: CmdDeleteTopic, Topic: topics[1+rng.IntN(2)]}
	case 16:
		return Command{Kind: CmdAlterTopic, Topic: t, Configs: [][2]string{{"min.insync.replicas", fmt.Sprint(rng.IntN(4))}}}
	case 17:
		return Command{Kind: CmdResetOffsets, Group: "billing", Topic: t, Partition: rng.IntN(3) - 1, Reset: ResetToEarliest}
	case 18:
		return Command{Kind: CmdDeleteGroup, Group: "billing"}
	case 19:
		g := DefaultGroup("billing", "orders")
		g.AutoOffsetReset = "earliest"
		return Command{Kind: CmdAddGroup, GroupSpec: &g}
	case 20:
		p := DefaultProducer(fmt.Sprintf("p%d", rng.IntN(3)), t)
		p.RatePerSec = rng.IntN(50)
		return Command{Kind: CmdAddProducer, ProducerSpec: &p}
	case 22:
		return Command{Kind: CmdCrashController, Broker: 3 + rng.IntN(5)}
	case 23:
		return Command{Kind: CmdRestartController, Broker: 3 + rng.IntN(5)}
	default:
		return Command{Kind: CmdNote, Say: "chaos"}
	}
}

// TestChaosNeverPanics throws random commands, valid or not, at random
// moments into runs of several configurations. Whatever happens, the engine
// keeps Kafka's invariants and its ledger balances.
func TestChaosNeverPanics(t *testing.T) {
	seeds := chaosSeeds
	if testing.Short() {
		seeds = 10
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		rng := rand.New(rand.NewPCG(seed, 0xc4a05))
		c := basicConfig(seed)
		c.Topics = append(c.Topics, DefaultTopic("audit", 2, 2))
		c.Producers[0].Acks = []int{AcksNone, AcksLeader, AcksAll}[rng.IntN(3)]
		c.Producers[0].EnableIdempotence = rng.IntN(2) == 0
		c.Groups[0].Commit = []string{CommitBeforeProcessing, CommitAfterProcessing, CommitAuto}[rng.IntN(3)]
		if seed%4 == 0 {
			// Consume-transform-produce: outputs go through the produce path.
			c.Groups[0].Commit, c.Groups[0].OutputTopic = CommitTransactional, "audit"
			c.Groups[0].IsolationLevel = "read_committed"
		}
		c.Groups[0].Assignors = []string{[]string{AssignorRange, AssignorRoundRobin, AssignorSticky, AssignorCooperativeSticky}[rng.IntN(4)]}
		c.Groups[0].AsyncProcessing = rng.IntN(4) == 0
		c.Topics[0].UncleanLeaderElection = rng.IntN(3) == 0
		c.Cluster.Metadata = []string{MetadataKRaft, MetadataZooKeeper}[rng.IntN(2)]
		if c.Cluster.Metadata == MetadataKRaft && rng.IntN(2) == 0 {
			c.Cluster.Controllers = 3 // dedicated controller nodes 4-6
		}
		r, err := NewRun(c, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		quorum := &quorumWatch{}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("seed %d: panic at step %d: %v", seed, r.Sim().StepCount(), p)
				}
			}()
			for at := int64(500); at < 60000; at += rng.Int64N(3000) {
				r.RunUntil(at)
				_ = r.Apply(chaosCommand(rng))
				if err := checkInvariants(r.Sim()); err != nil {
					t.Fatalf("seed %d at %dms: %v", seed, at, err)
				}
				if err := quorum.observe(r.Sim()); err != nil {
					t.Fatalf("seed %d at %dms: %v", seed, at, err)
				}
				if err := checkLedgerBalance(r.Sim()); err != nil {
					t.Fatalf("seed %d at %dms: %v", seed, at, err)
				}
				if err := checkTallyAgrees(r.Sim()); err != nil {
					t.Fatalf("seed %d at %dms: %v", seed, at, err)
				}
			}
			r.RunUntil(90000)
			snap := r.Sim().Snapshot()
			for _, p := range snap.Ledger.Producers {
				if p.Sent != p.Acked+p.Failed+p.InFlight {
					t.Fatalf("seed %d: producer %s does not balance: %+v", seed, p.ID, p)
				}
			}
			if err := checkLedgerBalance(r.Sim()); err != nil {
				t.Fatalf("seed %d at the end: %v", seed, err)
			}
			if err := checkFatesAgree(r.Sim()); err != nil {
				t.Fatalf("seed %d at the end: %v", seed, err)
			}
			r.Seek(r.Sim().StepCount() / 2)
		}()
	}
}
