package quiz

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// replicaSet draws n distinct broker ids from 1..5, in replica-list order.
func replicaSet(r *rand.Rand, n int) []int {
	perm := r.Perm(5)[:n]
	ids := make([]int, n)
	for i, p := range perm {
		ids[i] = p + 1
	}
	return ids
}

// highWatermarkCase: replica log end offsets and an ISR that may leave a
// slow follower out.
type highWatermarkCase struct {
	topic    string
	replicas []int // replicas[0] leads
	leo      map[int]int64
	isr      []int
}

func newHighWatermarkCase(r *rand.Rand) highWatermarkCase {
	c := highWatermarkCase{topic: pick(r, topicNames...), replicas: replicaSet(r, between(r, 3, 4)), leo: map[int]int64{}}
	leaderLEO := int64(between(r, 40, 900))
	for i, b := range c.replicas {
		switch {
		case i == 0:
			c.leo[b] = leaderLEO
			c.isr = append(c.isr, b)
		case r.IntN(3) == 0: // fell out of the ISR, far behind
			c.leo[b] = leaderLEO - int64(between(r, 20, 39))
		default:
			c.leo[b] = leaderLEO - int64(between(r, 0, 12))
			c.isr = append(c.isr, b)
		}
	}
	return c
}

func (c highWatermarkCase) question() Question {
	var leos []string
	for _, b := range c.replicas {
		leos = append(leos, fmt.Sprintf("broker %d: %d", b, c.leo[b]))
	}
	hw := highWatermark(c.leo, c.isr)
	why := fmt.Sprintf("The high watermark is the smallest log end offset among the ISR (%s): %d. Offsets below it are on every in-sync replica, so consumers may read them.", brokerList(c.isr), hw)
	if len(c.isr) < len(c.replicas) {
		why += " A replica outside the ISR does not hold the high watermark back; that is why slow followers are removed from it."
	}
	return Question{
		Kind: Numeric,
		Prompt: fmt.Sprintf("Partition %s-0 has replicas %s, led by broker %d. Log end offsets: %s. Isr: %s. What is the partition's high watermark?",
			c.topic, brokerList(c.replicas), c.replicas[0], strings.Join(leos, ", "), brokerList(c.isr)),
		Number:      int(hw),
		Explanation: why,
		Scenario:    "replication",
	}
}

// acksOneCase: an acks=1 leader dies before its followers have copied
// its latest records.
type acksOneCase struct {
	replicas []int // all in the ISR; replicas[0] leads
	leo      map[int]int64
	record   int64 // offset of the acknowledged record asked about
}

func newAcksOneCase(r *rand.Rand) acksOneCase {
	c := acksOneCase{replicas: replicaSet(r, 3), leo: map[int]int64{}}
	leaderLEO := int64(between(r, 30, 600))
	c.leo[c.replicas[0]] = leaderLEO
	lowest := leaderLEO
	for _, b := range c.replicas[1:] {
		c.leo[b] = leaderLEO - int64(between(r, 0, 6))
		lowest = min(lowest, c.leo[b])
	}
	c.record = lowest - 2 + int64(r.IntN(int(leaderLEO-lowest)+2))
	return c
}

func (c acksOneCase) question() Question {
	dead := c.replicas[0]
	alive := func(b int) bool { return b != dead }
	next, _, _ := electLeader(c.replicas, c.replicas, alive, false)
	lost := lostOnFailover(c.leo[dead], c.leo[next])
	survives := c.record < c.leo[next]
	var leos []string
	for _, b := range c.replicas {
		leos = append(leos, fmt.Sprintf("broker %d: %d", b, c.leo[b]))
	}
	verdict := fmt.Sprintf("Offset %d is below %d, so the new leader has it: it survives.", c.record, c.leo[next])
	if !survives {
		verdict = fmt.Sprintf("Offset %d is not on the new leader, so it is lost although the producer was told it succeeded.", c.record)
	}
	return Question{
		Kind: TrueFalse,
		Prompt: fmt.Sprintf("A producer uses acks=1. Partition payments-0 has replicas %s, all in the ISR, led by broker %d. Log end offsets: %s. The producer has just been acknowledged for the record at offset %d. Broker %d crashes before the followers fetch again. True or false: the record at offset %d survives.",
			brokerList(c.replicas), dead, strings.Join(leos, ", "), c.record, dead, c.record),
		Truth: survives,
		Explanation: fmt.Sprintf("The controller picks the first live ISR member in replica order: broker %d, whose log ends at %d. %s %s With acks=all the producer is acknowledged only once every in-sync replica has the record.",
			next, c.leo[next], lostText(lost), verdict),
		Scenario: "acks",
	}
}

// acksAllCase: does an acks=all write succeed, given ISR size and
// min.insync.replicas?
type acksAllCase struct {
	rf, minISR, isrSize int
	mix                 uint64
}

func newAcksAllCase(r *rand.Rand) acksAllCase {
	rf := between(r, 2, 5)
	return acksAllCase{rf: rf, minISR: between(r, 1, rf), isrSize: between(r, 1, rf), mix: r.Uint64()}
}

func (c acksAllCase) question() Question {
	accepted := fmt.Sprintf("Accepted once all %d in-sync replicas have it", c.isrSize)
	if c.isrSize == 1 {
		accepted = "Accepted once the leader, the only in-sync replica, has it"
	}
	refused := "Refused with NOT_ENOUGH_REPLICAS"
	wrong := []string{"Accepted with acks=1 semantics after a warning"}
	if c.isrSize < c.rf {
		wrong = append(wrong, fmt.Sprintf("Accepted once all %d assigned replicas have it", c.rf))
	}
	if c.isrSize > 1 {
		wrong = append(wrong, "Accepted as soon as the leader has it")
	}
	right := accepted
	if acksAllOutcome(c.isrSize, c.minISR) == writeNotEnoughReplicas {
		right = refused
	} else {
		wrong = append(wrong, refused)
	}
	wrong = append(wrong, accepted)
	choices, correct := choose(mixer(c.mix), right, wrong...)
	why := fmt.Sprintf("The ISR (%d) is at least min.insync.replicas (%d), so the leader appends the record and acknowledges it once every in-sync replica has it.", c.isrSize, c.minISR)
	if right == refused {
		why = fmt.Sprintf("The ISR (%d) is smaller than min.insync.replicas (%d), so the leader refuses acks=all writes until enough replicas catch up: the topic prefers refusing to risking loss.", c.isrSize, c.minISR)
	}
	return Question{
		Kind: Single,
		Prompt: fmt.Sprintf("A topic has replication factor %d and min.insync.replicas=%d. One partition's ISR currently holds %s. A producer with acks=all sends a record to it. What happens?",
			c.rf, c.minISR, count(c.isrSize, "replica")),
		Choices:     choices,
		Correct:     correct,
		Explanation: why + " min.insync.replicas only affects acks=all producers.",
		Scenario:    "acks",
	}
}

// electionCase: which replica the controller makes leader after failures.
type electionCase struct {
	replicas []int
	isr      []int // in replica order; isr[0] leads
	dead     []int
	unclean  bool
	mix      uint64
}

func newElectionCase(r *rand.Rand) electionCase {
	c := electionCase{replicas: replicaSet(r, 3), unclean: r.IntN(3) == 0}
	for _, b := range c.replicas {
		if r.IntN(3) != 0 {
			c.isr = append(c.isr, b)
		}
	}
	if len(c.isr) == 0 {
		c.isr = []int{c.replicas[r.IntN(3)]}
	}
	c.dead = []int{c.isr[0]}
	if r.IntN(2) == 0 {
		if other := c.replicas[r.IntN(3)]; other != c.isr[0] {
			c.dead = append(c.dead, other)
		}
	}
	c.mix = r.Uint64()
	return c
}

func (c electionCase) question() Question {
	alive := func(b int) bool { return !slices.Contains(c.dead, b) }
	leader, clean, ok := electLeader(c.replicas, c.isr, alive, c.unclean)
	offline := "No broker: the partition stays offline"
	var wrong []string
	for _, b := range c.replicas {
		wrong = append(wrong, fmt.Sprintf("Broker %d", b))
	}
	right := offline
	if ok {
		right = fmt.Sprintf("Broker %d", leader)
		wrong = append(wrong, offline)
	}
	choices, correct := choose(mixer(c.mix), right, wrong...)
	var why string
	switch {
	case ok && clean:
		why = fmt.Sprintf("The controller takes the first replica in the list %s that is alive and in the ISR: broker %d. It has every committed record.", brokerList(c.replicas), leader)
	case ok:
		why = fmt.Sprintf("No ISR member is alive. Because unclean.leader.election.enable=true, the first live replica, broker %d, leads although it is out of sync: records it lacks are lost.", leader)
	default:
		why = "No ISR member is alive, and unclean.leader.election.enable=false keeps out-of-sync replicas from leading, so the partition has no leader until an ISR member returns. Kafka chooses consistency over availability here."
	}
	failing := "Broker " + brokerList(c.dead) + " fails"
	if len(c.dead) > 1 {
		failing = "Brokers " + brokerList(c.dead) + " fail"
	}
	return Question{
		Kind: Single,
		Prompt: fmt.Sprintf("Partition shipments-0 has Replicas: %s and Isr: %s, led by broker %d. %s. unclean.leader.election.enable=%t. Which broker leads the partition next?",
			brokerList(c.replicas), brokerList(c.isr), c.isr[0], failing, c.unclean),
		Choices:     choices,
		Correct:     correct,
		Explanation: why,
		Scenario:    "unclean-election",
	}
}

// lostText says which records the failover throws away, in a sentence
// that reads right for none, one or many.
func lostText(lost offsetRange) string {
	switch lost.count() {
	case 0:
		return "It has every record the old leader had, so nothing is truncated."
	case 1:
		return fmt.Sprintf("Record %d exists only on the old leader or on a follower that now truncates to the new leader.", lost.first)
	}
	return fmt.Sprintf("Records %s exist only on the old leader or on followers that now truncate to the new leader.", rangeText(lost))
}
