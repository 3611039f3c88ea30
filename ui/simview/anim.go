package simview

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// hotKind is what a highlight is on.
type hotKind uint8

// The things that light up when an event touches them.
const (
	hotBroker     hotKind = iota // n1 = broker
	HotReplica                   // s1 topic, n1 partition, n2 broker
	hotLeader                    // s1 topic, n1 partition, n2 new leader
	hotHW                        // s1 topic, n1 partition
	hotLogStart                  // s1 topic, n1 partition
	hotGroup                     // s1 group
	hotMember                    // s1 group, s2 member
	hotCommit                    // s1 group, s2 topic, n1 partition
	hotProducer                  // s1 producer
	hotMovedIn                   // s1 group+member, s2 topic, n1 partition: just assigned
	hotMovedOut                  // the same, just revoked
	HotCommitFrom                // s1 group, s2 topic, n1 partition; from = the old committed offset
	hotFetchIn                   // s1 topic, n1 partition, n2 follower; [from, to) fetched from leader n
	hotFetchOut                  // s1 topic, n1 partition, n2 leader; [from, to) fetched by its followers
	hotLost                      // s1 group; n the lost count before, count after, label the engine's reason
	hotHWFrom                    // s1 topic, n1 partition; from = the old high watermark
	hotProduceIn                 // s1 topic, n1 partition, n2 leader; [from, to) appended, label the producer
)

// HotKey names one highlighted thing.
type HotKey struct {
	Kind   hotKind
	S1, S2 string
	N1, N2 int
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

// Anim turns the events of the last few steps into fading highlights. It
// holds no Kafka state: it only remembers which names recent events touched.
type Anim struct {
	heat   map[HotKey]hotVal
	Truncs []truncMark
	// fadeFrames is how long a highlight lasts while playing.
	fadeFrames int
	// Still: no motion (--no-motion); every change shows at once in its
	// final state, highlighted until the next step.
	Still bool
	// ticking: a paused screen's motion frame is on its way; gen tells
	// the latest one.
	ticking bool
	gen     int
}

// MotionFrames is how many frames a change's motion takes: a batch
// travelling, a committed offset sliding, records crumbling.
const MotionFrames = 6

func NewAnim() *Anim {
	return &Anim{heat: map[HotKey]hotVal{}, fadeFrames: 8}
}

// progress is how far k's motion has got, from 0 to motionFrames; a
// still anim is always done.
func (a *Anim) progress(v hotVal) int {
	if a.Still {
		return MotionFrames
	}
	return min(v.age, MotionFrames)
}

// Moving reports whether some motion is not finished: a paused screen
// keeps drawing frames until it is.
func (a *Anim) Moving() bool {
	if a.Still {
		return false
	}
	for _, v := range a.heat {
		if v.age < MotionFrames {
			return true
		}
	}
	for _, t := range a.Truncs {
		if t.age < t.total {
			return true
		}
	}
	return false
}

// Advance moves every motion one frame on and keeps the highlights: a
// paused screen shows what the last step changed until the next one.
func (a *Anim) Advance() {
	for k, v := range a.heat {
		if v.age < MotionFrames {
			v.age++
			a.heat[k] = v
		}
	}
	for i := range a.Truncs {
		if t := &a.Truncs[i]; t.age < t.total {
			t.age++
		}
	}
}

// Reset forgets every highlight (after a seek or a restart).
func (a *Anim) Reset() {
	clear(a.heat)
	a.Truncs = a.Truncs[:0]
}

// decay ages every highlight by one frame while playing: its motion
// moves on and it fades.
func (a *Anim) decay() {
	for k, v := range a.heat {
		if v.frames <= 1 {
			delete(a.heat, k)
			continue
		}
		v.frames--
		v.age++
		a.heat[k] = v
	}
	kept := a.Truncs[:0]
	for _, t := range a.Truncs {
		if t.frames > 1 {
			t.frames--
			t.age++
			kept = append(kept, t)
		}
	}
	a.Truncs = kept
}

// truncOf is the latest truncation of a replica still crumbling, or nil.
func (a *Anim) truncOf(topic string, partition, broker int) *truncMark {
	for i := len(a.Truncs) - 1; i >= 0; i-- {
		t := &a.Truncs[i]
		if t.topic == topic && t.partition == partition && t.broker == broker {
			return t
		}
	}
	return nil
}

// Get reports whether k is lit, and its label.
func (a *Anim) Get(k HotKey) (hotVal, bool) {
	v, ok := a.heat[k]
	return v, ok
}

// Is reports whether k is lit.
func (a *Anim) Is(k HotKey) bool {
	_, ok := a.heat[k]
	return ok
}

func (a *Anim) light(k HotKey, label string) {
	a.heat[k] = hotVal{frames: a.fadeFrames, label: label}
}

func (a *Anim) lightN(k HotKey, label string, n int) {
	a.heat[k] = hotVal{frames: a.fadeFrames, label: label, count: n}
}

// LightFrom lights k with where it came from (an old offset).
func (a *Anim) LightFrom(k HotKey, from int64) {
	a.heat[k] = hotVal{frames: a.fadeFrames, from: from}
}

// Absorb lights up what the events touched. Of a frame that brings more
// than absorbLimit events (a fast speed on a busy cluster, where one frame
// stands for seconds of the run) only the latest light anything: they
// already touch most of the cluster, and lighting every event of the frame
// would cost as much as playing it.
func (a *Anim) Absorb(evs []sim.Event) {
	evs = evs[max(len(evs)-absorbLimit, 0):]
	for i := range evs {
		a.absorbOne(&evs[i])
	}
}

// absorbLimit is how many of a frame's latest events light the picture:
// about half a virtual second of a 100-partition cluster at 1000 records/s.
const absorbLimit = 4096

func (a *Anim) absorbOne(e *sim.Event) {
	switch e.Type {
	case sim.EvBrokerCrashed, sim.EvBrokerRestarted, sim.EvBrokerSlowed, sim.EvBrokerHealed,
		sim.EvBrokerFenced, sim.EvBrokerUnfenced, sim.EvControllerElected, sim.EvControllerLost, sim.EvAcksDropping:
		a.light(HotKey{Kind: hotBroker, N1: e.Broker}, "")
	case sim.EvAppended, sim.EvReplicated:
		a.lightN(HotKey{Kind: HotReplica, S1: e.Topic, N1: e.Partition, N2: e.Broker}, "+"+components.Itoa(e.Count), e.Count)
		if e.Type == sim.EvReplicated {
			a.absorbFetch(e)
		} else {
			a.absorbProduce(e)
		}
	case sim.EvISRShrunk, sim.EvISRExpanded:
		a.light(HotKey{Kind: HotReplica, S1: e.Topic, N1: e.Partition, N2: e.Broker}, "")
	case sim.EvHWAdvanced:
		a.light(HotKey{Kind: hotHW, S1: e.Topic, N1: e.Partition}, "")
	case sim.EvLeaderElected:
		a.heat[HotKey{Kind: hotLeader, S1: e.Topic, N1: e.Partition, N2: e.Broker}] =
			hotVal{frames: a.fadeFrames * 2, label: "new leader", n: e.Broker2}
		a.light(HotKey{Kind: HotReplica, S1: e.Topic, N1: e.Partition, N2: e.Broker}, "")
	case sim.EvPartitionOffline:
		a.light(HotKey{Kind: hotLeader, S1: e.Topic, N1: e.Partition}, "offline")
	case sim.EvTruncated:
		a.Truncs = append(a.Truncs, truncMark{topic: e.Topic, partition: e.Partition, broker: e.Broker,
			from: e.Offset, to: e.EndOffset, frames: a.fadeFrames * 3, total: MotionFrames})
	case sim.EvSegmentsDeleted, sim.EvCompacted:
		a.light(HotKey{Kind: hotLogStart, S1: e.Topic, N1: e.Partition}, "")
	case sim.EvSent, sim.EvProduceRequest, sim.EvAcked, sim.EvProduceFailed, sim.EvRetried,
		sim.EvDuplicateDrop, sim.EvAckLost, sim.EvProducerCrash, sim.EvTxnCommitted, sim.EvTxnAborted:
		a.light(HotKey{Kind: hotProducer, S1: e.Producer}, producerActivity(e))
	case sim.EvRebalanceStarted, sim.EvRebalanceDone, sim.EvCoordinatorMoved:
		a.light(HotKey{Kind: hotGroup, S1: e.Group}, "")
	case sim.EvCommitted:
		a.light(HotKey{Kind: hotCommit, S1: e.Group, S2: e.Topic, N1: e.Partition}, "")
		a.light(HotKey{Kind: hotMember, S1: e.Group, S2: e.Member}, "commit")
	case sim.EvMemberJoined, sim.EvAssigned, sim.EvRevoked, sim.EvMemberLeft, sim.EvMemberExpired,
		sim.EvConsumerCrashed, sim.EvConsumerRestarted, sim.EvConsumerPaused, sim.EvConsumerResumed,
		sim.EvFetched, sim.EvProcessed, sim.EvCommitFailed, sim.EvOffsetReset, sim.EvConsumerError,
		sim.EvPollTimeout, sim.EvLogTruncationSeen:
		a.light(HotKey{Kind: hotMember, S1: e.Group, S2: e.Member}, memberActivity(e))
	}
}

// producerActivity is the short label a producer's line shows as a batch
// travels: sent, on the wire to a leader, acknowledged.
func producerActivity(e *sim.Event) string {
	switch e.Type {
	case sim.EvSent:
		return "send " + components.Itoa(e.Count)
	case sim.EvProduceRequest:
		return "→ b" + components.Itoa(e.Broker) + " " + e.Topic + "-" + components.Itoa(e.Partition)
	case sim.EvAcked:
		return "✓ ack " + e.Topic + "-" + components.Itoa(e.Partition)
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
		return "fetch " + components.Itoa(e.Count)
	case sim.EvProcessed:
		if e.Duplicates > 0 {
			return "⟲ " + components.Itoa(int(e.Duplicates)) + " processed again: duplicates"
		}
		return "process " + components.Itoa(e.Count)
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
