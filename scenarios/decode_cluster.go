package scenarios

import (
	"fmt"
	"sort"
	"strings"

	"kafkasim/sim"
)

var (
	clusterKeys = []string{"brokers", "metadata", "controllers", "network_delay", "config"}
	topicKeys   = []string{"name", "partitions", "replication_factor", "replicas", "config"}
)

// cluster reads [cluster]; a missing section is a default 3-broker KRaft
// cluster in combined mode (controllers = 0: the first brokers are the
// controller voters).
func (b *builder) cluster(t *table) sim.ClusterConfig {
	if t == nil {
		return sim.DefaultCluster(defaultBrokers)
	}
	t.finish()
	brokers := defaultBrokers
	if n, ok := t.integer("brokers", 1, MaxBrokers); ok {
		brokers = int(n)
	}
	c := sim.DefaultCluster(brokers)
	if s, ok := t.str("metadata"); ok {
		switch s {
		case sim.MetadataKRaft, sim.MetadataZooKeeper:
			c.Metadata = s
		default:
			t.problem("metadata", fmt.Sprintf("%q is not a metadata mode", s), `use "kraft" or "zookeeper"`)
		}
	}
	if n, ok := t.integer("controllers", 0, sim.MaxControllers); ok {
		c.Controllers = int(n)
		if n > 0 && c.Metadata != sim.MetadataKRaft {
			t.problem("controllers", "dedicated controller nodes are KRaft's", `in ZooKeeper mode a broker is the controller: drop controllers, or use metadata = "kraft"`)
		}
	}
	if ms, ok := t.duration("network_delay"); ok {
		c.NetworkDelayMs = ms
	}
	b.setProps(t, t.config(), func(n, v string) error { return sim.SetClusterProp(&c, n, v) })
	return c
}

// topics reads the [[topic]] blocks.
func (b *builder) topics(list []*table) {
	b.topicLine = map[string]int{}
	b.finalPartitions = map[string]int{}
	if len(list) > MaxTopics {
		list[0].problem("", fmt.Sprintf("%d topics, more than the limit of %d", len(list), MaxTopics), "")
		return
	}
	cl := b.sc.Config.Cluster
	for _, t := range list {
		t.finish()
		name, ok := t.str("name")
		if !ok {
			if !t.has("name") {
				t.problem("", "a topic needs a name", `add name = "orders"`)
			}
			continue
		}
		if msg := checkName(name); msg != "" {
			t.problem("name", msg, "use letters, digits, '.', '_' and '-'")
			continue
		}
		if first, dup := b.topicLine[name]; dup {
			t.problem("name", fmt.Sprintf("Topic '%s' already exists (declared on line %d)", name, first), "give each topic its own name")
			continue
		}
		b.topicLine[name] = t.line("name")
		partitions, rf := cl.NumPartitions, cl.DefaultReplicationFactor
		assignment := t.replicaAssignment(cl.Brokers)
		if assignment != nil {
			partitions, rf = len(assignment), len(assignment[0])
		}
		if n, ok := t.integer("partitions", 1, MaxPartitions); ok {
			partitions = int(n)
		}
		rfKey := "replication_factor"
		if n, ok := t.integer(rfKey, 1, MaxBrokers); ok {
			rf = int(n)
		} else if !t.has(rfKey) {
			rfKey = "" // defaulted: report on the topic itself
		}
		if rf > cl.Brokers {
			t.problem(rfKey, fmt.Sprintf("replication_factor %d > brokers %d", rf, cl.Brokers),
				"a partition cannot have more replicas than there are brokers")
		}
		if assignment != nil && (partitions != len(assignment) || rf != len(assignment[0])) {
			t.problem("replicas", fmt.Sprintf("lists %d partition(s) of %d replica(s), but partitions = %d and replication_factor = %d",
				len(assignment), len(assignment[0]), partitions, rf), "leave partitions and replication_factor out: replicas sets both")
		}
		tc := sim.DefaultTopic(name, partitions, rf)
		tc.ReplicaAssignment = assignment
		b.setProps(t, t.config(), func(n, v string) error { return sim.SetTopicProp(&tc, n, v) })
		b.sc.Config.Topics = append(b.sc.Config.Topics, tc)
		b.finalPartitions[name] = partitions
	}
}

// checkName applies Kafka's rules for topic names (and ours for client
// ids): 1 to 249 of [a-zA-Z0-9._-], not "." or "..". Names starting "__"
// belong to Kafka's internal topics.
func checkName(s string) string {
	switch {
	case s == "":
		return "must not be empty"
	case len(s) > 249:
		return "is longer than 249 characters"
	case s == "." || s == "..":
		return fmt.Sprintf("%q is not allowed", s)
	case strings.HasPrefix(s, "__"):
		return fmt.Sprintf("%q starts with \"__\", which Kafka keeps for internal topics", s)
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return fmt.Sprintf("%q contains %q", s, c)
		}
	}
	return ""
}

// undeclared explains a reference to a name that was not declared.
func undeclared(what, name string, declared map[string]int) (string, string) {
	names := make([]string, 0, len(declared))
	for n := range declared {
		names = append(names, n)
	}
	sort.Strings(names)
	msg := fmt.Sprintf("%s %q is not declared", what, name)
	if s := suggest(name, names); strings.HasPrefix(s, "did you mean") {
		return msg, s
	}
	if len(names) == 0 {
		return msg, fmt.Sprintf("declare it with a [[%s]] block", what)
	}
	return msg, fmt.Sprintf("declare it with a [[%s]] block, or use one of: %s", what, strings.Join(names, ", "))
}
