package ui

import "kafkasim/sim"

// hotKind is what a highlight is on.
type hotKind uint8

// The things that light up when an event touches them.
const (
	hotBroker     hotKind = iota // n1 = broker
	hotReplica                   // s1 topic, n1 partition, n2 broker
	hotLeader                    // s1 topic, n1 partition, n2 new leader
	hotHW                        // s1 topic, n1 partition
	hotLogStart                  // s1 topic, n1 partition
	hotGroup                     // s1 group
	hotMember                    // s1 group, s2 member
	hotCommit                    // s1 group, s2 topic, n1 partition
	hotProducer                  // s1 producer
	hotMovedIn                   // s1 group+member, s2 topic, n1 partition: just assigned
	hotMovedOut                  // the same, just revoked
	hotCommitFrom                // s1 group, s2 topic, n1 partition; from = the old committed offset
	hotFetchIn                   // s1 topic, n1 partition, n2 follower; [from, to) fetched from leader n
	hotFetchOut                  // s1 topic, n1 partition, n2 leader; [from, to) fetched by its followers
	hotLost                      // s1 group; n the lost count before, count after, label the engine's reason
	hotHWFrom                    // s1 topic, n1 partition; from = the old high watermark
	hotProduceIn                 // s1 topic, n1 partition, n2 leader; [from, to) appended, label the producer
)

// hotKey names one highlighted thing.
type hotKey struct {
	kind   hotKind
	s1, s2 string
	n1, n2 int
}

// hotVal is how many frames a highlight has left, how many it has lived
// (its motion's progress), and a short label ("+3").
type hotVal struct {
	frames int
	age    int
	label  string
	count  int // records, for appends and replication
	n      int // a second number: the old leader, an old offset
	from   int64
	to     int64 // the end of an offset range [from, to): a fetched batch
}

// truncMark remembers records a replica threw away, to show them struck out.
type truncMark struct {
	topic     string
	partition int
	broker    int
	from, to  int64
	frames    int
	total     int // frames it started with
	age       int
}

// anim turns the events of the last few steps into fading highlights. It
// holds no Kafka state: it only remembers which names recent events touched.
type anim struct {
	heat   map[hotKey]hotVal
	truncs []truncMark
	// fadeFrames is how long a highlight lasts while playing.
	fadeFrames int
	// still: no motion (--no-motion); every change shows at once in its
	// final state, highlighted until the next step.
	still bool
	// ticking: a paused screen's motion frame is on its way; gen tells
	// the latest one.
	ticking bool
	gen     int
}

// motionFrames is how many frames a change's motion takes: a batch
// travelling, a committed offset sliding, records crumbling.
const motionFrames = 6

func newAnim() *anim {
	return &anim{heat: map[hotKey]hotVal{}, fadeFrames: 8}
}

// progress is how far k's motion has got, from 0 to motionFrames; a
// still anim is always done.
func (a *anim) progress(v hotVal) int {
	if a.still {
		return motionFrames
	}
	return min(v.age, motionFrames)
}

// moving reports whether some motion is not finished: a paused screen
// keeps drawing frames until it is.
func (a *anim) moving() bool {
	if a.still {
		return false
	}
	for _, v := range a.heat {
		if v.age < motionFrames {
			return true
		}
	}
	for _, t := range a.truncs {
		if t.age < t.total {
			return true
		}
	}
	return false
}

// advance moves every motion one frame on and keeps the highlights: a
// paused screen shows what the last step changed until the next one.
func (a *anim) advance() {
	for k, v := range a.heat {
		if v.age < motionFrames {
			v.age++
			a.heat[k] = v
		}
	}
	for i := range a.truncs {
		if t := &a.truncs[i]; t.age < t.total {
			t.age++
		}
	}
}

// reset forgets every highlight (after a seek or a restart).
func (a *anim) reset() {
	clear(a.heat)
	a.truncs = a.truncs[:0]
}

// decay ages every highlight by one frame while playing: its motion
// moves on and it fades.
func (a *anim) decay() {
	for k, v := range a.heat {
		if v.frames <= 1 {
			delete(a.heat, k)
			continue
		}
		v.frames--
		v.age++
		a.heat[k] = v
	}
	kept := a.truncs[:0]
	for _, t := range a.truncs {
		if t.frames > 1 {
			t.frames--
			t.age++
			kept = append(kept, t)
		}
	}
	a.truncs = kept
}

// truncOf is the latest truncation of a replica still crumbling, or nil.
func (a *anim) truncOf(topic string, partition, broker int) *truncMark {
	for i := len(a.truncs) - 1; i >= 0; i-- {
		t := &a.truncs[i]
		if t.topic == topic && t.partition == partition && t.broker == broker {
			return t
		}
	}
	return nil
}

// get reports whether k is lit, and its label.
func (a *anim) get(k hotKey) (hotVal, bool) {
	v, ok := a.heat[k]
	return v, ok
}

// is reports whether k is lit.
func (a *anim) is(k hotKey) bool {
	_, ok := a.heat[k]
	return ok
}

func (a *anim) light(k hotKey, label string) {
	a.heat[k] = hotVal{frames: a.fadeFrames, label: label}
}

func (a *anim) lightN(k hotKey, label string, n int) {
	a.heat[k] = hotVal{frames: a.fadeFrames, label: label, count: n}
}

// lightFrom lights k with where it came from (an old offset).
func (a *anim) lightFrom(k hotKey, from int64) {
	a.heat[k] = hotVal{frames: a.fadeFrames, from: from}
}

// absorb lights up what the events touched.
func (a *anim) absorb(evs []sim.Event) {
	for i := range evs {
		a.absorbOne(&evs[i])
	}
}

func (a *anim) absorbOne(e *sim.Event) {
	switch e.Type {
	case sim.EvBrokerCrashed, sim.EvBrokerRestarted, sim.EvBrokerSlowed, sim.EvBrokerHealed,
		sim.EvBrokerFenced, sim.EvBrokerUnfenced, sim.EvControllerElected, sim.EvControllerLost, sim.EvAcksDropping:
		a.light(hotKey{kind: hotBroker, n1: e.Broker}, "")
	case sim.EvAppended, sim.EvReplicated:
		a.lightN(hotKey{kind: hotReplica, s1: e.Topic, n1: e.Partition, n2: e.Broker}, "+"+itoa(e.Count), e.Count)
		if e.Type == sim.EvReplicated {
			a.absorbFetch(e)
		} else {
			a.absorbProduce(e)
		}
	case sim.EvISRShrunk, sim.EvISRExpanded:
		a.light(hotKey{kind: hotReplica, s1: e.Topic, n1: e.Partition, n2: e.Broker}, "")
	case sim.EvHWAdvanced:
		a.light(hotKey{kind: hotHW, s1: e.Topic, n1: e.Partition}, "")
	case sim.EvLeaderElected:
		a.heat[hotKey{kind: hotLeader, s1: e.Topic, n1: e.Partition, n2: e.Broker}] =
			hotVal{frames: a.fadeFrames * 2, label: "new leader", n: e.Broker2}
		a.light(hotKey{kind: hotReplica, s1: e.Topic, n1: e.Partition, n2: e.Broker}, "")
	case sim.EvPartitionOffline:
		a.light(hotKey{kind: hotLeader, s1: e.Topic, n1: e.Partition}, "offline")
	case sim.EvTruncated:
		a.truncs = append(a.truncs, truncMark{topic: e.Topic, partition: e.Partition, broker: e.Broker,
			from: e.Offset, to: e.EndOffset, frames: a.fadeFrames * 3, total: motionFrames})
	case sim.EvSegmentsDeleted, sim.EvCompacted:
		a.light(hotKey{kind: hotLogStart, s1: e.Topic, n1: e.Partition}, "")
	case sim.EvSent, sim.EvProduceRequest, sim.EvAcked, sim.EvProduceFailed, sim.EvRetried,
		sim.EvDuplicateDrop, sim.EvAckLost, sim.EvProducerCrash, sim.EvTxnCommitted, sim.EvTxnAborted:
		a.light(hotKey{kind: hotProducer, s1: e.Producer}, producerActivity(e))
	case sim.EvRebalanceStarted, sim.EvRebalanceDone, sim.EvCoordinatorMoved:
		a.light(hotKey{kind: hotGroup, s1: e.Group}, "")
	case sim.EvCommitted:
		a.light(hotKey{kind: hotCommit, s1: e.Group, s2: e.Topic, n1: e.Partition}, "")
		a.light(hotKey{kind: hotMember, s1: e.Group, s2: e.Member}, "commit")
	case sim.EvMemberJoined, sim.EvAssigned, sim.EvRevoked, sim.EvMemberLeft, sim.EvMemberExpired,
		sim.EvConsumerCrashed, sim.EvConsumerRestarted, sim.EvConsumerPaused, sim.EvConsumerResumed,
		sim.EvFetched, sim.EvProcessed, sim.EvCommitFailed, sim.EvOffsetReset, sim.EvConsumerError,
		sim.EvPollTimeout, sim.EvLogTruncationSeen:
		a.light(hotKey{kind: hotMember, s1: e.Group, s2: e.Member}, memberActivity(e))
	}
}

// producerActivity is the short label a producer's line shows as a batch
// travels: sent, on the wire to a leader, acknowledged.
func producerActivity(e *sim.Event) string {
	switch e.Type {
	case sim.EvSent:
		return "send " + itoa(e.Count)
	case sim.EvProduceRequest:
		return "→ b" + itoa(e.Broker) + " " + e.Topic + "-" + itoa(e.Partition)
	case sim.EvAcked:
		return "✓ ack " + e.Topic + "-" + itoa(e.Partition)
	case sim.EvProduceFailed:
		return "✗ " + e.Err
	case sim.EvRetried:
		return "↻ retry"
	case sim.EvDuplicateDrop:
		return "dup dropped"
	case sim.EvAckLost:
		return "ack lost"
	case sim.EvProducerCrash:
		return "crashed"
	case sim.EvTxnCommitted:
		return "txn commit"
	case sim.EvTxnAborted:
		return "txn abort"
	}
	return ""
}

// memberActivity is the short label a consumer's line shows.
func memberActivity(e *sim.Event) string {
	switch e.Type {
	case sim.EvFetched:
		return "fetch " + itoa(e.Count)
	case sim.EvProcessed:
		if e.Duplicates > 0 {
			return "⟲ " + itoa(int(e.Duplicates)) + " processed again: duplicates"
		}
		return "process " + itoa(e.Count)
	case sim.EvAssigned:
		return "assigned"
	case sim.EvRevoked:
		return "revoked"
	case sim.EvOffsetReset:
		return "offset reset"
	case sim.EvCommitFailed:
		return "commit failed"
	case sim.EvPollTimeout:
		return "poll timeout"
	case sim.EvLogTruncationSeen:
		return "log truncated"
	case sim.EvMemberJoined:
		return "JoinGroup →"
	case sim.EvMemberLeft:
		return "LeaveGroup →"
	case sim.EvMemberExpired:
		return "removed"
	case sim.EvConsumerCrashed:
		return "crashed"
	case sim.EvConsumerRestarted:
		return "restarted"
	}
	return string(e.Type)
}
