package sandbox

import (
	"fmt"

	"kafkasim/sim"
)

// topicState is what a client's metadata request learns about a topic.
type topicState int

const (
	topicReady   topicState = iota // it exists (perhaps just created)
	topicInvalid                   // its name is illegal
	topicMissing                   // it does not exist and was not created
)

// clientTopic is what a producer's or consumer's first metadata request
// does with a topic: one that does not exist is created by the broker
// when auto.create.topics.enable=true (Kafka's default), with
// num.partitions and default.replication.factor, while the client logs a
// warning and asks again.
func (s *Session) clientTopic(o *output, topic string, client clientKind) topicState {
	if s.topicExists(topic) {
		return topicReady
	}
	warn := func(code string) {
		o.logLine("WARN", fmt.Sprintf("%sThe metadata response from the cluster reported a recoverable issue with correlation id 1 : {%s=%s}",
			client.prefix, topic, code), "org.apache.kafka.clients.NetworkClient")
	}
	if topicNameError(topic) != "" {
		warn("INVALID_TOPIC_EXCEPTION")
		return topicInvalid
	}
	cluster := s.run.Sim().Config().Cluster
	if !cluster.AutoCreateTopics {
		warn("UNKNOWN_TOPIC_OR_PARTITION")
		o.hint("topic %s does not exist and this cluster has auto.create.topics.enable=false: create it with kafka-topics --create", topic)
		return topicMissing
	}
	// KRaft brokers answer UNKNOWN_TOPIC_OR_PARTITION while the controller
	// creates the topic; ZooKeeper-mode brokers answer LEADER_NOT_AVAILABLE.
	code := "UNKNOWN_TOPIC_OR_PARTITION"
	if cluster.Metadata == sim.MetadataZooKeeper {
		code = "LEADER_NOT_AVAILABLE"
	}
	warn(code)
	rf := cluster.DefaultReplicationFactor
	if n := len(s.liveBrokers()); rf > n {
		rf = n
	}
	tc := sim.DefaultTopic(topic, cluster.NumPartitions, rf)
	if s.createTopicProblem(topic, rf, tc.Partitions, nil) != "" {
		return topicMissing
	}
	if err := s.run.Apply(sim.Command{Kind: sim.CmdCreateTopic, TopicSpec: &tc}); err != nil {
		return topicMissing
	}
	o.hint("topic %s did not exist, so the broker created it (auto.create.topics.enable=true) with %d partition(s) and replication factor %d. A typo in a topic name quietly makes a new topic.",
		topic, tc.Partitions, rf)
	return topicReady
}

// ensureTopicForClient prepares the producer's topic, reporting a send
// failure when there is none to send to.
func (s *Session) ensureTopicForClient(o *output, pm *producerMode, key, value *string) bool {
	topic := pm.topic
	switch s.clientTopic(o, topic, producerClient) {
	case topicInvalid:
		s.logSendError(o, pm, key, value, fmt.Sprintf("org.apache.kafka.common.errors.InvalidTopicException: Invalid topics: [%s]", topic))
		o.hint("%s", topicNameError(topic))
		s.prod = nil
		return false
	case topicMissing:
		if !s.waitVirtual(o, pm.maxBlockMs, "max.block.ms") {
			s.prod = nil // stopped as Ctrl-C stops the tool
			return false
		}
		s.logSendError(o, pm, key, value, fmt.Sprintf("org.apache.kafka.common.errors.TimeoutException: Topic %s not present in metadata after %d ms.", topic, pm.maxBlockMs))
		return false
	}
	return true
}
