package sandbox

import (
	"fmt"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// kafka-console-producer: reads records from the following input lines,
// like Kafka 3.9's ConsoleProducer with its LineMessageReader.

var producerOpts = []optSpec{
	{name: "bootstrap-server", hasArg: true, help: "REQUIRED: the broker(s) to connect to, e.g. localhost:9092"},
	{name: "broker-list", hasArg: true, help: "DEPRECATED, use --bootstrap-server"},
	{name: "topic", hasArg: true, help: "REQUIRED: the topic to produce to"},
	{name: "sync", help: "send each record synchronously: stop at the first failure"},
	{name: "compression-codec", optArg: true, help: "none, gzip, snappy, lz4 or zstd; gzip when given without a value"},
	{name: "batch-size", hasArg: true, help: "batch.size"},
	{name: "message-send-max-retries", hasArg: true, help: "retries (default 3)"},
	{name: "retry-backoff-ms", hasArg: true, help: "retry.backoff.ms (default 100)"},
	{name: "timeout", hasArg: true, help: "linger.ms (default 1000)"},
	{name: "request-required-acks", hasArg: true, help: "acks (default -1, i.e. all)"},
	{name: "request-timeout-ms", hasArg: true, help: "request.timeout.ms (default 1500)"},
	{name: "metadata-expiry-ms", hasArg: true, help: "metadata.max.age.ms (not simulated)"},
	{name: "max-block-ms", hasArg: true, help: "max.block.ms (default 60000)"},
	{name: "max-memory-bytes", hasArg: true, help: "buffer.memory (not simulated)"},
	{name: "max-partition-memory-bytes", hasArg: true, help: "batch.size"},
	{name: "line-reader", hasArg: true, help: "the record reader class (only the default)"},
	{name: "socket-buffer-size", hasArg: true, help: "send.buffer.bytes (not simulated)"},
	{name: "property", hasArg: true, multi: true, help: "reader property: parse.key, key.separator, null.marker, ignore.error"},
	{name: "reader-config", hasArg: true, help: "a file of reader properties (not available)"},
	{name: "producer-property", hasArg: true, multi: true, help: "a producer config, name=value (acks, linger.ms, enable.idempotence...)"},
	{name: "producer.config", hasArg: true, help: "a file of producer configs (not available)"},
	{name: "help", help: "print usage information"},
	{name: "version", help: "print the Kafka version"},
}

// producerMode is a console producer waiting for input lines.
type producerMode struct {
	topic       string
	servers     string
	spec        sim.ProducerConfig // its configs; spec.ID is set once it exists in the engine
	id          string
	parseKey    bool
	keySep      string
	nullMarker  *string
	ignoreError bool
	sync        bool
	maxBlockMs  int64
	lineNo      int
	correlation int // request counter, for log lines
	hdr         headerSettings
	pending     []recordHeader // the headers of the record being sent
}

// consoleProducerDefaults are the settings ConsoleProducer passes to the
// producer unless a --producer-property gives them: they come from its own
// options' defaults, which differ from the Java client's.
var consoleProducerDefaults = []struct{ config, option, def string }{
	{"linger.ms", "timeout", "1000"},
	{"acks", "request-required-acks", "-1"},
	{"request.timeout.ms", "request-timeout-ms", "1500"},
	{"retries", "message-send-max-retries", "3"},
	{"retry.backoff.ms", "retry-backoff-ms", "100"},
	{"batch.size", "batch-size", "16384"},
	{"max.block.ms", "max-block-ms", "60000"},
}

func (s *Session) producerCommand(o *output, args []string) {
	p, ok := s.parseToolArgs(o, "kafka-console-producer", producerOpts, args, `Missing required option(s) [bootstrap-server]`)
	if !ok {
		return
	}
	servers, given := bootstrapArg(p)
	if !given {
		usageFailure(o, "kafka-console-producer", "Missing required option(s) [bootstrap-server]")
		o.hint("add --bootstrap-server %s", brokerAddr(1))
		return
	}
	if !p.has("topic") {
		usageFailure(o, "kafka-console-producer", `Missing required argument "[topic]"`)
		return
	}
	for _, hp := range strings.Split(servers, ",") {
		if _, _, ok := splitHostPort(strings.TrimSpace(hp)); !ok {
			usageFailure(o, "kafka-console-producer", "Please provide valid host:port like host1:9091,host2:9092")
			return
		}
	}
	ignoredWords(o, "kafka-console-producer", p, "--topic")
	pm := &producerMode{topic: p.val("topic"), servers: servers, sync: p.has("sync")}
	if !s.configureProducer(o, p, pm) || !configureReader(o, p, pm) {
		return
	}
	if s.checkBootstrap(o, servers, producerClient) == bootstrapInvalid {
		return
	}
	s.prod = pm
	if pm.parseKey {
		o.hint("type one record per line as key%svalue; Ctrl-D ends the producer", displaySep(pm.keySep))
	} else {
		o.hint("type one record per line; Ctrl-D ends the producer")
	}
}

// configureProducer builds the producer's configs: console defaults, then
// --producer-property, as ConsoleProducer merges them. A bad value stops
// the tool as KafkaProducer's constructor would.
func (s *Session) configureProducer(o *output, p *parsedOpts, pm *producerMode) bool {
	props, order := mergeProducerProps(p)
	pm.spec = sim.DefaultProducer("", pm.topic)
	var unused []string
	for _, k := range order {
		v := props[k]
		if k == "max.block.ms" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				o.linef("org.apache.kafka.common.config.ConfigException: Invalid value %s for configuration max.block.ms: Not a number of type LONG", v)
				o.fail()
				return false
			}
			pm.maxBlockMs = n
			continue
		}
		if _, known := sim.LookupProp(sim.ScopeProducer, k); !known {
			if !knownClientConfigs[k] {
				unused = append(unused, k)
			}
			continue
		}
		if err := sim.SetProducerProp(&pm.spec, k, v); err != nil {
			o.line("org.apache.kafka.common.config.ConfigException: " + producerValueMessage(k, v, err))
			o.hint("%s", propHint(sim.ScopeProducer, k))
			o.fail()
			return false
		}
	}
	if msg := idempotenceConflict(pm.spec, props["enable.idempotence"] == "true"); msg != "" {
		o.line("org.apache.kafka.common.config.ConfigException: " + msg)
		o.hint("enable.idempotence=true needs acks=all, retries > 0 and at most 5 requests in flight; leave it unset and Kafka turns it off quietly instead")
		o.fail()
		return false
	}
	if len(unused) > 0 {
		o.logLine("WARN", fmt.Sprintf("These configurations '[%s]' were supplied but are not used yet.", strings.Join(unused, ", ")),
			"org.apache.kafka.clients.producer.ProducerConfig")
		for _, k := range unused {
			if sug := nearestProp(sim.ScopeProducer, k); sug != "" {
				o.hint("Kafka ignores unknown producer configs; did you mean %s?", sug)
			}
		}
	}
	return true
}

// mergeProducerProps is ConsoleProducer.producerProps: the
// --producer-property settings, then each console option's value (or its
// default, when the property was not given), in the order they apply.
func mergeProducerProps(p *parsedOpts) (map[string]string, []string) {
	props := map[string]string{}
	var order []string
	set := func(k, v string) {
		if _, seen := props[k]; !seen {
			order = append(order, k)
		}
		props[k] = v
	}
	for _, kv := range p.all("producer-property") {
		k, v, _ := strings.Cut(kv, "=")
		set(strings.TrimSpace(k), v)
	}
	// ConsoleProducer always sets compression.type from
	// --compression-codec (gzip without a value, none without the
	// option), over any --producer-property.
	codec := sim.CodecNone
	if p.has("compression-codec") {
		codec = sim.CodecGzip
		if v := p.val("compression-codec"); v != "" {
			codec = v
		}
	}
	set("compression.type", codec)
	for _, d := range consoleProducerDefaults {
		_, given := props[d.config]
		switch {
		case p.has(d.option):
			set(d.config, p.val(d.option))
		case !given:
			set(d.config, d.def)
		}
	}
	if p.has("max-partition-memory-bytes") {
		set("batch.size", p.val("max-partition-memory-bytes"))
	}
	return props, order
}

// idempotenceConflict is the check KafkaProducer makes when
// enable.idempotence=true was set explicitly.
func idempotenceConflict(c sim.ProducerConfig, explicit bool) string {
	if !explicit {
		return ""
	}
	switch {
	case c.Acks != sim.AcksAll:
		return "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence."
	case c.Retries == 0:
		return "Must set retries to non-zero when using the idempotent producer."
	case c.MaxInFlight > 5:
		return "Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer."
	}
	return ""
}

func producerValueMessage(name, value string, err error) string {
	if name == "acks" {
		return fmt.Sprintf("Invalid value %s for configuration acks: String must be one of: all, -1, 0, 1", value)
	}
	msg := invalidValueMessage(name, value, err)
	return strings.Replace(msg, "Not a number of type LONG", "Not a number of type INT", 1)
}

// configureReader reads the LineMessageReader's --property settings.
func configureReader(o *output, p *parsedOpts, pm *producerMode) bool {
	pm.keySep = "\t"
	props := map[string]string{}
	for _, kv := range p.all("property") {
		k, v, _ := strings.Cut(kv, "=")
		props[strings.TrimSpace(k)] = v
	}
	if v, ok := props["parse.key"]; ok {
		pm.parseKey = strings.EqualFold(strings.TrimSpace(v), "true")
	}
	if v, ok := props["key.separator"]; ok {
		pm.keySep = v
	}
	if v, ok := props["ignore.error"]; ok {
		pm.ignoreError = strings.EqualFold(strings.TrimSpace(v), "true")
	}
	if v, ok := props["null.marker"]; ok {
		pm.nullMarker = &v
	}
	hdr, problem := configureHeaders(props, pm.keySep, pm.nullMarker)
	if problem != "" {
		o.line(problem)
		o.hint("the separators, the headers delimiter and null.marker must all differ, e.g. --property null.marker=NULL")
		o.fail()
		return false
	}
	pm.hdr = hdr
	if pm.parseKey && pm.keySep == "" {
		o.hint("key.separator is empty: every line will have an empty key")
	}
	return true
}

func displaySep(sep string) string {
	if sep == "\t" {
		return "<TAB>"
	}
	return sep
}

// knownClientConfigs are real client configs the simulator does not
// model: Kafka uses them, so they draw no "not used" warning.
var knownClientConfigs = map[string]bool{
	"client.id": true, "buffer.memory": true, "send.buffer.bytes": true,
	"receive.buffer.bytes": true, "metadata.max.age.ms": true, "max.request.size": true, "key.serializer": true,
	"value.serializer": true, "bootstrap.servers": true, "partitioner.class": true, "reconnect.backoff.ms": true,
	"compression.gzip.level": true, "security.protocol": true, "client.dns.lookup": true, "connections.max.idle.ms": true,
	"group.id": true, "key.deserializer": true, "value.deserializer": true, "fetch.min.bytes": true,
	"fetch.max.bytes": true, "max.partition.fetch.bytes": true, "allow.auto.create.topics": true,
	"client.rack": true, "check.crcs": true, "group.instance.id": true,
}

// nearestProp suggests a property name of a scope for a typo.
func nearestProp(scope sim.Scope, typed string) string {
	var names []string
	for _, pr := range sim.Props(scope) {
		names = append(names, pr.Name)
	}
	return nearest(typed, names)
}
