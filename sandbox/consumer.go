package sandbox

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// kafka-console-consumer, after Kafka 3.9's ConsoleConsumer. The real tool
// runs until Ctrl-C; the sandbox's stops once it has read everything there
// is to read (or after --max-messages, or --timeout-ms without a record),
// then prints what the real one prints on exit.

var consumerOpts = []optSpec{
	{name: "bootstrap-server", hasArg: true, help: "REQUIRED: the broker(s) to connect to, e.g. localhost:9092"},
	{name: "topic", hasArg: true, help: "the topic to consume"},
	{name: "include", hasArg: true, help: "a regular expression of topics to consume"},
	{name: "whitelist", hasArg: true, help: "DEPRECATED, use --include"},
	{name: "partition", hasArg: true, help: "read only this partition, without a group"},
	{name: "offset", hasArg: true, help: "with --partition: earliest, latest or an offset"},
	{name: "from-beginning", help: "start at the earliest record when there is no committed offset"},
	{name: "group", hasArg: true, help: "the consumer group to join (commits its offsets)"},
	{name: "max-messages", hasArg: true, help: "stop after this many records"},
	{name: "timeout-ms", hasArg: true, help: "stop when no record arrives for this long"},
	{name: "property", hasArg: true, multi: true, help: "formatter property: print.key, print.partition, print.offset, key.separator..."},
	{name: "consumer-property", hasArg: true, multi: true, help: "a consumer config, name=value (auto.offset.reset, isolation.level...)"},
	{name: "consumer.config", hasArg: true, help: "a file of consumer configs (not available)"},
	{name: "isolation-level", hasArg: true, help: "read_committed or read_uncommitted"},
	{name: "formatter", hasArg: true, help: "the formatter class (only the default)"},
	{name: "formatter-config", hasArg: true, help: "a file of formatter properties (not available)"},
	{name: "key-deserializer", hasArg: true, help: "(records are strings in the sandbox)"},
	{name: "value-deserializer", hasArg: true, help: "(records are strings in the sandbox)"},
	{name: "skip-message-on-error", help: "skip records that cannot be formatted"},
	{name: "enable-systest-events", help: "log lifecycle events (ignored)"},
	{name: "help", help: "print usage information"},
	{name: "version", help: "print the Kafka version"},
}

// consumerRun is one run of the console consumer.
type consumerRun struct {
	topics        []string
	group         string
	fromBeginning bool
	maxMessages   int   // -1 = no limit
	timeoutMs     int64 // -1 = none
	props         map[string]string
	format        formatter
	readCommitted bool
	printed       int
	// unconsumed is, per partition, the first record fetched but not
	// printed once --max-messages was reached.
	unconsumed map[sim.TopicPartition]int64
	// headersOf finds a record's headers (headers.go).
	headersOf func(topic string, partition int, offset int64) []recordHeader
}

func (s *Session) consumerCommand(o *output, args []string) {
	args, background := backgroundArg(args)
	p, ok := s.parseToolArgs(o, "kafka-console-consumer", consumerOpts, args, "Exactly one of --include/--topic is required. ")
	if !ok {
		return
	}
	c, ok := s.consumerSetup(o, p)
	if !ok {
		return
	}
	servers, _ := bootstrapArg(p)
	clientGroup := c.group
	if clientGroup == "" {
		clientGroup = "console-consumer-" + strconv.Itoa(s.randomGroupSuffix())
	}
	switch s.checkBootstrap(o, servers, consumerClient(clientGroup)) {
	case bootstrapInvalid:
		return
	case bootstrapUnreachable:
		c.finish(o)
		s.unreachableHint(o)
		return
	}
	for _, t := range c.topics {
		if s.clientTopic(o, t, consumerClient(clientGroup)) != topicReady {
			c.finish(o)
			return
		}
	}
	if background {
		if p.has("partition") || c.props["enable.auto.commit"] == "false" {
			o.hint("the sandbox runs only a group's console consumer in the background; this one runs in the foreground")
		} else {
			if c.group == "" {
				c.group = clientGroup // the tool's own random group, console-consumer-NNNNN
			}
			s.startJob(o, c, "kafka-console-consumer "+strings.Join(args, " "))
			return
		}
	}
	switch {
	case p.has("partition"):
		s.consumePartition(o, p, c)
		s.waitTimeout(o, c)
	case c.group != "" && c.props["enable.auto.commit"] != "false":
		s.consumeWithGroup(o, c)
	default:
		s.consumeDirect(o, c)
		s.waitTimeout(o, c)
	}
	c.finish(o)
}

// waitTimeout is --timeout-ms after a consumer without a group has read
// everything: no record comes, so it gives up with a TimeoutException.
func (s *Session) waitTimeout(o *output, c *consumerRun) {
	if c.timeoutMs < 0 || !c.more() {
		return
	}
	if s.waitVirtual(o, c.timeoutMs, "--timeout-ms") {
		logConsumerTimeout(o)
	}
}

// logConsumerTimeout is what ConsoleConsumer logs when --timeout-ms passes
// without a record.
func logConsumerTimeout(o *output) {
	o.logLine("ERROR", "Error processing message, terminating consumer process: ", "org.apache.kafka.tools.consumer.ConsoleConsumer")
	o.line("org.apache.kafka.common.errors.TimeoutException")
}

// consumerSetup checks the arguments as ConsoleConsumerOptions does and
// gathers the run's settings.
func (s *Session) consumerSetup(o *output, p *parsedOpts) (*consumerRun, bool) {
	if !checkConsumerArgs(o, p) {
		return nil, false
	}
	c := &consumerRun{group: p.val("group"), fromBeginning: p.has("from-beginning"), maxMessages: -1, timeoutMs: -1,
		props: map[string]string{}, unconsumed: map[sim.TopicPartition]int64{}}
	for _, kv := range p.all("consumer-property") {
		k, v, _ := strings.Cut(kv, "=")
		c.props[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	if g, ok := c.props["group.id"]; ok {
		if c.group != "" && g != c.group {
			usageFailure(o, "kafka-console-consumer", fmt.Sprintf("The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: '%s', '%s'", c.group, g))
			return nil, false
		}
		c.group = g
	}
	if c.group != "" && p.has("partition") {
		usageFailure(o, "kafka-console-consumer", "Options group and partition cannot be specified together.")
		return nil, false
	}
	if r, ok := c.props["auto.offset.reset"]; ok && c.fromBeginning && r != "earliest" {
		o.linef("Can't simultaneously specify --from-beginning and 'auto.offset.reset=%s', please remove one option", r)
		o.hint("--from-beginning means auto.offset.reset=earliest: give one or the other")
		o.fail()
		return nil, false
	}
	if p.has("isolation-level") {
		c.props["isolation.level"] = p.val("isolation-level")
	}
	c.readCommitted = c.props["isolation.level"] == "read_committed"
	if !c.readLimits(o, p) {
		return nil, false
	}
	fprops := map[string]string{}
	for _, kv := range p.all("property") {
		k, v, _ := strings.Cut(kv, "=")
		fprops[strings.TrimSpace(k)] = v
	}
	c.format = newFormatter(fprops)
	c.headersOf = s.headersOf
	if p.has("topic") {
		c.topics = []string{p.val("topic")}
	} else if c.topics = s.includedTopics(includeArg(p)); len(c.topics) == 0 {
		o.hint("no topic matches --include %s yet; the real consumer would wait for one to appear", includeArg(p))
	}
	return c, true
}

// includeArg is --include, or the deprecated --whitelist.
func includeArg(p *parsedOpts) string {
	if p.has("include") {
		return p.val("include")
	}
	return p.val("whitelist")
}

// checkConsumerArgs is ConsoleConsumerOptions.checkRequiredArgs and the
// offset check.
func checkConsumerArgs(o *output, p *parsedOpts) bool {
	fail := func(msg string) bool {
		usageFailure(o, "kafka-console-consumer", msg)
		return false
	}
	include := includeArg(p)
	switch {
	case (p.has("topic") && include != "") || (!p.has("topic") && include == ""):
		return fail("Exactly one of --include/--topic is required. ")
	case p.has("partition") && !p.has("topic"):
		return fail("The topic is required when partition is specified.")
	case p.has("partition") && p.has("from-beginning") && p.has("offset"):
		return fail("Options from-beginning and offset cannot be specified together.")
	case !p.has("partition") && p.has("offset"):
		return fail("The partition is required when offset is specified.")
	}
	if off := strings.ToLower(strings.TrimSpace(p.val("offset"))); p.has("offset") && off != "earliest" && off != "latest" {
		if n, err := strconv.ParseInt(off, 10, 64); err != nil || n < 0 {
			return fail(fmt.Sprintf("The provided offset value '%s' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.", p.val("offset")))
		}
	}
	if _, given := bootstrapArg(p); !given {
		fail(`Missing required argument "[bootstrap-server]"`)
		o.hint("add --bootstrap-server %s", brokerAddr(1))
		return false
	}
	return true
}

// readLimits reads --max-messages and --timeout-ms.
func (c *consumerRun) readLimits(o *output, p *parsedOpts) bool {
	for _, name := range []string{"max-messages", "timeout-ms"} {
		if !p.has(name) {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(p.val(name)), 10, 64)
		if err != nil {
			o.linef("Cannot parse argument '%s' of option %s", p.val(name), name)
			o.hint("--%s takes a whole number", name)
			o.fail()
			return false
		}
		if name == "max-messages" {
			c.maxMessages = int(n)
		} else if n >= 0 {
			c.timeoutMs = n
		}
	}
	return true
}

func (s *Session) includedTopics(pattern string) []string {
	re, err := regexp.Compile("^(?:" + pattern + ")$")
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range s.topicNames(false) {
		if re.MatchString(t) {
			out = append(out, t)
		}
	}
	return out
}

// randomGroupSuffix stands in for ConsoleConsumer's random group number
// ("console-consumer-" + a number below 100000), fixed per virtual time so
// a run replays the same.
func (s *Session) randomGroupSuffix() int {
	return int((s.run.Sim().Config().Seed*2654435761 + uint64(s.run.Sim().Now())) % 100000)
}

// more reports whether --max-messages still allows a record.
func (c *consumerRun) more() bool { return c.maxMessages < 0 || c.printed < c.maxMessages }

// emit prints records read from one partition, up to --max-messages.
func (c *consumerRun) emit(o *output, tp sim.TopicPartition, recs []sim.RecordView) {
	for _, r := range recs {
		if !c.more() {
			if _, ok := c.unconsumed[tp]; !ok {
				c.unconsumed[tp] = r.Offset
			}
			return
		}
		o.raw(c.format.format(tp.Partition, r, c.headersOf(tp.Topic, tp.Partition, r.Offset)))
		c.printed++
	}
}

// finish is what ConsoleConsumer prints on its way out.
func (c *consumerRun) finish(o *output) {
	if s := o.String(); s != "" && !strings.HasSuffix(s, "\n") {
		o.raw("\n") // a custom line.separator left the line open
	}
	o.linef("Processed a total of %d messages", c.printed)
}

// readPartition reads a partition from offset from to its high watermark
// (or last stable offset), as a consumer's fetches would.
func (s *Session) readPartition(o *output, c *consumerRun, tp sim.TopicPartition, from int64) error {
	for c.more() {
		recs, next, err := s.run.Sim().Records(tp.Topic, tp.Partition, from, 500, c.readCommitted)
		if err != nil {
			return err
		}
		c.emit(o, tp, recs)
		if next <= from {
			return nil
		}
		from = next
	}
	return nil
}

// consumeDirect reads every partition of the topics without a group. The
// real tool joins a random group with auto-commit off; once it exits that
// group has nothing committed, and Kafka drops such empty groups, so
// nothing of it remains to see. The sandbox therefore reads directly.
func (s *Session) consumeDirect(o *output, c *consumerRun) {
	if c.group != "" {
		o.hint("with enable.auto.commit=false the console consumer never commits, so group %s keeps no offsets; the sandbox reads without joining it", c.group)
	}
	for _, topic := range c.topics {
		t, ok := s.topicView(topic)
		if !ok {
			if topic == internalOffsetsTopic {
				o.hint("%s holds the groups' committed offsets in a binary format; kafka-consumer-groups --describe shows them readably", topic)
			}
			continue
		}
		for _, pv := range t.Partitions {
			tp := sim.TopicPartition{Topic: topic, Partition: pv.Partition}
			from := pv.HighWatermark
			if c.fromBeginning || c.props["auto.offset.reset"] == "earliest" {
				from = pv.LogStart
			}
			if err := s.readPartition(o, c, tp, from); err != nil {
				o.hint("%s has no leader right now, so its records cannot be read", tp)
			}
		}
	}
	if c.printed == 0 && !c.fromBeginning {
		o.hint("a console consumer starts at the end of the log and waits for new records (the real one until you press Ctrl-C). Add --from-beginning to read the records already there.")
	}
}

// consumePartition is --partition P [--offset O]: assign() and seek, no group.
func (s *Session) consumePartition(o *output, p *parsedOpts, c *consumerRun) {
	topic := c.topics[0]
	part, err := strconv.Atoi(strings.TrimSpace(p.val("partition")))
	if err != nil {
		o.linef("Cannot parse argument '%s' of option partition", p.val("partition"))
		o.fail()
		return
	}
	t, _ := s.topicView(topic)
	if part < 0 || part >= len(t.Partitions) {
		o.hint("%s has partitions 0 to %d; the real consumer would wait for partition %d forever", topic, len(t.Partitions)-1, part)
		return
	}
	pv := t.Partitions[part]
	from := pv.HighWatermark
	switch off := strings.ToLower(strings.TrimSpace(p.val("offset"))); {
	case off == "earliest" || (off == "" && c.fromBeginning):
		from = pv.LogStart
	case off == "latest" || off == "":
	default:
		n, _ := strconv.ParseInt(off, 10, 64) // checked in consumerSetup
		from = n
		if n > pv.HighWatermark || n < pv.LogStart {
			// OFFSET_OUT_OF_RANGE: auto.offset.reset (latest) applies.
			o.hint("offset %d is outside %s-%d's range %d..%d, so the consumer reset to the end of the log", n, topic, part, pv.LogStart, pv.HighWatermark)
			from = pv.HighWatermark
		}
	}
	tp := sim.TopicPartition{Topic: topic, Partition: part}
	if err := s.readPartition(o, c, tp, from); err != nil {
		o.hint("%s has no leader right now, so its records cannot be read", tp)
	}
}
