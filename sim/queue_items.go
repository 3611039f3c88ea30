package sim

// The kinds of queued happening, a constructor for each, and accessors
// that name an item's arguments.

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
	itFetchArrive                        // a follower's fetch session request reaches the leader
	itFetchResponse                      // the leader's answer (records, truncations) reaches the follower
	itFetchWait                          // a parked fetch session request times out empty
	itFetchBackoff                       // replica.fetch.backoff.ms is over after a refused fetch
	itISRCheck                           // a leader looks for lagging followers
	itBrokerSessionCheck                 // the controller looks for brokers that stopped heartbeating
	itControllerElect                    // the next controller takes over
	itRetentionCheck                     // log.retention.check.interval.ms tick
	itCleanerCheck                       // the log cleaner looks for work
	itLeaderBalance                      // the controller checks preferred leadership
	itJoinDelayOver                      // a group's join phase may be complete (initial delay over)
	itRebalanceTimeout                   // a group's rebalance timeout ran out
	itConsumerPoll                       // a consumer calls poll()
	itConsumerProcessed                  // a consumer finished processing its batch
	itSessionCheck                       // the coordinator checks a silent or stalled member
	itPollTimer                          // a member's heartbeat thread checks max.poll.interval.ms
	itStaticSession                      // a closed static member's session.timeout.ms is over
	itProducerMetadata                   // a producer's metadata.max.age.ms refresh after a topic grew
	itGroupMetadata                      // a group's metadata.max.age.ms refresh after a topic grew
	itExternalGroup                      // a live group's coordinator checks its timers (external_group.go)
	itTxnTimeout                         // the transaction coordinator's check for a transaction past its timeout
)

// Timeline commands: a is the index in Sim.scheduled.

func commandItem(scheduled int) item { return item{kind: itCommand, a: int32(scheduled)} }

func (it item) scheduledIdx() int { return int(it.a) }

// Producer items: a is the producer, b the batch (in Sim.batches), c the
// partition, the broker or the error code, d the base offset or the
// request's producer epoch and first sequence.

func producerItem(kind itemKind, p *producer) item { return item{kind: kind, a: p.idx, gen: p.gen} }

func lingerItem(p *producer, part int, batch int32) item {
	return item{kind: itLinger, a: p.idx, b: batch, c: int32(part), gen: p.gen}
}

func batchExpireItem(p *producer, batch int32) item {
	return item{kind: itBatchExpire, a: p.idx, b: batch, gen: p.gen}
}

// produceRequestItem is a request for batch, sent with request generation
// reqGen, and the producer epoch and first sequence it carried then.
func produceRequestItem(p *producer, batch int32, broker int, reqGen, epoch, firstSeq int32) item {
	return item{kind: itProduceArrive, a: p.idx, b: batch, c: int32(broker), gen: reqGen,
		d: int64(epoch)<<32 | int64(uint32(firstSeq))}
}

func produceResponseItem(p *producer, batch, code, reqGen int32, base int64) item {
	return item{kind: itProduceResponse, a: p.idx, b: batch, c: code, gen: reqGen, d: base}
}

func requestTimeoutItem(p *producer, batch, reqGen int32) item {
	return item{kind: itRequestTimeout, a: p.idx, b: batch, gen: reqGen}
}

func (it item) producerIdx() int32 { return it.a }
func (it item) batch() int32       { return it.b }
func (it item) part() int          { return int(it.c) } // itLinger
func (it item) broker() int        { return int(it.c) } // itProduceArrive
func (it item) errCode() int32     { return it.c }      // itProduceResponse
func (it item) baseOffset() int64  { return it.d }      // itProduceResponse

// sentSeq is the producer epoch and first sequence an itProduceArrive
// request carried when it was sent.
func (it item) sentSeq() (epoch, firstSeq int32) { return int32(it.d >> 32), int32(uint32(it.d)) }

// Replication items: a is the fetch session (its place in
// Sim.fetchSessions), gen the session's request round. What each
// partition asked and gets is in the session (fetch_session.go).

func fetchSessionItem(kind itemKind, session, round int32) item {
	return item{kind: kind, a: session, gen: round}
}

func (it item) session() int32 { return it.a }

// Broker items: a is the broker id.

func brokerItem(kind itemKind, id int) item { return item{kind: kind, a: int32(id)} }

func (it item) brokerID() int { return int(it.a) }

// Cluster-wide items carry nothing; a controller election carries the
// controller epoch it was scheduled under.

func clusterItem(kind itemKind) item { return item{kind: kind} }

func controllerElectItem(epoch int) item { return item{kind: itControllerElect, gen: int32(epoch)} }

// Group items: a is the group, b the member, gen the generation (of the
// group's rebalance, or of the member) the item was scheduled under.

func groupItem(kind itemKind, g *group, gen int32) item { return item{kind: kind, a: g.idx, gen: gen} }

func memberItem(kind itemKind, g *group, m *member, gen int32) item {
	return item{kind: kind, a: g.idx, b: int32(m.idx), gen: gen}
}

func (it item) groupIdx() int32 { return it.a }
func (it item) memberIdx() int  { return int(it.b) }

// Live group items: a is the live group (Sim.live.groups), d the time the
// check was armed for.

func externalGroupItem(group int, atMs int64) item {
	return item{kind: itExternalGroup, a: int32(group), d: atMs}
}

// txnTimeoutItem is the coordinator's timeout check for the producer's
// open transaction; gen is that transaction's number.
func txnTimeoutItem(p *producer) item { return item{kind: itTxnTimeout, a: p.idx, gen: p.txn} }

func (it item) liveGroupIdx() int { return int(it.a) }
func (it item) armedAtMs() int64  { return it.d }
