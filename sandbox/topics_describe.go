package sandbox

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// topicDesc is one topic as kafka-topics --describe shows it.
type topicDesc struct {
	name    string
	id      string
	configs []string // non-default configs, name=value
	minISR  int
	parts   []partDesc
}

// partDesc is one partition's line.
type partDesc struct {
	partition int
	leader    int // 0 = none
	replicas  []int
	isr       []int
}

func (s *Session) describeTopics(o *output, p *parsedOpts) {
	var names []string
	if p.has("topic-id") {
		id := p.val("topic-id")
		for _, n := range s.topicNames(!p.has("exclude-internal")) {
			if d, ok := s.topicDesc(n); ok && d.id == id {
				names = append(names, n)
			}
		}
		if len(names) == 0 && !p.has("if-exists") {
			topicError(o, fmt.Sprintf("TopicId '%s' does not exist as expected", id))
			o.hint("kafka-topics --describe shows each topic's TopicId")
			return
		}
	} else {
		names = s.matchTopics(p)
		if !s.ensureTopicsMatched(o, p, names) {
			return
		}
	}
	zk := s.run.Sim().Config().Cluster.Metadata == sim.MetadataZooKeeper
	if zk {
		// A ZooKeeper-mode broker lacks the API 3.9's admin client tries first.
		o.logLine("WARN", "The DescribeTopicPartitions API is not supported, using Metadata API to describe topics.",
			"org.apache.kafka.clients.admin.KafkaAdminClient")
	}
	report := p.countOf("under-replicated-partitions", "unavailable-partitions", "under-min-isr-partitions", "at-min-isr-partitions") > 0
	live := s.liveBrokers()
	for _, name := range describeOrder(names) {
		d, ok := s.topicDesc(name)
		if !ok {
			continue
		}
		configs := d.configs
		if d.name != internalOffsetsTopic {
			configs = inConfigEntriesOrder(d.configs)
			if !zk {
				configs = withStaticBrokerConfigs(d.configs)
			}
		}
		if !report && (!p.has("topics-with-overrides") || len(configs) > 0) {
			rf := 0
			if len(d.parts) > 0 {
				rf = len(d.parts[0].replicas)
			}
			o.linef("Topic: %s\tTopicId: %s\tPartitionCount: %d\tReplicationFactor: %d\tConfigs: %s",
				d.name, d.id, len(d.parts), rf, strings.Join(configs, ","))
		}
		if p.has("topics-with-overrides") {
			continue
		}
		for _, pd := range d.parts {
			if report && !reportWants(p, pd, d.minISR, live) {
				continue
			}
			o.line(partitionLine(d.name, pd, zk))
		}
	}
}

// partitionLine is PartitionDescription.printDescription. Against a 3.9
// KRaft broker the ELR lists come back empty ("Elr: "); through the
// Metadata API (ZooKeeper mode) there are none ("Elr: N/A").
func partitionLine(topic string, pd partDesc, zk bool) string {
	leader := "none"
	if pd.leader != 0 {
		leader = strconv.Itoa(pd.leader)
	}
	elr := "\tElr: \tLastKnownElr: "
	if zk {
		elr = "\tElr: N/A\tLastKnownElr: N/A"
	}
	return fmt.Sprintf("\tTopic: %s\tPartition: %d\tLeader: %s\tReplicas: %s\tIsr: %s%s",
		topic, pd.partition, leader, joinInts(pd.replicas), joinInts(pd.isr), elr)
}

// reportWants is the --under-replicated-partitions family of filters.
func reportWants(p *parsedOpts, pd partDesc, minISR int, live map[int]bool) bool {
	hasLeader := pd.leader != 0
	return (p.has("under-replicated-partitions") && len(pd.replicas)-len(pd.isr) > 0) ||
		(p.has("unavailable-partitions") && (!hasLeader || !live[pd.leader])) ||
		(p.has("under-min-isr-partitions") && (!hasLeader || len(pd.isr) < minISR)) ||
		(p.has("at-min-isr-partitions") && len(pd.isr) == minISR)
}

// liveBrokers are the brokers describeCluster lists: registered and not fenced.
func (s *Session) liveBrokers() map[int]bool {
	live := map[int]bool{}
	for _, b := range s.snap().Brokers {
		if !b.Fenced {
			live[b.ID] = true
		}
	}
	return live
}

// describeOrder is the order TopicCommand prints topics in: it collects
// their descriptions through three HashMaps (the admin client's futures
// map, its copy, and the result map), and prints in the last one's order.
func describeOrder(sorted []string) []string {
	futures := newJavaMapCap(len(sorted))
	for _, n := range sorted {
		futures.Put(n, javaStringHash(n))
	}
	copied := newJavaMapCopy(futures)
	result := newJavaMapCap(copied.Len())
	for _, k := range copied.Keys() {
		result.Put(k.Key, k.Hash)
	}
	out := make([]string, 0, result.Len())
	for _, k := range result.Keys() {
		out = append(out, k.Key)
	}
	return out
}

// topicDesc describes a topic of the snapshot, or __consumer_offsets.
func (s *Session) topicDesc(name string) (topicDesc, bool) {
	if name == internalOffsetsTopic {
		if !s.offsetsTopicExists() {
			return topicDesc{}, false
		}
		return s.offsetsTopicDesc(), true
	}
	t, ok := s.topicView(name)
	if !ok {
		return topicDesc{}, false
	}
	d := topicDesc{name: t.Name, id: t.ID, configs: sim.TopicConfigPairs(t.Config), minISR: t.Config.MinInsyncReplicas}
	for _, pv := range t.Partitions {
		d.parts = append(d.parts, partDesc{partition: pv.Partition, leader: pv.Leader, replicas: pv.Replicas, isr: pv.ISR})
	}
	return d, true
}

// offsetsTopicDesc models __consumer_offsets, which the engine keeps
// implicitly: offsets.topic.num.partitions partitions placed as Kafka
// places them from broker 0 without a shift, each led by its first
// replica the controller has not fenced (as the engine picks coordinators).
func (s *Session) offsetsTopicDesc() topicDesc {
	cluster := s.run.Sim().Config().Cluster
	snap := s.snap()
	n := len(snap.Brokers)
	rf := min(cluster.OffsetsTopicReplicationFactor, n)
	d := topicDesc{name: internalOffsetsTopic, id: s.offsetsTopicID(), minISR: 1,
		configs: []string{"compression.type=producer", "cleanup.policy=compact", "segment.bytes=104857600"}}
	for part := 0; part < cluster.OffsetsTopicPartitions; part++ {
		pd := partDesc{partition: part, replicas: placeReplicas(n, rf, part, 0, 0)}
		for _, b := range pd.replicas {
			if !snap.Brokers[b-1].Fenced {
				pd.isr = append(pd.isr, b)
				if pd.leader == 0 {
					pd.leader = b
				}
			}
		}
		if len(pd.isr) == 0 {
			// KRaft never shrinks an ISR to nothing: the last member stays.
			pd.isr = []int{pd.replicas[0]}
		}
		d.parts = append(d.parts, pd)
	}
	return d
}

// offsetsTopicID is a TopicId for __consumer_offsets that stays the same
// for the same seed.
func (s *Session) offsetsTopicID() string {
	var seed [8]byte
	binary.LittleEndian.PutUint64(seed[:], s.run.Sim().Config().Seed)
	sum := sha256.Sum256(append([]byte(internalOffsetsTopic), seed[:]...))
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}

// placeReplicas is Kafka's rack-unaware replica placement (the engine's,
// which it does not export).
func placeReplicas(brokers, rf, part, start, shift int) []int {
	shift += part / brokers
	first := (part + start) % brokers
	out := []int{first + 1}
	for j := 0; j < rf-1; j++ {
		idx := 0
		if brokers > 1 {
			idx = (first + 1 + (shift+j)%(brokers-1)) % brokers
		}
		out = append(out, idx+1)
	}
	return out
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

// withStaticBrokerConfigs adds the configs config/kraft/server.properties
// sets for every topic (segment.bytes) unless the topic overrides them:
// their source is STATIC_BROKER_CONFIG, so TopicCommand, which prints the
// entries that are not isDefault(), lists them.
func withStaticBrokerConfigs(configs []string) []string {
	out := append([]string(nil), configs...)
	for name, value := range staticBrokerTopicConfigs {
		overridden := false
		for _, kv := range configs {
			overridden = overridden || strings.HasPrefix(kv, name+"=")
		}
		if !overridden {
			out = append(out, name+"="+value)
		}
	}
	return inConfigEntriesOrder(out)
}

// inConfigEntriesOrder orders name=value pairs as TopicCommand prints
// them: admin.Config keeps a topic's entries in a java.util.HashMap keyed
// by name, so they come out in its bucket order over every topic config.
func inConfigEntriesOrder(pairs []string) []string {
	m := newJavaMap()
	for _, c := range allTopicConfigs {
		m.Put(c.name, javaStringHash(c.name))
	}
	byName := map[string]string{}
	for _, kv := range pairs {
		name, _, _ := strings.Cut(kv, "=")
		byName[name] = kv
	}
	var out []string
	for _, k := range m.Keys() {
		if kv, ok := byName[k.Key]; ok {
			out = append(out, kv)
		}
	}
	return out
}
