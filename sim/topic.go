package sim

import (
	"strconv"
	"strings"
)

// topic is one topic. Deleted topics stay in s.topics (marked) so that the
// indexes queued items carry stay valid.
type topic struct {
	cfg     TopicConfig
	id      string
	deleted bool
	parts   []*partition
}

// partition is one partition: its replicas on several brokers and the
// leader, ISR and high watermark the controller and leader keep.
type partition struct {
	topicIdx    int
	topicName   string
	id          int
	replicas    []int // broker ids; the first is the preferred leader
	reps        []*replica
	leader      int // 0 = none
	leaderEpoch int
	isr         []int
	hw          int64
	offline     bool
	// isrChangePending: the leader's AlterPartition waits for a controller.
	isrChangePending bool
	// pendingAcks are acks=all produce requests waiting for the high
	// watermark to pass their records.
	pendingAcks []pendingAck
	// openTxns: transactional producers with records in this partition
	// not yet committed or aborted; the last stable offset stops at the
	// first of them.
	openTxns []openTxn
	aborted  []abortedRange
	// recentRuns remember where its latest appends put their records'
	// facts in the ledger's recent cache (ledger_recent.go).
	recentRuns    [recentRuns]recentRun
	recentRunNext uint32
}

type openTxn struct {
	producer int32
	first    int64
}

type abortedRange struct {
	producer    int32
	first, last int64
}

func (p *partition) tp() TopicPartition { return TopicPartition{Topic: p.topicName, Partition: p.id} }

func (p *partition) replicaIndex(broker int) int {
	for i, r := range p.replicas {
		if r == broker {
			return i
		}
	}
	return -1
}

func (p *partition) rep(broker int) *replica {
	if i := p.replicaIndex(broker); i >= 0 {
		return p.reps[i]
	}
	return nil
}

func (p *partition) inISR(broker int) bool {
	for _, b := range p.isr {
		if b == broker {
			return true
		}
	}
	return false
}

// leaderRep is the leader's replica, or nil when offline.
func (p *partition) leaderRep() *replica {
	if p.leader == 0 {
		return nil
	}
	return p.rep(p.leader)
}

func (s *Sim) topicByName(name string) (int, *topic) {
	for i, t := range s.topics {
		if !t.deleted && t.cfg.Name == name {
			return i, t
		}
	}
	return -1, nil
}

func (s *Sim) topicCfg(p *partition) *TopicConfig { return &s.topics[p.topicIdx].cfg }

func (s *Sim) partitionOf(topicIdx, part int) *partition {
	if topicIdx < 0 || topicIdx >= len(s.topics) {
		return nil
	}
	t := s.topics[topicIdx]
	if t.deleted || part < 0 || part >= len(t.parts) {
		return nil
	}
	return t.parts[part]
}

func (s *Sim) forEachPartition(f func(p *partition)) {
	for _, t := range s.topics {
		if t.deleted {
			continue
		}
		for _, p := range t.parts {
			f(p)
		}
	}
}

func joinInts(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

func removeInt(xs []int, x int) []int {
	out := make([]int, 0, len(xs))
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

func cloneAssignment(a [][]int) [][]int {
	if a == nil {
		return nil
	}
	out := make([][]int, len(a))
	for i, reps := range a {
		out[i] = append([]int(nil), reps...)
	}
	return out
}
