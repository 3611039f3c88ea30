package sandbox

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// kafka-configs: describe and alter topic configs and describe broker
// configs, after Kafka 3.9's ConfigCommand. Other entity types (clients,
// users, ips, broker-loggers) and altering brokers are real but not
// simulated.

var configsOpts = []optSpec{
	{name: "bootstrap-server", hasArg: true, help: "the broker(s) to connect to, e.g. localhost:9092"},
	{name: "bootstrap-controller", hasArg: true, help: "a controller to connect to (the sandbox uses its brokers)"},
	{name: "zookeeper", hasArg: true, help: "DEPRECATED: ZooKeeper to connect to"},
	{name: "command-config", hasArg: true, help: "a file of admin client configs (ignored)"},
	{name: "alter", help: "change configs"},
	{name: "describe", help: "list configs"},
	{name: "all", help: "with --describe: every config, not only the ones set"},
	{name: "entity-type", hasArg: true, multi: true, help: "topics, or brokers to describe a broker's configs (clients, users... are not simulated)"},
	{name: "entity-name", hasArg: true, multi: true, help: "the topic"},
	{name: "entity-default", help: "the cluster-wide default entity (brokers: the dynamic cluster defaults)"},
	{name: "add-config", hasArg: true, help: "configs to set: name=value,name=value"},
	{name: "add-config-file", hasArg: true, help: "a file of configs to set (not available)"},
	{name: "delete-config", hasArg: true, multi: true, help: "configs to remove: name,name"},
	{name: "force", help: "suppress console prompts"},
	{name: "topic", hasArg: true, help: "the topic (short for --entity-type topics --entity-name)"},
	{name: "broker", hasArg: true, help: "a broker id (short for --entity-type brokers --entity-name)"},
	{name: "broker-defaults", help: "the dynamic cluster-wide broker defaults"},
	{name: "help", help: "print usage information"},
	{name: "version", help: "print the Kafka version"},
}

const configsTypes = "topics, clients, users, brokers, broker-loggers, ips, client-metrics"

func (s *Session) configsCommand(o *output, args []string) {
	p, ok := s.parseToolArgs(o, "kafka-configs", configsOpts, args, "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip or client-metrics")
	if !ok {
		return
	}
	if p.countOf("alter", "describe") != 1 {
		usageFailure(o, "kafka-configs", "Command must include exactly one action: --describe, --alter")
		return
	}
	if p.has("describe") && (p.has("add-config") || p.has("delete-config")) {
		used := "add-config"
		if !p.has("add-config") {
			used = "delete-config"
		}
		usageFailure(o, "kafka-configs", fmt.Sprintf(`Option "[describe]" can't be used with option "[%s]"`, used))
		return
	}
	entityType, names, ok := configsEntity(o, p)
	if !ok {
		return
	}
	servers := p.val("bootstrap-server")
	if p.has("zookeeper") {
		// ConfigCommand.main goes to processCommandWithZk; a KRaft cluster
		// has no ZooKeeper to answer, and KafkaZkClient gives up after its
		// 30 s connection timeout.
		o.line("Warning: --zookeeper is deprecated and will be removed in a future version of Kafka.")
		o.line("Use --bootstrap-server instead to specify a broker to connect to.")
		configsFailure(o, args, "kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING")
		o.hint("this cluster runs in KRaft mode and has no ZooKeeper: use --bootstrap-server %s", brokerAddr(1))
		return
	}
	if p.has("bootstrap-controller") {
		servers = brokerList(s.brokerCount())
	}
	if entityType != "topics" && (entityType != "brokers" || p.has("alter")) {
		o.hint("the sandbox simulates topic configs and describes broker configs; changing %s configs is real Kafka but not simulated", entityType)
		o.fail()
		return
	}
	switch s.checkBootstrap(o, servers, adminClient) {
	case bootstrapInvalid:
		return
	case bootstrapUnreachable:
		configsFailure(o, args, "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: describeConfigs")
		s.unreachableHint(o)
		return
	}
	if p.has("describe") && entityType == "brokers" {
		s.describeBrokerConfigs(o, args, names, p.has("all"))
		return
	}
	if p.has("describe") {
		s.describeConfigs(o, args, names, p.has("all"))
		return
	}
	s.alterConfigs(o, p, args, names[0])
}

// configsEntity works out the entity type and names, with ConfigCommand's checks.
func configsEntity(o *output, p *parsedOpts) (string, []string, bool) {
	fail := func(msg string) (string, []string, bool) {
		o.line(msg)
		o.hint("for a topic: --entity-type topics --entity-name NAME (or just --topic NAME)")
		o.fail()
		return "", nil, false
	}
	types := p.all("entity-type")
	names := p.all("entity-name")
	switch {
	case p.has("topic") && (p.has("entity-type") || p.has("entity-name")):
		return fail("--entity-{type,name,default} should not be used in conjunction with specific entity flags")
	case (p.has("broker") || p.has("broker-defaults")) && (p.has("entity-type") || p.has("entity-name") || p.has("entity-default")):
		return fail("--entity-{type,name,default} should not be used in conjunction with specific entity flags")
	case p.has("topic"):
		types, names = []string{"topics"}, []string{p.val("topic")}
	case p.has("broker"):
		types, names = []string{"brokers"}, []string{p.val("broker")}
	case p.has("broker-defaults"):
		types, names = []string{"brokers"}, []string{""}
	}
	if p.has("entity-default") {
		names = append(names, "") // ConfigCommandOptions.entityNames: "" is the default entity
	}
	if len(types) == 0 {
		return fail("At least one entity type must be specified")
	}
	if len(types) > 1 {
		return fail("Only 'users' and 'clients' entity types may be specified together")
	}
	allowed, connect := configsTypes, "--bootstrap-server or --bootstrap-controller"
	if !p.has("bootstrap-server") && !p.has("bootstrap-controller") && p.has("zookeeper") {
		allowed, connect = "users, brokers", "--zookeeper" // ZkSupportedConfigTypes
	}
	if !contains(strings.Split(allowed, ", "), types[0]) {
		return fail(fmt.Sprintf("Invalid entity type %s, the entity type must be one of %s with a %s argument", types[0], allowed, connect))
	}
	if p.countOf("bootstrap-server", "bootstrap-controller", "zookeeper") == 0 {
		o.line("One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified")
		o.hint("add --bootstrap-server %s", brokerAddr(1))
		o.fail()
		return "", nil, false
	}
	if p.countOf("bootstrap-server", "bootstrap-controller", "zookeeper") > 1 {
		return fail("Only one of --bootstrap-server, --boostrap-controller, and --zookeeper can be specified")
	}
	if p.has("all") && p.has("zookeeper") {
		return fail("--bootstrap-server must be specified for --all")
	}
	if types[0] == "brokers" {
		for _, n := range names {
			if _, err := strconv.Atoi(n); n != "" && err != nil {
				return fail(fmt.Sprintf("The entity name for brokers must be a valid integer broker id, but it is: %s", n))
			}
		}
	}
	if p.has("alter") {
		if len(names) == 0 && types[0] == "topics" {
			return fail("an entity name must be specified with --alter of topics")
		}
		if !p.has("add-config") && !p.has("add-config-file") && !p.has("delete-config") {
			return fail("At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter")
		}
		if len(types) != len(names) {
			return fail("An entity name must be specified for every entity type")
		}
	}
	return types[0], names, true
}

// configsFailure is ConfigCommand's catch-all: the arguments, then the exception.
func configsFailure(o *output, args []string, exc string) {
	o.linef("Error while executing config command with args '%s'", strings.Join(args, " "))
	o.line(exc)
	o.fail()
}

// topicForConfigs checks a topic as getResourceConfig does before asking for its configs.
func (s *Session) topicForConfigs(o *output, args []string, name string) (topicDesc, bool) {
	if msg := topicNameError(name); msg != "" {
		configsFailure(o, args, "org.apache.kafka.common.errors.InvalidTopicException: "+msg)
		return topicDesc{}, false
	}
	d, ok := s.topicDesc(name)
	if !ok {
		configsFailure(o, args, "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.")
		if sug := nearest(name, s.topicNames(true)); sug != "" {
			o.hint("there is no topic %s; did you mean %s?", name, sug)
		} else {
			o.hint("there is no topic %s: 'kafka-topics --list' shows the topics", name)
		}
		return topicDesc{}, false
	}
	return d, true
}

func (s *Session) describeConfigs(o *output, args []string, names []string, all bool) {
	if len(names) == 0 {
		m := newJavaMap()
		for _, n := range s.topicNames(true) {
			m.Put(n, javaStringHash(n))
		}
		for _, k := range m.Keys() {
			names = append(names, k.Key)
		}
	}
	for _, name := range names {
		d, ok := s.topicForConfigs(o, args, name)
		if !ok {
			return
		}
		set := map[string]string{}
		for _, kv := range d.configs {
			k, v, _ := strings.Cut(kv, "=")
			set[k] = v
		}
		if all {
			o.linef("All configs for topic %s are:", name)
			for _, c := range allTopicConfigs {
				v, dynamic := set[c.name]
				if !dynamic {
					v = c.value
				}
				o.line(configLine(c.name, v, dynamic))
			}
			continue
		}
		o.linef("Dynamic configs for topic %s are:", name)
		keys := make([]string, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		sortStrings(keys)
		for _, k := range keys {
			o.line(configLine(k, set[k], true))
		}
	}
}

// configLine is one entry as ConfigCommand.describeResourceConfig prints
// it, with its synonyms: the topic's own setting, then the broker's.
func configLine(name, value string, dynamic bool) string {
	return fmt.Sprintf("  %s=%s sensitive=false synonyms={%s}", name, value, topicConfigSynonyms(name, value, dynamic))
}

// alterConfigs is --alter --add-config / --delete-config on one topic.
func (s *Session) alterConfigs(o *output, p *parsedOpts, args []string, name string) {
	var pairs [][2]string
	if p.has("add-config") {
		var ok bool
		if pairs, ok = parseAddConfig(o, p.val("add-config")); !ok {
			return
		}
	}
	d, ok := s.topicForConfigs(o, args, name)
	if !ok {
		return
	}
	if name == internalOffsetsTopic {
		o.hint("the sandbox does not let you change %s's configs", name)
		o.fail()
		return
	}
	set := map[string]bool{}
	for _, kv := range d.configs {
		k, _, _ := strings.Cut(kv, "=")
		set[k] = true
	}
	var deletes []string
	for _, arg := range p.all("delete-config") {
		for _, k := range strings.Split(arg, ",") {
			deletes = append(deletes, strings.TrimSpace(k))
		}
	}
	var invalid []string
	for _, k := range deletes {
		if !set[k] {
			invalid = append(invalid, k)
		}
	}
	if len(invalid) > 0 {
		o.line("Invalid config(s): " + strings.Join(invalid, ","))
		o.hint("only configs set on the topic can be deleted; 'kafka-configs --describe' lists them")
		o.fail()
		return
	}
	t, _ := s.topicView(name)
	cfg := t.Config
	kept, ignored, prob := setTopicConfigs(&cfg, pairs)
	if prob != nil {
		configsFailure(o, args, "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidConfigurationException: "+prob.msg)
		if prob.hint != "" {
			o.hint("%s", prob.hint)
		}
		return
	}
	for _, k := range deletes {
		if pr, ok := sim.LookupProp(sim.ScopeTopic, k); ok {
			kept = append(kept, [2]string{k, pr.Default}) // deleting falls back to the default
		}
	}
	if len(kept) > 0 {
		if err := s.run.Apply(sim.Command{Kind: sim.CmdAlterTopic, Topic: name, Configs: kept}); err != nil {
			configsFailure(o, args, "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidConfigurationException: "+err.Error())
			return
		}
	}
	o.linef("Completed updating config for topic %s.", name)
	for _, n := range ignored {
		o.hint("kafkasim does not model %s: Kafka would store it; the sandbox ignores it", n)
	}
}

// parseAddConfig is ConfigCommand.parseConfigsToBeAdded: name=value pairs
// separated by commas, with [a,b] for list values.
func parseAddConfig(o *output, arg string) ([][2]string, bool) {
	var items []string
	cur := ""
	depth := 0
	for _, r := range arg {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case r == ',' && depth == 0:
			items = append(items, cur)
			cur = ""
			continue
		}
		cur += string(r)
	}
	items = append(items, cur)
	var pairs [][2]string
	for _, it := range items {
		k, v, ok := strings.Cut(it, "=")
		if !ok || strings.Contains(v, "=") && !strings.Contains(v, "[") {
			o.line(`requirement failed: Invalid entity config: all configs to be added must be in the format "key=val".`)
			o.hint("write --add-config name=value,name=value, e.g. --add-config retention.ms=60000")
			o.fail()
			return nil, false
		}
		k = strings.TrimSpace(k)
		if !regexp.MustCompile(`^[a-zA-Z0-9._-]*$`).MatchString(k) {
			o.line("Invalid character found for config key: " + k)
			o.hint("config names use letters, digits, '.', '_' and '-'")
			o.fail()
			return nil, false
		}
		v = strings.TrimSpace(strings.NewReplacer("[", "", "]", "").Replace(v))
		pairs = append(pairs, [2]string{k, v})
	}
	return pairs, true
}
