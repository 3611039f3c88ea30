package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"math/rand/v2"
)

// Sim is one deterministic run of a simulated Kafka cluster. It moves only
// when the caller steps it; all of its randomness comes from the seed.
type Sim struct {
	cfg   Config
	nowMs int64
	step  int
	queue eventQueue

	// Each subsystem draws from its own PCG stream; the PCG values are kept
	// so a checkpoint can copy their state.
	pcgPick  *rand.PCG
	pcgGroup *rand.PCG
	rngPick  *rand.Rand // placement, topic ids, sticky partitioner, controller races
	rngGroup *rand.Rand // member ids

	brokers    []*broker // index = id-1
	controller int       // node id of the active controller, 0 = none
	ctrlEpoch  int
	// ctrlUp: whether each dedicated controller node runs (index = id-brokers-1).
	ctrlUp []bool
	// quorumLost: the quorum's loss of its majority has been told.
	quorumLost bool
	topics     []*topic // creation order; a deleted topic stays, marked deleted, so indexes hold
	topicSeq   int      // for TopicIds
	producers  []*producer
	groups     []*group
	ledger     ledger
	batches    chunks[batch] // shared between checkpoints, copied when written
	liveFrom   int           // every batch before it is done (batch_live.go)
	batchNext  chunks[int32] // links each batch's records (batch_recs.go)
	truncs     []truncation
	markers    []txnMarker
	txnSeq     int

	// fetchSessions: each follower broker's fetcher per leader broker,
	// index (follower-1)*brokers + leader-1 (fetch_session.go).
	fetchSessions []*fetchSession
	// commitScratch is commit.go's working space, not state.
	commitScratch commitScratch
	// tpIDs numbers partitions for the consumer and group state (tp_table.go).
	tpIDs tpIndex

	events []Event
	// eventBase is the Seq of events[0]: a long headless run forgets the
	// events it has written out (ForgetEventsBefore).
	eventBase int
	// eventsShared: a clone shares the events' array, so it is not written
	// over in place.
	eventsShared bool
	// discardEvents: no reader wants the events (DiscardEvents).
	discardEvents bool
	digest        hash.Hash
	// digestFrom, when set, is a hashing copy of the run's start, and the
	// digest is replayed from it when asked (digest_replay.go).
	digestFrom *Sim
	scratch    []byte
	applied    []Applied
	// scheduled holds timeline commands; queued items refer to them by index.
	scheduled []Scheduled
	// halted is set by Halt; Step does nothing afterwards.
	halted bool
	// cost is a checkpoint's estimated size in memory (Run).
	cost int
	// live is the state of live clients (external.go), nil without them.
	live *external
	// liveState is the protocol handlers' state when a run replays live
	// clients' requests (client_request.go).
	liveState any
}

// Subsystem stream ids: each subsystem draws from its own PCG stream so that
// a change in one does not reshuffle the others.
const (
	streamPick  = 0x7069636b
	streamGroup = 0x67726f7570
)

// New builds a simulation from a config. Config mistakes come back as errors.
func New(cfg Config) (*Sim, error) {
	if err := validateConfig(&cfg); err != nil {
		return nil, err
	}
	s := &Sim{
		cfg:      cfg,
		pcgPick:  rand.NewPCG(cfg.Seed, streamPick),
		pcgGroup: rand.NewPCG(cfg.Seed, streamGroup),
		digest:   sha256.New(),
	}
	s.rngPick, s.rngGroup = rand.New(s.pcgPick), rand.New(s.pcgGroup)
	s.startCluster()
	for _, t := range cfg.Topics {
		if _, err := s.createTopic(t); err != nil {
			return nil, err
		}
	}
	for _, p := range cfg.Producers {
		if err := s.addProducer(p); err != nil {
			return nil, err
		}
	}
	for _, g := range cfg.Groups {
		if err := s.addGroup(g); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Config returns the configuration the run started from.
func (s *Sim) Config() Config { return s.cfg }

// Now is the virtual time in milliseconds.
func (s *Sim) Now() int64 { return s.nowMs }

// StepCount is how many steps have run.
func (s *Sim) StepCount() int { return s.step }

// NextAt is the time of the next queued happening, or -1 when idle.
func (s *Sim) NextAt() int64 {
	if s.queue.Len() == 0 {
		return -1
	}
	return s.queue.nextAt()
}

// Step runs the next queued happening and reports whether there was one.
func (s *Sim) Step() bool {
	if s.halted || s.queue.Len() == 0 {
		return false
	}
	it := s.queue.pop()
	s.nowMs = it.atMs
	s.step++
	s.dispatch(it)
	return true
}

// RunUntil steps until the next happening would be after untilMs, then sets
// the clock to untilMs.
func (s *Sim) RunUntil(untilMs int64) {
	for !s.halted && s.queue.Len() > 0 && s.queue.nextAt() <= untilMs {
		s.Step()
	}
	if untilMs > s.nowMs {
		s.nowMs = untilMs
	}
}

// Events is every event so far that has not been forgotten. The slice is
// shared: do not modify it. In a run that keeps a window of events
// (Run.KeepEvents) it holds until the run steps again: the window then
// moves within the same array, so read it again after stepping.
func (s *Sim) Events() []Event { return s.events }

// EventCount is how many events the run has emitted, forgotten ones included.
func (s *Sim) EventCount() int { return s.eventBase + len(s.events) }

// EventsSince returns the remembered events with Seq >= seq.
func (s *Sim) EventsSince(seq int) []Event {
	i := max(seq-s.eventBase, 0)
	if i >= len(s.events) {
		return nil
	}
	return s.events[i:]
}

// ForgetEventsBefore drops the events with Seq < seq from memory (the digest
// still covers them), so a run of millions of records keeps only what its
// reader has not consumed yet.
func (s *Sim) ForgetEventsBefore(seq int) {
	drop := min(seq-s.eventBase, len(s.events))
	if drop <= 0 {
		return
	}
	if s.eventsShared {
		s.events = append([]Event(nil), s.events[drop:]...)
		s.eventsShared = false
	} else {
		// Keep the capacity: the slice would regrow from nothing otherwise.
		n := copy(s.events, s.events[drop:])
		clear(s.events[n:])
		s.events = s.events[:n]
	}
	s.eventBase += drop
}

// Applied lists the commands run so far, with the step each ran at.
func (s *Sim) Applied() []Applied { return s.applied }

// Digest is the sha256 of the canonical event stream so far: two runs with the
// same config, seed and commands have the same digest.
func (s *Sim) Digest() string {
	if s.digestFrom != nil {
		return s.replayDigest()
	}
	s.flushDigest()
	sum := s.digest.Sum(nil)
	return hex.EncodeToString(sum)
}

// emit records an event and feeds it to the digest.
func (s *Sim) emit(e *Event) {
	e.Seq = s.eventBase + len(s.events)
	e.Step = s.step
	e.AtMs = s.nowMs
	if s.digestFrom == nil {
		s.scratch = e.appendCanonical(s.scratch)
		if len(s.scratch) >= digestBatch {
			s.flushDigest()
		}
	}
	if s.discardEvents {
		s.eventBase++
		return
	}
	s.events = append(s.events, *e)
}

// digestBatch is how many bytes of canonical events emit gathers before
// it hashes them: the hash sees only their concatenation, so one write of
// many events leaves the digest as one write each would.
const digestBatch = 4096

// flushDigest hashes the gathered canonical events; whatever reads or
// copies the digest calls it first.
func (s *Sim) flushDigest() {
	s.digest.Write(s.scratch)
	s.scratch = s.scratch[:0]
}
