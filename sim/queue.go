package sim

// itemKind says what a queued happening is.
type itemKind uint8

const (
	itCommand            itemKind = iota // a scheduled timeline command
	itProducerTick                       // a producer makes the send() calls now due
	itLinger                             // a batch's linger.ms is over
	itProduceArrive                      // a produce request reaches a broker
	itProduceResponse                    // a produce response reaches the producer
	itRequestTimeout                     // request.timeout.ms passed for a produce request
	itRetryBackoff                       // retry.backoff.ms is over for a batch
	itBatchExpire                        // delivery.timeout.ms is over for a batch
	itFetchArrive                        // a follower's fetch reaches the leader
	itFetchResponse                      // fetched records reach a follower
	itFetchWait                          // a parked follower fetch times out empty
	itISRCheck                           // a leader looks for lagging followers
	itBrokerSessionCheck                 // the controller looks for brokers that stopped heartbeating
	itControllerElect                    // the next controller takes over
	itRetentionCheck                     // log.retention.check.interval.ms tick
	itCleanerCheck                       // the log cleaner looks for work
	itLeaderBalance                      // the controller checks preferred leadership
	itGroupTick                          // group work: join delay, rebalance, session timeouts
	itConsumerPoll                       // a consumer calls poll()
	itConsumerProcessed                  // a consumer finished processing its batch
	itConsumerHeartbeat                  // the coordinator checks a silent or stalled member
	itMetadataRefresh                    // a client's metadata.max.age.ms refresh after a topic grew
	itExternalGroup                      // a live group's coordinator checks its timers (external_group.go)
)

// item is one queued happening. a, b, c and gen are its arguments; gen lets a
// handler ignore an item made stale by a crash or a newer item.
type item struct {
	atMs int64
	seq  uint64
	kind itemKind
	a    int32
	b    int32
	c    int32
	gen  int32
	d    int64
}

// eventQueue is a min-heap ordered by (time, insertion sequence), so equal
// times run in the order they were scheduled.
type eventQueue struct {
	items []item
	seq   uint64
}

func (q *eventQueue) Len() int { return len(q.items) }

func less(a, b *item) bool {
	if a.atMs != b.atMs {
		return a.atMs < b.atMs
	}
	return a.seq < b.seq
}

func (q *eventQueue) push(it item) {
	q.seq++
	it.seq = q.seq
	q.items = append(q.items, it)
	i := len(q.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !less(&q.items[i], &q.items[p]) {
			break
		}
		q.items[i], q.items[p] = q.items[p], q.items[i]
		i = p
	}
}

func (q *eventQueue) pop() item {
	top := q.items[0]
	n := len(q.items) - 1
	q.items[0] = q.items[n]
	q.items = q.items[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && less(&q.items[l], &q.items[m]) {
			m = l
		}
		if r < n && less(&q.items[r], &q.items[m]) {
			m = r
		}
		if m == i {
			break
		}
		q.items[i], q.items[m] = q.items[m], q.items[i]
		i = m
	}
	return top
}

func (q *eventQueue) clone() eventQueue {
	return eventQueue{items: append([]item(nil), q.items...), seq: q.seq}
}

// schedule queues a happening delayMs from now.
func (s *Sim) schedule(delayMs int64, it item) {
	it.atMs = s.nowMs + delayMs
	s.queue.push(it)
}
