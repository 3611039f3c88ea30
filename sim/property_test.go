package sim

import (
	"math/rand/v2"
	"testing"
)

// randomFaults schedules a random fault every few seconds with at most one
// broker down at a time, then heals everything at healMs.
func randomFaults(s *Sim, seed uint64, healMs int64) {
	rng := rand.New(rand.NewPCG(seed, 0xfa17))
	down := 0
	for at := int64(2000); at < healMs; at += 1000 + rng.Int64N(4000) {
		var c Command
		switch rng.IntN(6) {
		case 0:
			if down == 0 {
				down = 1 + rng.IntN(3)
				c = Command{Kind: CmdCrashBroker, Broker: down}
			} else {
				c = Command{Kind: CmdRestartBroker, Broker: down}
				down = 0
			}
		case 1:
			c = Command{Kind: CmdSlowBroker, Broker: 1 + rng.IntN(3), DelayMs: rng.Int64N(3) * 4000}
		case 2:
			c = Command{Kind: CmdDropAcks, Broker: 1 + rng.IntN(3), Count: 1 + rng.IntN(3)}
		case 3:
			c = Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1 + rng.IntN(2)}
		case 4:
			c = Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1 + rng.IntN(2)}
		default:
			c = Command{Kind: CmdNote, Say: "nothing"}
		}
		_ = s.Schedule(at, c)
	}
	for b := 1; b <= 3; b++ {
		_ = s.Schedule(healMs, Command{Kind: CmdRestartBroker, Broker: b})
		_ = s.Schedule(healMs, Command{Kind: CmdSlowBroker, Broker: b})
	}
	for m := 1; m <= 2; m++ {
		_ = s.Schedule(healMs, Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: m})
	}
}

// TestAcksAllNeverLosesAnAckedRecord: acks=all, RF 3, min.insync.replicas=2,
// unclean election off, one broker down at a time: whatever else goes wrong,
// no acknowledged record is lost, and the engine never reaches a state Kafka
// cannot be in.
func TestAcksAllNeverLosesAnAckedRecord(t *testing.T) {
	seeds := 60
	if testing.Short() {
		seeds = 15
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		c := basicConfig(seed)
		c.Producers[0].Count = 400
		c.Producers[0].RequestTimeoutMs = 3000
		c.Producers[0].DeliveryTimeoutMs = 600000
		c.Groups[0].ProcessingMs = 5
		s := mustNew(t, c)
		randomFaults(s, seed, 60000)
		epochs := leaderEpochs{}
		for s.Now() < 150000 && s.Step() {
			if err := checkInvariants(s); err != nil {
				t.Fatalf("seed %d step %d: %v", seed, s.StepCount(), err)
			}
			if s.StepCount()%16 == 0 { // the ledger is a full count: every 16th step
				if err := checkLedgerBalance(s); err != nil {
					t.Fatalf("seed %d step %d: %v", seed, s.StepCount(), err)
				}
			}
		}
		if err := checkLedgerBalance(s); err != nil {
			t.Fatalf("seed %d at the end: %v", seed, err)
		}
		if err := epochs.observe(s); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		l := s.Ledger()
		p := l.Producers[0]
		if p.Sent != p.Acked+p.Failed+p.InFlight {
			t.Fatalf("seed %d: producer ledger does not balance: %+v", seed, p)
		}
		g := l.Groups[0]
		if g.Lost != 0 {
			t.Fatalf("seed %d: %d acknowledged records lost: %+v %+v", seed, g.Lost, p, g)
		}
		if sum := g.ExactlyOnce + g.Duplicated + g.Lost + g.Skipped + g.Pending; sum < p.Acked {
			t.Fatalf("seed %d: group ledger covers %d records, producer acked %d", seed, sum, p.Acked)
		}
	}
}
