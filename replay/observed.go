package replay

import (
	"strconv"
	"sync"
	"time"

	"kafkasim/sim"
)

// sendState is what the producer application learnt of one send().
type sendState uint8

const (
	sendInFlight sendState = iota // no answer yet (or its producer crashed first)
	sendAcked
	sendFailed
)

// sentRecord is one send() as the real cluster answered it.
type sentRecord struct {
	producer  string
	topic     string
	state     sendState
	partition int32
	offset    int64
}

// groupRecord identifies a record in a group's view: the value the
// producer wrote is unique per send(), so a re-read is the same key.
type groupRecord struct {
	group string
	value string
}

// observed collects what every client saw, from many goroutines.
type observed struct {
	// runID tells this run's records from those an earlier replay left in
	// the same topics.
	runID     string
	mu        sync.Mutex
	sends     map[string]*sentRecord // by value
	order     []string               // values in send order
	processed map[groupRecord]int    // processing completions per record
	total     map[string]int         // processing completions per group
	// firstFetched is, per group and partition, the lowest offset it read:
	// with auto.offset.reset=latest, what lies below was skipped.
	firstFetched map[string]map[topicPart]int64
	// committed is, per group and partition, the last offset its members
	// committed by hand: the drain need not wait for what lies below.
	committed map[string]map[topicPart]int64
	// atRisk counts, per group, records processed by a batch no commit
	// covered: the only ones a group committing by hand may process again.
	atRisk map[string]int
}

type topicPart struct {
	topic     string
	partition int32
}

func newObserved() *observed {
	return &observed{runID: strconv.FormatInt(time.Now().UnixNano(), 36), sends: map[string]*sentRecord{}, processed: map[groupRecord]int{}, total: map[string]int{},
		firstFetched: map[string]map[topicPart]int64{}, committed: map[string]map[topicPart]int64{},
		atRisk: map[string]int{}}
}

func (o *observed) sent(producer, topic, value string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sends[value] = &sentRecord{producer: producer, topic: topic, offset: -1}
	o.order = append(o.order, value)
}

// answered records the produce result, unless the producer crashed first:
// a dead process never learns the outcome.
func (o *observed) answered(value string, partition int32, offset int64, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.sends[value]
	if r == nil || r.state != sendInFlight {
		return
	}
	if err != nil {
		r.state = sendFailed
		return
	}
	r.state, r.partition, r.offset = sendAcked, partition, offset
}

// fetched notes an offset a group's member read.
func (o *observed) fetched(group string, tp topicPart, offset int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	m := o.firstFetched[group]
	if m == nil {
		m = map[topicPart]int64{}
		o.firstFetched[group] = m
	}
	if first, ok := m[tp]; !ok || offset < first {
		m[tp] = offset
	}
}

func (o *observed) processedOne(group, value string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.processed[groupRecord{group, value}]++
	o.total[group]++
}

// groupCaughtUp: the group has processed, or committed past, every
// acknowledged record of its topics.
func (o *observed) groupCaughtUp(gc sim.GroupConfig) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, v := range o.order {
		r := o.sends[v]
		if r.state != sendAcked || !contains(gc.Topics, r.topic) {
			continue
		}
		next, ok := o.committed[gc.ID][topicPart{r.topic, r.partition}]
		if o.processed[groupRecord{gc.ID, v}] == 0 && (!ok || r.offset >= next) {
			return false // neither processed nor committed past: still to come
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// committedTo notes a successful manual commit: next is the offset the
// group will read from.
func (o *observed) committedTo(group string, tp topicPart, next int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	m := o.committed[group]
	if m == nil {
		m = map[topicPart]int64{}
		o.committed[group] = m
	}
	m[tp] = next
}

// uncovered notes records a member processed that no commit covered.
func (o *observed) uncovered(group string, values []string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.atRisk[group] += len(values)
}

func (o *observed) riskCounts() map[string]int {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := map[string]int{}
	for g, n := range o.atRisk {
		out[g] = n
	}
	return out
}
