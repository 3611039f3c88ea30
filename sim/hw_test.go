package sim

import "testing"

func partitionState(s *Sim, part int) (hw, leo int64, isr []int) {
	p := s.topics[0].parts[part]
	return p.hw, p.leaderRep().leo, append([]int(nil), p.isr...)
}

// A slow follower holds the high watermark back until it leaves the ISR;
// then the high watermark catches up with the leader, and when the follower
// heals it rejoins.
func TestSlowFollowerHoldsHighWatermarkUntilItLeavesTheISR(t *testing.T) {
	c := basicConfig(2)
	c.Topics[0].Partitions = 1
	c.Topics[0].MinInsyncReplicas = 1
	c.Producers[0].Count = 0
	s := mustNew(t, c)
	s.RunUntil(1000)
	leader := s.topics[0].parts[0].leader
	slow := leader%3 + 1
	_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: slow, DelayMs: 20000})
	s.RunUntil(3000)
	hw, leo, isr := partitionState(s, 0)
	if hw >= leo || len(isr) != 3 {
		t.Fatalf("while slow and still in the ISR: hw %d leo %d isr %v; want hw < leo, 3 in sync", hw, leo, isr)
	}
	s.RunUntil(16000) // past replica.lag.time.max.ms (10s) and the next check
	hw, leo, isr = partitionState(s, 0)
	if len(isr) != 2 || hw < leo-2 {
		t.Fatalf("after the lag limit: hw %d leo %d isr %v; want the slow broker out and hw near leo", hw, leo, isr)
	}
	_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: slow, DelayMs: 0})
	s.RunUntil(40000)
	if _, _, isr = partitionState(s, 0); len(isr) != 3 {
		t.Fatalf("after healing: isr %v, want all 3 back", isr)
	}
}
