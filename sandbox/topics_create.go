package sandbox

import (
	"fmt"

	"kafkasim/sim"
)

// kafka-topics --create: checked first as TopicCommand checks its
// arguments, then as the controller checks a CreateTopics request.

func (s *Session) createTopic(o *output, p *parsedOpts) {
	name := p.val("topic")
	cluster := s.run.Sim().Config().Cluster
	parts, ok1 := intArg(o, p, "partitions", cluster.NumPartitions)
	rf, ok2 := intArg(o, p, "replication-factor", cluster.DefaultReplicationFactor)
	if !ok1 || !ok2 {
		return
	}
	var assignment [][]int
	if p.val("replica-assignment") != "" {
		var problem string
		if assignment, problem = parseReplicaAssignment(p.val("replica-assignment")); problem != "" {
			topicError(o, problem)
			o.hint("--replica-assignment lists each partition's brokers, leader first: 1:2,2:3,3:1 is three partitions with two replicas each")
			return
		}
		parts, rf = len(assignment), len(assignment[0])
	}
	var pairs [][2]string
	for _, c := range p.all("config") {
		kv, ok := splitConfigArg(c)
		if !ok {
			topicError(o, `requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".`)
			o.hint("give each --config as name=value, e.g. --config retention.ms=60000")
			return
		}
		pairs = append(pairs, kv)
	}
	tc := sim.DefaultTopic(name, parts, rf)
	tc.ReplicaAssignment = assignment
	_, ignored, prob := setTopicConfigs(&tc, pairs)
	if prob != nil {
		topicError(o, prob.msg)
		if prob.hint != "" {
			o.hint("%s", prob.hint)
		}
		return
	}
	if hasCollisionChars(name) {
		o.line("WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.")
	}
	switch {
	case rf < 1 || rf > 32767:
		topicError(o, "The replication factor must be between 1 and 32767 inclusive")
		o.hint("the replication factor is how many brokers keep a copy of each partition: at least 1, at most the number of brokers")
		return
	case parts < 1:
		topicError(o, "The partitions must be greater than 0")
		o.hint("a topic needs at least one partition to hold its records")
		return
	}
	if msg := s.createTopicProblem(name, rf, parts, assignment); msg != "" {
		var exists bool
		if exists = s.topicExists(name); exists && p.has("if-not-exists") {
			return
		}
		topicError(o, msg)
		if assignment != nil && !exists {
			o.hint("the brokers are 1 to %d", s.brokerCount())
			return
		}
		s.createHint(o, name, rf, exists)
		return
	}
	if err := s.run.Apply(sim.Command{Kind: sim.CmdCreateTopic, TopicSpec: &tc}); err != nil {
		topicError(o, err.Error())
		return
	}
	o.line("Created topic " + name + ".")
	for _, n := range ignored {
		o.hint("kafkasim does not model %s: Kafka would store it; the sandbox ignores it", n)
	}
}

// createTopicProblem is the controller's answer to a CreateTopics request
// that fails, in the order it checks: the name, an existing topic, a
// colliding name, then the replication factor.
func (s *Session) createTopicProblem(name string, rf, parts int, assignment [][]int) string {
	if msg := topicNameError(name); msg != "" {
		return msg
	}
	if s.topicExists(name) {
		return (&sim.TopicExistsError{Topic: name}).Error()
	}
	for _, t := range s.topicNames(true) {
		if hasCollisionChars(name) && unifyCollisionChars(t) == unifyCollisionChars(name) {
			return fmt.Sprintf("Topic '%s' collides with existing topic: %s", name, t)
		}
	}
	registered := 0
	for id := 1; id <= s.brokerCount(); id++ {
		if _, _, fenced := s.run.Sim().BrokerStatus(id); !fenced {
			registered++
		}
	}
	for _, reps := range assignment {
		for _, b := range reps {
			if b < 1 || b > s.brokerCount() {
				return fmt.Sprintf("The manual partition assignment includes broker %d, but no such broker is registered.", b)
			}
		}
	}
	if rf > registered && assignment == nil {
		return (&sim.ReplicationFactorError{Factor: rf, Brokers: registered}).Error()
	}
	if total := s.partitionCount() + parts; total > sim.MaxPartitions {
		return fmt.Sprintf("Unable to create %d partition(s): the simulator holds at most %d in all", parts, sim.MaxPartitions)
	}
	return ""
}

func (s *Session) createHint(o *output, name string, rf int, exists bool) {
	switch {
	case exists:
		o.hint("a topic named %s is already there: pick another name, or add --if-not-exists to make creating it a no-op", name)
	case topicNameError(name) != "":
		o.hint("topic names may use letters, digits, '.', '_' and '-', up to 249 characters")
	case rf > 1:
		o.hint("each replica of a partition must live on a different broker, so the replication factor can be at most the number of live brokers")
	}
}

func (s *Session) partitionCount() int {
	return s.run.Sim().PartitionTotal()
}
