package sim

import (
	"math/rand/v2"
	"testing"
)

// TestGroupChaos runs consumer-heavy chaos: static and dynamic members,
// processing slower than max.poll.interval.ms now and then, and random
// crashes, restarts, closes and pauses. The engine keeps its invariants and
// never narrates the same group event twice in a row.
func TestGroupChaos(t *testing.T) {
	seeds := chaosSeeds
	if testing.Short() {
		seeds = 10
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		rng := rand.New(rand.NewPCG(seed, 0x6a0c))
		c := basicConfig(seed)
		g := &c.Groups[0]
		g.Commit = []string{CommitBeforeProcessing, CommitAfterProcessing, CommitAuto, CommitTransactional}[rng.IntN(4)]
		if g.Commit == CommitTransactional {
			c.Topics = append(c.Topics, DefaultTopic("results", 2, 3))
			g.OutputTopic = "results"
			g.IsolationLevel = "read_committed"
		}
		g.Assignors = []string{[]string{AssignorRange, AssignorRoundRobin, AssignorSticky, AssignorCooperativeSticky}[rng.IntN(4)]}
		if rng.IntN(2) == 0 {
			g.GroupInstanceID = "billing-worker"
		}
		g.ProcessingMs = []int64{5, 50, 400}[rng.IntN(3)]
		g.MaxPollIntervalMs = []int64{3000, 8000, 300000}[rng.IntN(3)]
		g.MaxPollRecords = 20
		c.Topics[0].UncleanLeaderElection = rng.IntN(3) == 0
		r, err := NewRun(c, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("seed %d: panic at step %d: %v", seed, r.Sim().StepCount(), p)
				}
			}()
			for at := int64(500); at < 60000; at += rng.Int64N(4000) {
				r.RunUntil(at)
				_ = r.Apply(groupChaosCommand(rng))
				if err := checkInvariants(r.Sim()); err != nil {
					t.Fatalf("seed %d at %dms: %v", seed, at, err)
				}
				if err := checkTallyAgrees(r.Sim()); err != nil {
					t.Fatalf("seed %d at %dms: %v", seed, at, err)
				}
			}
			r.RunUntil(90000)
			_ = r.Sim().Snapshot()
			_ = r.Sim().Fates("billing", "")
		}()
		evs := r.Sim().Events()
		for i := 1; i < len(evs); i++ {
			a, b := evs[i-1], evs[i]
			if a.Group != "" && a.Type == b.Type && a.AtMs == b.AtMs && a.Why() == b.Why() {
				t.Fatalf("seed %d: the same event twice in a row at %d ms: %s", seed, a.AtMs, a.Why())
			}
		}
	}
}

func groupChaosCommand(rng *rand.Rand) Command {
	switch rng.IntN(8) {
	case 0, 1:
		return Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 2, 3:
		return Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 4:
		return Command{Kind: CmdAddConsumer, Group: "billing"}
	case 5:
		return Command{Kind: CmdCloseConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	case 6:
		return Command{Kind: CmdPauseConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	default:
		return Command{Kind: CmdResumeConsumer, Group: "billing", Consumer: 1 + rng.IntN(3)}
	}
}
