package sandbox

import (
	"fmt"
	"sort"
	"strconv"

	"kafkasim/sim"
)

// Broker configs as kafka-configs --entity-type brokers describes them
// (ConfigCommand.describeResourceConfig over ConfigHelper's
// createBrokerConfigEntry). The sandbox's brokers start from Kafka 3.9's
// config/kraft/server.properties; nothing is changed at run time, so they
// have no dynamic configs.

// brokerConfig is one broker config the sandbox can show: Kafka 3.9's
// default (KafkaConfig, ServerLogConfigs, ...) and the value
// server.properties sets, if it sets one.
type brokerConfig struct {
	name, kafkaDefault, serverProperties string
}

// staticBrokerConfigs are the configs the course talks about: the ones
// config/kraft/server.properties sets, and the broker configs the engine
// models (whose values come from the cluster, below).
var staticBrokerConfigs = []brokerConfig{
	{"log.dirs", "", "/tmp/kraft-combined-logs"},
	{"log.retention.check.interval.ms", "300000", "300000"},
	{"log.retention.hours", "168", "168"},
	{"log.segment.bytes", "1073741824", "1073741824"},
	{"num.io.threads", "8", "8"},
	{"num.network.threads", "3", "3"},
	{"num.partitions", "1", "1"},
	{"num.recovery.threads.per.data.dir", "1", "1"},
	{"socket.receive.buffer.bytes", "102400", "102400"},
	{"socket.request.max.bytes", "104857600", "104857600"},
	{"socket.send.buffer.bytes", "102400", "102400"},
	{"transaction.state.log.min.isr", "2", "1"},
	{"transaction.state.log.replication.factor", "3", "1"},
}

// brokerConfigEntries lists what the sandbox knows of a broker's configs,
// sorted by name as ConfigCommand sorts them. Engine-modelled configs
// take the cluster's value: one that differs from Kafka's default is
// shown as set in server.properties.
func (s *Session) brokerConfigEntries() []brokerConfig {
	byName := map[string]brokerConfig{}
	for _, c := range staticBrokerConfigs {
		byName[c.name] = c
	}
	cluster := s.run.Sim().Config().Cluster
	for _, pr := range sim.Props(sim.ScopeBroker) {
		v, _ := sim.GetProp(sim.ScopeBroker, &cluster, pr.Name)
		c := brokerConfig{name: pr.Name, kafkaDefault: pr.Default}
		if _, static := byName[pr.Name]; static || v != pr.Default {
			c.serverProperties = v
		}
		byName[pr.Name] = c
	}
	out := make([]brokerConfig, 0, len(byName))
	for _, c := range byName {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// describeBrokerConfigs prints "Dynamic configs for broker N are:" (none
// here) or, with --all, every config the sandbox knows with its synonyms;
// the default entity "" is "Default configs for brokers in the cluster".
// Without a name, every broker and then the default entity.
func (s *Session) describeBrokerConfigs(o *output, args, names []string, all bool) {
	if len(names) == 0 {
		for id := 1; id <= s.brokerCount(); id++ {
			names = append(names, strconv.Itoa(id))
		}
		names = append(names, "")
	}
	for _, name := range names {
		if name == "" {
			o.line("Default configs for brokers in the cluster are:")
			continue
		}
		if id, _ := strconv.Atoi(name); id < 1 || id > s.brokerCount() {
			configsFailure(o, args, "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: describeConfigs")
			o.hint("there is no broker %s: the brokers are 1 to %d", name, s.brokerCount())
			return
		}
		if !all {
			o.linef("Dynamic configs for broker %s are:", name)
			continue
		}
		o.linef("All configs for broker %s are:", name)
		for _, c := range s.brokerConfigEntries() {
			o.line(brokerConfigLine(c))
		}
	}
	if all {
		o.hint("a real broker lists all of its roughly 250 configs here; the sandbox shows those of server.properties and the ones the simulator models")
	} else {
		o.hint("a broker's dynamic configs are the ones changed at run time (none here); add --all to see the values it runs with, e.g. log.retention.hours and num.io.threads")
	}
}

// brokerConfigLine is one entry with configSynonyms' list: the value from
// server.properties (STATIC_BROKER_CONFIG), then Kafka's default.
func brokerConfigLine(c brokerConfig) string {
	value, syn := c.kafkaDefault, ""
	if c.serverProperties != "" {
		value = c.serverProperties
		syn = fmt.Sprintf("STATIC_BROKER_CONFIG:%s=%s", c.name, c.serverProperties)
	}
	if c.kafkaDefault != "" {
		if syn != "" {
			syn += ", "
		}
		syn += fmt.Sprintf("DEFAULT_CONFIG:%s=%s", c.name, c.kafkaDefault)
	}
	return fmt.Sprintf("  %s=%s sensitive=false synonyms={%s}", c.name, value, syn)
}
