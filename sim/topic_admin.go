package sim

import (
	"encoding/base64"
	"fmt"
)

// What kafka-topics.sh and the Admin client do to topics: create (with
// replica placement), add partitions, delete.

// TopicExistsError is Kafka's TopicExistsException.
type TopicExistsError struct{ Topic string }

func (e *TopicExistsError) Error() string { return fmt.Sprintf("Topic '%s' already exists.", e.Topic) }

// ReplicationFactorError is Kafka's InvalidReplicationFactorException.
type ReplicationFactorError struct{ Factor, Brokers int }

func (e *ReplicationFactorError) Error() string {
	return fmt.Sprintf("Unable to replicate the partition %d time(s): The target replication factor of %d cannot be reached because only %d broker(s) are registered.",
		e.Factor, e.Factor, e.Brokers)
}

// UnknownTopicError is Kafka's UnknownTopicOrPartitionException.
type UnknownTopicError struct{ Topic string }

func (e *UnknownTopicError) Error() string {
	return fmt.Sprintf("Topic '%s' does not exist as expected", e.Topic)
}

func (s *Sim) createTopic(cfg TopicConfig) (*topic, error) {
	if _, t := s.topicByName(cfg.Name); t != nil {
		return nil, &TopicExistsError{Topic: cfg.Name}
	}
	if err := validTopicName(cfg.Name); err != nil {
		return nil, err
	}
	if err := s.needController("create topic " + cfg.Name); err != nil {
		return nil, err
	}
	if cfg.Partitions < 1 {
		return nil, fmt.Errorf("topic %s: partitions must be at least 1", cfg.Name)
	}
	registered := 0
	for _, b := range s.brokers {
		if !b.fenced {
			registered++
		}
	}
	if cfg.ReplicationFactor < 1 || cfg.ReplicationFactor > registered {
		return nil, &ReplicationFactorError{Factor: cfg.ReplicationFactor, Brokers: registered}
	}
	if cfg.ReplicaAssignment != nil {
		if err := checkAssignment(cfg.ReplicaAssignment, cfg.Partitions, len(s.brokers)); err != nil {
			return nil, err
		}
		if got := len(cfg.ReplicaAssignment[0]); got != cfg.ReplicationFactor {
			return nil, fmt.Errorf("The manual partition assignment includes a partition with %d replica(s), but this is not consistent with previous partitions, which have %d replica(s).", got, cfg.ReplicationFactor)
		}
	}
	cfg.ReplicaAssignment = cloneAssignment(cfg.ReplicaAssignment)
	t := &topic{cfg: cfg, id: s.newTopicID()}
	s.topics = append(s.topics, t)
	idx := len(s.topics) - 1
	start := s.rngPick.IntN(len(s.brokers))
	shift := s.rngPick.IntN(len(s.brokers))
	s.emit(&Event{Type: EvTopicCreated, Topic: cfg.Name, Count: cfg.Partitions, ReplicationFactor: int32(cfg.ReplicationFactor)})
	s.addPartitionsTo(idx, cfg.Partitions, start, shift)
	return t, nil
}

func validTopicName(name string) error {
	if name == "" || name == "." || name == ".." || len(name) > 249 {
		return fmt.Errorf("Topic name %q is illegal", name)
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return fmt.Errorf("Topic name %q is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'", name)
		}
	}
	return nil
}

// newTopicID makes a TopicId the way Kafka prints one: 16 random bytes in
// URL-safe base64.
func (s *Sim) newTopicID() string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		v := s.rngPick.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// placeReplicas is Kafka's rack-unaware placement: partition p's first
// replica is broker (start+p) mod n, and the followers come after it at a
// distance that shifts by one after every full round of brokers.
func placeReplicas(brokers, rf, part, start, shift int) []int {
	shift += part / brokers
	first := (part + start) % brokers
	out := []int{first + 1}
	for j := 0; j < rf-1; j++ {
		var idx int
		if brokers > 1 {
			idx = (first + 1 + (shift+j)%(brokers-1)) % brokers
		}
		out = append(out, idx+1)
	}
	return out
}

func (s *Sim) addPartitionsTo(topicIdx, total, start, shift int) {
	t := s.topics[topicIdx]
	for id := len(t.parts); id < total; id++ {
		reps := placeReplicas(len(s.brokers), t.cfg.ReplicationFactor, id, start, shift)
		if id < len(t.cfg.ReplicaAssignment) {
			reps = append([]int(nil), t.cfg.ReplicaAssignment[id]...)
		}
		p := &partition{topicIdx: topicIdx, topicName: t.cfg.Name, id: id, replicas: reps}
		for _, b := range reps {
			p.reps = append(p.reps, &replica{broker: b, fetchOffset: -1})
		}
		for _, b := range reps {
			if !s.broker(b).fenced {
				p.isr = append(p.isr, b)
			}
		}
		t.parts = append(t.parts, p)
		p.offline = true
		s.electLeader(p, ReasonNewTopic)
	}
	t.cfg.Partitions = len(t.parts)
}

// addPartitions grows a topic, placing new replicas as Kafka does: continuing
// the pattern of the existing partitions.
func (s *Sim) addPartitions(name string, total int) error {
	idx, t := s.topicByName(name)
	if t == nil {
		return &UnknownTopicError{Topic: name}
	}
	if total <= len(t.parts) {
		return fmt.Errorf("Topic currently has %d partitions, which is higher than the requested %d.", len(t.parts), total)
	}
	if err := s.needController("add partitions to " + name); err != nil {
		return err
	}
	n := len(s.brokers)
	first := t.parts[0].replicas[0] - 1
	shift := 0
	if len(t.parts[0].replicas) > 1 && n > 1 {
		shift = (t.parts[0].replicas[1] - 1 - first - 1 + 2*n) % n
	}
	old := len(t.parts)
	s.emit(&Event{Type: EvPartitionsAdded, Topic: name, PrevPartitions: int32(old), Partitions: int32(total)})
	s.addPartitionsTo(idx, total, first, shift)
	s.scheduleMetadataRefreshes(name)
	return nil
}

func (s *Sim) deleteTopic(name string) error {
	_, t := s.topicByName(name)
	if t == nil {
		return &UnknownTopicError{Topic: name}
	}
	if err := s.needController("delete topic " + name); err != nil {
		return err
	}
	t.deleted = true
	for _, p := range t.parts {
		for _, r := range p.reps {
			r.fetchGen++
		}
	}
	s.emit(&Event{Type: EvTopicDeleted, Topic: name})
	// The group coordinators drop committed offsets of a deleted topic.
	for _, g := range s.groups {
		for _, id := range g.committed.ids() {
			if s.tpIDs.tp(id).Topic == name {
				g.committed.del(id)
			}
		}
	}
	s.partitionsChangedForGroups(name)
	return nil
}
