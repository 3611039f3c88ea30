package sandbox

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// kafka-topics: create, list, describe, alter (add partitions) and delete
// topics, following Kafka 3.9's TopicCommand.

var topicsOpts = []optSpec{
	{name: "bootstrap-server", hasArg: true, help: "REQUIRED: the broker to connect to, e.g. localhost:9092"},
	{name: "command-config", hasArg: true, help: "a file of admin client configs (ignored by the sandbox)"},
	{name: "list", help: "list all topics"},
	{name: "create", help: "create a new topic"},
	{name: "delete", help: "delete a topic"},
	{name: "alter", help: "add partitions to a topic"},
	{name: "describe", help: "list details for the given topics"},
	{name: "topic", hasArg: true, help: "the topic (a regular expression, except with --create)"},
	{name: "topic-id", hasArg: true, help: "the topic id to describe"},
	{name: "config", hasArg: true, multi: true, help: "a topic config override, name=value (with --create)"},
	{name: "delete-config", hasArg: true, multi: true, help: "a topic config to remove (use kafka-configs instead)"},
	{name: "partitions", hasArg: true, help: "the number of partitions"},
	{name: "replication-factor", hasArg: true, help: "how many copies of each partition"},
	{name: "replica-assignment", hasArg: true, help: "with --create: each partition's brokers, leader first, e.g. 1:2,2:3,3:1"},
	{name: "under-replicated-partitions", help: "only partitions whose ISR is smaller than their replica list"},
	{name: "unavailable-partitions", help: "only partitions without a live leader"},
	{name: "under-min-isr-partitions", help: "only partitions whose ISR is below min.insync.replicas"},
	{name: "at-min-isr-partitions", help: "only partitions whose ISR equals min.insync.replicas"},
	{name: "topics-with-overrides", help: "only topics with non-default configs"},
	{name: "if-exists", help: "do nothing if the topic does not exist"},
	{name: "if-not-exists", help: "do nothing if the topic already exists"},
	{name: "exclude-internal", help: "leave out internal topics such as __consumer_offsets"},
	{name: "partition-size-limit-per-response", hasArg: true, help: "describe paging (ignored)"},
	{name: "help", help: "print usage information"},
	{name: "version", help: "print the Kafka version"},
}

// internalOffsetsTopic is where groups' committed offsets live.
const internalOffsetsTopic = "__consumer_offsets"

func (s *Session) topicsCommand(o *output, args []string) {
	args, viaZK := stripZooKeeper(args)
	if viaZK {
		o.hint("kafka-topics lost --zookeeper in Kafka 3.0 (a real 3.9 answers 'zookeeper is not a recognized option'): use --bootstrap-server %s. The sandbox runs the command against its brokers anyway.", brokerAddr(1))
	}
	p, ok := s.parseToolArgs(o, "kafka-topics", topicsOpts, args, "Create, delete, describe, or change a topic.")
	if !ok {
		return
	}
	if p.countOf("create", "list", "alter", "describe", "delete") != 1 {
		usageFailure(o, "kafka-topics", "Command must include exactly one action: --list, --describe, --create, --alter or --delete")
		return
	}
	servers, given := bootstrapArg(p)
	switch {
	case !given && viaZK:
		servers = brokerList(s.brokerCount())
	case !given:
		// TopicCommandOptions.checkRequiredArgs throws; mainNoExit prints
		// the message and the stack trace.
		o.line("--bootstrap-server must be specified")
		o.line("java.lang.IllegalArgumentException: --bootstrap-server must be specified")
		o.hint("Kafka prints the rest of the Java stack trace here")
		o.hint("add --bootstrap-server %s (the sandbox's first broker)", brokerAddr(1))
		o.fail()
		return
	}
	if !checkTopicsArgs(o, p) {
		return
	}
	ignoredWords(o, "kafka-topics", p, "--topic")
	switch s.checkBootstrap(o, servers, adminClient) {
	case bootstrapInvalid:
		return
	case bootstrapUnreachable:
		topicError(o, "Timed out waiting for a node assignment. Call: "+topicsCall(p))
		s.unreachableHint(o)
		return
	}
	switch {
	case p.has("create"):
		s.createTopic(o, p)
	case p.has("list"):
		s.listTopics(o, p)
	case p.has("describe"):
		s.describeTopics(o, p)
	case p.has("alter"):
		s.alterTopic(o, p)
	case p.has("delete"):
		s.deleteTopics(o, p)
	}
}

// checkTopicsArgs is TopicCommandOptions' checkRequiredArgs and checkInvalidArgs.
func checkTopicsArgs(o *output, p *parsedOpts) bool {
	if !p.has("list") && !p.has("describe") && !p.has("topic") {
		usageFailure(o, "kafka-topics", `Missing required argument "[topic]"`)
		return false
	}
	if p.has("alter") {
		if p.has("config") {
			usageFailure(o, "kafka-topics", `Option combination "[[bootstrap-server], [config]]" can't be used with option "[alter]" (the kafka-configs CLI supports altering topic configs with a --bootstrap-server option)`)
			o.hint("change a topic's configs with kafka-configs --alter --entity-type topics --entity-name T --add-config name=value")
			return false
		}
		if !p.has("partitions") {
			usageFailure(o, "kafka-topics", `Missing required argument "[partitions]"`)
			return false
		}
	}
	invalid := []struct {
		used    string
		allowed []string
	}{
		{"config", []string{"alter", "create"}},
		{"partitions", []string{"alter", "create"}},
		{"replication-factor", []string{"create"}},
		{"if-exists", []string{"alter", "delete", "describe"}},
		{"if-not-exists", []string{"create"}},
		{"exclude-internal", []string{"list", "describe"}},
	}
	for _, c := range invalid {
		if !p.has(c.used) {
			continue
		}
		for _, action := range []string{"alter", "create", "describe", "list", "delete"} {
			if p.has(action) && !contains(c.allowed, action) {
				usageFailure(o, "kafka-topics", fmt.Sprintf(`Option "[%s]" can't be used with option "[%s]"`, c.used, action))
				return false
			}
		}
	}
	if p.has("create") && p.has("replica-assignment") {
		for _, other := range []string{"partitions", "replication-factor"} {
			if p.has(other) {
				usageFailure(o, "kafka-topics", fmt.Sprintf(`Option "[replica-assignment]" can't be used with option "[%s]"`, other))
				o.hint("--replica-assignment already says how many partitions and replicas there are")
				return false
			}
		}
	}
	if (p.has("alter") && p.has("replica-assignment")) || p.has("delete-config") {
		o.hint("the sandbox does not simulate --replica-assignment with --alter, or --delete-config; it ignores them")
	}
	return true
}

func topicsCall(p *parsedOpts) string {
	switch {
	case p.has("create"):
		return "createTopics"
	case p.has("alter"):
		return "createPartitions"
	}
	return "listTopics"
}

// topicError is how TopicCommand reports a failed action.
// intArg reads an Integer option as jopt-simple converts it.
func intArg(o *output, p *parsedOpts, name string, def int) (int, bool) {
	if !p.has(name) {
		return def, true
	}
	n, err := strconv.ParseInt(strings.TrimSpace(p.val(name)), 10, 32)
	if err != nil {
		topicError(o, fmt.Sprintf("Cannot parse argument '%s' of option %s", p.val(name), name))
		o.hint("--%s takes a whole number", name)
		return 0, false
	}
	return int(n), true
}

func (s *Session) topicExists(name string) bool {
	_, ok := s.run.Sim().TopicPartitions(name)
	return ok || (name == internalOffsetsTopic && s.offsetsTopicExists())
}

func (s *Session) topicView(name string) (sim.TopicView, bool) {
	for _, t := range s.snap().Topics {
		if t.Name == name {
			return t, true
		}
	}
	return sim.TopicView{}, false
}

// offsetsTopicExists: __consumer_offsets is created when the first group
// finds its coordinator, and stays. The commands are scanned once each (a
// console producer applies one per record), again only after a rewind.
func (s *Session) offsetsTopicExists() bool {
	if len(s.run.Sim().Config().Groups) > 0 {
		return true
	}
	applied := s.run.Sim().Applied()
	if len(applied) < s.offsets.scanned {
		s.offsets.scanned, s.offsets.seen = 0, false // stepped back
	}
	for _, a := range applied[s.offsets.scanned:] {
		if a.Cmd.Kind == sim.CmdAddGroup {
			s.offsets.seen = true
		}
	}
	s.offsets.scanned = len(applied)
	return s.offsets.seen
}

// topicNames lists the topics, sorted, with __consumer_offsets when it
// exists and internal is set.
func (s *Session) topicNames(internal bool) []string {
	names := s.run.Sim().TopicNames()
	if internal && s.offsetsTopicExists() {
		names = append(names, internalOffsetsTopic)
	}
	sort.Strings(names)
	return names
}

// matchTopics is TopicCommand.getTopics: every topic when no --topic was
// given, else those the --topic regular expression matches in full.
func (s *Session) matchTopics(p *parsedOpts) []string {
	names := s.topicNames(!p.has("exclude-internal"))
	if !p.has("topic") {
		return names
	}
	pattern := strings.TrimSpace(p.val("topic"))
	re, err := regexp.Compile("^(?:" + pattern + ")$")
	var out []string
	for _, n := range names {
		if (err == nil && re.MatchString(n)) || n == pattern {
			out = append(out, n)
		}
	}
	return out
}

// ensureTopicsMatched fails like TopicCommand when --topic matched nothing.
func (s *Session) ensureTopicsMatched(o *output, p *parsedOpts, found []string) bool {
	if len(found) > 0 || !p.has("topic") || p.val("topic") == "" || p.has("if-exists") {
		return true
	}
	topicError(o, fmt.Sprintf("Topic '%s' does not exist as expected", p.val("topic")))
	if sug := nearest(p.val("topic"), s.topicNames(true)); sug != "" {
		o.hint("did you mean --topic %s?", sug)
	} else {
		o.hint("list the topics with kafka-topics --list --bootstrap-server %s", brokerAddr(1))
	}
	return false
}

func (s *Session) listTopics(o *output, p *parsedOpts) {
	names := s.matchTopics(p)
	// println of the names joined by newlines: no topics prints an empty line.
	o.line(strings.Join(names, "\n"))
	if len(names) == 0 && !p.has("topic") {
		o.hint("no topics yet: create one with kafka-topics --create --topic NAME --partitions 3 --replication-factor 1 --bootstrap-server %s", brokerAddr(1))
	}
}

func (s *Session) alterTopic(o *output, p *parsedOpts) {
	want, ok := intArg(o, p, "partitions", 0)
	if !ok {
		return
	}
	topics := s.matchTopics(p)
	if !s.ensureTopicsMatched(o, p, topics) {
		return
	}
	for _, name := range topics {
		t, ok := s.topicView(name)
		if !ok {
			continue
		}
		have := len(t.Partitions)
		switch {
		case want == have:
			topicError(o, fmt.Sprintf("Topic already has %d partition(s).", have))
			o.hint("--partitions is the new total, not how many to add: ask for more than %d", have)
			return
		case want < have:
			topicError(o, fmt.Sprintf("The topic %s currently has %d partition(s); %d would not be an increase.", name, have, want))
			o.hint("Kafka can add partitions but never remove them: records would have nowhere to go")
			return
		case s.partitionCount()+want-have > sim.MaxPartitions:
			topicError(o, fmt.Sprintf("Unable to add partitions: the simulator holds at most %d in all", sim.MaxPartitions))
			return
		}
		if err := s.run.Apply(sim.Command{Kind: sim.CmdAddPartitions, Topic: name, Partitions: want}); err != nil {
			topicError(o, err.Error())
			return
		}
		o.hint("%s now has %d partitions (was %d). Producers and consumers already running see them at their next metadata refresh (metadata.max.age.ms, 5 minutes by default); from then a key's partition is hash(key) %% %d, so keys may land on a different partition than their older records, and groups rebalance.", name, want, have, want)
	}
}

func (s *Session) deleteTopics(o *output, p *parsedOpts) {
	topics := s.matchTopics(p)
	if !s.ensureTopicsMatched(o, p, topics) {
		return
	}
	for _, name := range topics {
		if name == internalOffsetsTopic {
			o.hint("the sandbox keeps %s: deleting it would erase every group's committed offsets", name)
			o.fail()
			continue
		}
		if err := s.run.Apply(sim.Command{Kind: sim.CmdDeleteTopic, Topic: name}); err != nil {
			var ute *sim.UnknownTopicError
			if errors.As(err, &ute) {
				topicError(o, fmt.Sprintf("Topic '%s' does not exist as expected", name))
			} else {
				topicError(o, err.Error())
			}
			return
		}
		o.hint("kafka-topics prints nothing when a delete succeeds: %s and its records are gone", name)
	}
}

// stripZooKeeper removes --zookeeper and its value, reporting whether it was there.
func stripZooKeeper(args []string) ([]string, bool) {
	var out []string
	found := false
	for i := 0; i < len(args); i++ {
		switch {
		case args[i] == "--zookeeper":
			found = true
			i++
		case strings.HasPrefix(args[i], "--zookeeper="):
			found = true
		default:
			out = append(out, args[i])
		}
	}
	return out, found
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
