package sandbox

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"kafkasim/internal/lazyregexp"
	"kafkasim/sim"
)

// kafka-get-offsets: GetOffsetShell (Kafka 3.9, org.apache.kafka.tools),
// the successor of kafka-run-class kafka.tools.GetOffsetShell. It prints
// topic:partition:offset for each partition the filters select, sorted by
// "topic-partition" as a string, for --time latest (-1, the default: the
// high watermark), earliest (-2: the log start), max-timestamp (-3), or a
// timestamp (the first offset at or after it; none, no line).

var getOffsetsOpts = []optSpec{
	{name: "bootstrap-server", hasArg: true, help: "REQUIRED: the broker(s) to connect to, e.g. localhost:9092"},
	{name: "broker-list", hasArg: true, help: "DEPRECATED: use --bootstrap-server"},
	{name: "topic-partitions", hasArg: true, help: "topic:partition patterns, e.g. orders:0-3,payments (not with --topic or --partitions)"},
	{name: "topic", hasArg: true, help: "the topic (a regular expression); all topics when absent"},
	{name: "partitions", hasArg: true, help: "comma-separated partition ids; all when absent"},
	{name: "time", hasArg: true, help: "-1 or latest (default), -2 or earliest, -3 or max-timestamp, or a timestamp in ms"},
	{name: "command-config", hasArg: true, help: "a file of admin client configs (ignored)"},
	{name: "exclude-internal-topics", help: "leave out internal topics such as __consumer_offsets"},
	{name: "help", help: "print usage information"},
	{name: "version", help: "print the Kafka version"},
}

// getOffsetsFailure is mainNoExit's TerseException: "Error occurred: ".
func getOffsetsFailure(o *output, msg string) {
	o.line("Error occurred: " + msg)
	o.fail()
}

func (s *Session) getOffsetsCommand(o *output, args []string) {
	if len(args) == 0 {
		usageFailure(o, "kafka-get-offsets", "An interactive shell for getting topic-partition offsets.")
		return
	}
	p, err := parseOpts(getOffsetsOpts, args)
	if err == nil && !p.has("bootstrap-server") && !p.has("broker-list") {
		err = &optError{class: "joptsimple.MissingRequiredOptionsException", msg: "Missing required option(s) [bootstrap-server]"}
	}
	if err != nil { // parse errors become TerseExceptions
		getOffsetsFailure(o, err.Error())
		if oe, ok := err.(*optError); ok && oe.unrecognized() {
			optionHint(o, "kafka-get-offsets", getOffsetsOpts, oe.option)
		}
		return
	}
	if p.has("help") {
		printToolHelp(o, "kafka-get-offsets", getOffsetsOpts)
		return
	}
	if p.has("topic-partitions") && (p.has("topic") || p.has("partitions")) {
		getOffsetsFailure(o, "--topic-partitions cannot be used with --topic or --partitions")
		return
	}
	servers, _ := bootstrapArg(p)
	if s.checkBootstrap(o, servers, adminClient) != bootstrapOK {
		return
	}
	spec := p.val("time")
	if !p.has("time") {
		spec = "latest"
	}
	at, ok := parseOffsetSpec(o, spec)
	if !ok {
		return
	}
	tps, ok := s.offsetsFilter(o, p)
	if !ok {
		return
	}
	if len(tps) == 0 {
		getOffsetsFailure(o, "Could not match any topic-partitions with the specified filters")
		return
	}
	for _, tp := range tps {
		if off, ok := s.offsetAt(tp, at); ok {
			o.linef("%s:%d:%d", tp.Topic, tp.Partition, off)
		}
	}
}

// Offset specs: OffsetSpec's special timestamps.
const (
	specLatest       = -1
	specEarliest     = -2
	specMaxTimestamp = -3
)

// parseOffsetSpec is GetOffsetShell.parseOffsetSpec for the specs a
// cluster without tiered storage answers.
func parseOffsetSpec(o *output, spec string) (int64, bool) {
	switch spec {
	case "latest":
		return specLatest, true
	case "earliest":
		return specEarliest, true
	case "max-timestamp":
		return specMaxTimestamp, true
	case "earliest-local", "latest-tiered":
		o.hint("without tiered storage, earliest-local is earliest and latest-tiered has no answer")
		if spec == "earliest-local" {
			return specEarliest, true
		}
		return -5, true
	}
	n, err := strconv.ParseInt(spec, 10, 64)
	if err != nil {
		getOffsetsFailure(o, "Malformed time argument "+spec+". Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp")
		o.hint("a timestamp is in milliseconds since 1970; the sandbox's clock started at 2024-01-01 00:00:00 UTC = 1704067200000")
		return 0, false
	}
	if n == -4 {
		return specEarliest, true
	}
	return n, true
}

// offsetAt answers ListOffsets for one partition; ok is false for
// UNKNOWN_OFFSET (the tool prints no line for it).
func (s *Session) offsetAt(tp sim.TopicPartition, at int64) (int64, bool) {
	t, ok := s.topicView(tp.Topic)
	if !ok || tp.Partition >= len(t.Partitions) {
		return 0, false
	}
	pv := t.Partitions[tp.Partition]
	switch at {
	case specLatest:
		return pv.HighWatermark, true
	case specEarliest:
		return pv.LogStart, true
	case specMaxTimestamp:
		// the offset of the record with the largest timestamp; CreateTime
		// grows with the offset here, so it is the last readable record
		if pv.HighWatermark <= pv.LogStart {
			return 0, false
		}
		return pv.HighWatermark - 1, true
	case -5:
		return 0, false
	}
	off := s.offsetForTimestamp(tp, pv.LogStart, at)
	return off, off >= 0
}

var topicPartitionPattern = lazyregexp.New(`^([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?$`)

// offsetsFilter selects partitions as GetOffsetShell's TopicPartitionFilter
// does, sorted by TopicPartition.toString.
func (s *Session) offsetsFilter(o *output, p *parsedOpts) ([]sim.TopicPartition, bool) {
	type rule struct {
		topic  *regexp.Regexp
		lo, hi int // partitions lo <= p < hi
		ids    map[int]bool
	}
	var rules []rule
	full := func(pattern string) (*regexp.Regexp, error) { return regexp.Compile("^(?:" + pattern + ")$") }
	if p.has("topic-partitions") {
		for _, spec := range strings.Split(p.val("topic-partitions"), ",") {
			m := topicPartitionPattern.FindStringSubmatch(spec)
			if m == nil {
				getOffsetsFailure(o, "org.apache.kafka.tools.TerseException: Invalid rule specification: "+spec) // RuntimeException(e).getMessage()
				o.hint("Kafka prints the Java stack trace here")
				return nil, false
			}
			r := rule{lo: 0, hi: 1<<31 - 1}
			pattern := ".*"
			if m[1] != "" {
				pattern = m[1]
			}
			re, err := full(pattern)
			if err != nil {
				getOffsetsFailure(o, err.Error())
				return nil, false
			}
			r.topic = re
			switch {
			case m[2] != "":
				n, _ := strconv.Atoi(m[2])
				r.lo, r.hi = n, n+1
			default:
				if m[3] != "" {
					r.lo, _ = strconv.Atoi(m[3])
				}
				if m[4] != "" {
					r.hi, _ = strconv.Atoi(m[4])
				}
			}
			rules = append(rules, r)
		}
	} else {
		pattern := ".*"
		if p.has("topic") {
			pattern = p.val("topic")
		}
		re, err := full(pattern)
		if err != nil {
			getOffsetsFailure(o, err.Error())
			return nil, false
		}
		r := rule{topic: re, lo: 0, hi: 1<<31 - 1}
		if v := p.val("partitions"); v != "" {
			r.ids = map[int]bool{}
			for _, id := range strings.Split(v, ",") {
				n, err := strconv.Atoi(id)
				if err != nil {
					getOffsetsFailure(o, "--partitions expects a comma separated list of numeric partition ids, but received: "+v)
					return nil, false
				}
				r.ids[n] = true
			}
		}
		rules = append(rules, r)
	}
	var out []sim.TopicPartition
	for _, t := range s.snap().Topics {
		for _, pv := range t.Partitions {
			for _, r := range rules {
				in := r.topic.MatchString(t.Name) && pv.Partition >= r.lo && pv.Partition < r.hi && (r.ids == nil || r.ids[pv.Partition])
				if in {
					out = append(out, sim.TopicPartition{Topic: t.Name, Partition: pv.Partition})
					break
				}
			}
		}
	}
	if !p.has("exclude-internal-topics") && s.offsetsTopicExists() {
		o.hintLast("the sandbox does not model the offsets of %s, so it leaves it out", internalOffsetsTopic)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out, true
}
