package sandbox

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// kafka-producer-perf-test: Kafka 3.9's ProducerPerformance on the
// simulated cluster. It sends --num-records records of --record-size
// bytes at --throughput records per second (-1: as fast as it can),
// prints a window line every 5 s of virtual time and a total with latency
// percentiles (Stats.printWindow, printTotal), measuring each record from
// send() to its callback, as PerfCallback does. --producer-props set the
// producer's configs: acks, linger.ms, batch.size and compression.type
// change the numbers.

var perfOpts = []optSpec{
	{name: "topic", hasArg: true, help: "REQUIRED: the topic to produce to"},
	{name: "num-records", hasArg: true, help: "REQUIRED: how many records to send"},
	{name: "record-size", hasArg: true, help: "the size of each record in bytes"},
	{name: "payload-file", hasArg: true, help: "records from a file (not available in the sandbox)"},
	{name: "throughput", hasArg: true, help: "REQUIRED: records per second at most; -1 for no limit"},
	{name: "producer-props", hasArg: true, multi: true, help: "producer configs, name=value name=value ... (e.g. acks=1 linger.ms=5 batch.size=65536)"},
	{name: "producer.config", hasArg: true, help: "a file of producer configs (not available in the sandbox)"},
	{name: "print-metrics", help: "print the producer's metrics at the end (not simulated)"},
	{name: "help", help: "print usage information"},
}

// perfMaxRecords bounds one run, so the sandbox stays quick.
const perfMaxRecords = 20_000

// perfReportingMs is Stats' reporting interval.
const perfReportingMs = 5000

// perfRun is one run's settings.
type perfRun struct {
	topic      string
	records    int
	recordSize int
	throughput float64
	spec       sim.ProducerConfig
}

func (s *Session) perfTestCommand(o *output, args []string) {
	run, ok := s.perfSetup(o, args)
	if !ok {
		return
	}
	pm := &producerMode{topic: run.topic, servers: brokerList(s.brokerCount()), spec: run.spec, maxBlockMs: 60000}
	if !s.ensureTopicForClient(o, pm, nil, nil) || !s.ensureProducer(o, pm) {
		return
	}
	s.perfDrive(o, run, pm.id)
}

// perfSetup reads the arguments as ProducerPerformance's argparse4j
// parser requires them. --producer-props takes every word up to the next
// option (nargs '+').
func (s *Session) perfSetup(o *output, args []string) (perfRun, bool) {
	var rest, props []string
	for i := 0; i < len(args); i++ {
		if args[i] != "--producer-props" {
			rest = append(rest, args[i])
			continue
		}
		for i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
			i++
			props = append(props, args[i])
		}
	}
	fail := func(msg string) (perfRun, bool) {
		o.line("producer-performance: error: " + msg)
		o.hint("Kafka prints the usage first; 'kafka-producer-perf-test --help' lists the options. A typical run: --topic T --num-records 1000 --record-size 100 --throughput 100 --producer-props bootstrap.servers=%s", brokerAddr(1))
		o.fail()
		return perfRun{}, false
	}
	p, err := parseOpts(perfOpts, rest)
	if err != nil {
		return fail(strings.Replace(err.Error(), " is not a recognized option", "", 1) + ": unrecognized argument")
	}
	if p.has("help") {
		printToolHelp(o, "kafka-producer-perf-test", perfOpts)
		return perfRun{}, false
	}
	for _, req := range []string{"topic", "num-records", "throughput"} {
		if !p.has(req) {
			return fail("argument --" + req + " is required")
		}
	}
	if p.has("payload-file") || p.has("producer.config") {
		o.hint("the sandbox reads no files: use --record-size and --producer-props")
		o.fail()
		return perfRun{}, false
	}
	if !p.has("record-size") {
		return fail("one of the arguments --record-size --payload-file is required")
	}
	r := perfRun{topic: p.val("topic")}
	var e1, e2, e3 error
	r.records, e1 = strconv.Atoi(p.val("num-records"))
	r.recordSize, e2 = strconv.Atoi(p.val("record-size"))
	r.throughput, e3 = strconv.ParseFloat(p.val("throughput"), 64)
	if e1 != nil || e2 != nil || e3 != nil || r.records < 1 || r.recordSize < 1 {
		return fail("--num-records and --record-size take positive whole numbers, --throughput a number")
	}
	if r.records > perfMaxRecords {
		o.hint("the sandbox sends at most %d records in one run", perfMaxRecords)
		r.records = perfMaxRecords
	}
	if len(props) == 0 {
		o.line("Either --producer-props or --producer.config must be specified.")
		o.hint("add --producer-props bootstrap.servers=%s", brokerAddr(1))
		o.fail()
		return perfRun{}, false
	}
	r.spec = sim.DefaultProducer("", r.topic)
	for _, kv := range props {
		name, value, _ := strings.Cut(kv, "=")
		switch {
		case name == "bootstrap.servers":
			if s.checkBootstrap(o, value, producerClient) != bootstrapOK {
				return perfRun{}, false
			}
		case sim.SetProducerProp(&r.spec, name, value) == nil:
		case isProducerProp(name):
			// KafkaProducer's constructor refuses the value.
			err := sim.SetProducerProp(&r.spec, name, value)
			o.line("Exception in thread \"main\" org.apache.kafka.common.config.ConfigException: " + producerValueMessage(name, value, err))
			o.hint("%s", propHint(sim.ScopeProducer, name))
			o.fail()
			return perfRun{}, false
		case !knownClientConfigs[name]:
			o.hint("kafkasim does not model %s; it is ignored", name)
		}
	}
	return r, true
}

// perfDrive sends the records on ThroughputThrottler's schedule (record i
// at i/throughput seconds), waits for every callback, and prints the
// statistics.
func (s *Session) perfDrive(o *output, r perfRun, producer string) {
	start := s.run.Sim().Now()
	value := strings.Repeat("x", r.recordSize)
	sendAt := func(i int) int64 {
		if r.throughput <= 0 {
			return start
		}
		return start + int64(float64(i)*1000/r.throughput)
	}
	acks := map[sim.TopicPartition][]sim.Event{}
	watch := func(evs []sim.Event) {
		for _, e := range evs {
			if e.Producer == producer && e.Type == sim.EvAcked {
				tp := sim.TopicPartition{Topic: e.Topic, Partition: e.Partition}
				acks[tp] = append(acks[tp], e)
			}
		}
	}
	sent := 0
	for sent < r.records {
		at := sendAt(sent)
		s.stepUntil(until(at), watch, func() bool { return false })
		n := 0
		for sent+n < r.records && sendAt(sent+n) == at {
			n++
		}
		if err := s.run.Apply(sim.Command{Kind: sim.CmdProduce, Producer: producer, Value: &value, Count: n}); err != nil {
			o.hint("the simulator refused the send: %v", err)
			o.fail()
			return
		}
		sent += n
	}
	settled := func() bool {
		for _, pv := range s.snap().Producers {
			if pv.ID == producer {
				return pv.InFlight == 0
			}
		}
		return true
	}
	if s.stepUntil(until(s.run.Sim().Now()+r.spec.DeliveryTimeoutMs+5000), watch, settled) == stopBudget {
		s.budgetHint(o)
	}
	elapsed := s.run.Sim().Now() - start
	// With acks=1 the last records may be acknowledged before the
	// followers have them; the sandbox reads their send times once the
	// high watermark has caught up (the clock moves on a little).
	readable := func() bool {
		for tp, evs := range acks {
			if t, ok := s.topicView(tp.Topic); ok && t.Partitions[tp.Partition].HighWatermark < evs[len(evs)-1].EndOffset {
				return false
			}
		}
		return true
	}
	s.stepUntil(until(s.run.Sim().Now()+2000), nil, readable)
	s.printPerfStats(o, r, start, elapsed, acks, producer)
	s.perfCompressionHint(o, producer)
}

// perfCompressionHint says what compression did, which ProducerPerformance
// does not print (its MB/sec counts uncompressed record bytes).
func (s *Session) perfCompressionHint(o *output, producer string) {
	for _, pv := range s.snap().Producers {
		if pv.ID != producer || pv.Flow.Codec == sim.CodecNone {
			continue
		}
		o.hint("compression.type=%s: %d produce requests carried %d bytes of compressed batches; the simulator's %s model keeps %d bytes of every 1000 (a published Silesia-corpus ratio), and the broker stores them compressed",
			pv.Flow.Codec, pv.Flow.Requests, pv.Flow.BytesSent, pv.Flow.Codec, sim.CodecRatioPermille(pv.Flow.Codec))
	}
}

func isProducerProp(name string) bool {
	_, ok := sim.LookupProp(sim.ScopeProducer, name)
	return ok
}

// perfSample is one record's callback: when it came and how long it took.
type perfSample struct{ atMs, latencyMs int64 }

func (s *Session) printPerfStats(o *output, r perfRun, start, elapsedMs int64, acks map[sim.TopicPartition][]sim.Event, producer string) {
	var samples []perfSample
	for tp, evs := range acks {
		for _, e := range evs {
			recs, _, err := s.run.Sim().Records(tp.Topic, tp.Partition, e.Offset, int(e.EndOffset-e.Offset), false)
			if err != nil {
				continue
			}
			for _, rec := range recs {
				if rec.Producer == producer {
					samples = append(samples, perfSample{atMs: e.AtMs, latencyMs: e.AtMs - rec.TimestampMs})
				}
			}
		}
	}
	sort.SliceStable(samples, func(i, j int) bool { return samples[i].atMs < samples[j].atMs })
	bytes := int64(r.recordSize)
	windowStart := start
	var wCount, wTotal, wMax int64
	for _, smp := range samples {
		wCount++
		wTotal += smp.latencyMs
		wMax = max(wMax, smp.latencyMs)
		if smp.atMs-windowStart >= perfReportingMs {
			elapsed := float64(smp.atMs - windowStart)
			o.linef("%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.",
				wCount, 1000*float64(wCount)/elapsed, 1000*float64(wCount*bytes)/elapsed/(1024*1024), float64(wTotal)/float64(wCount), float64(wMax))
			windowStart, wCount, wTotal, wMax = smp.atMs, 0, 0, 0
		}
	}
	o.line(perfTotalLine(samples, bytes, elapsedMs))
	if lost := r.records - len(samples); lost > 0 {
		o.hint("%d of %d records never got a successful callback (or, with acks=0, none at all): the totals count only the ones that did", lost, r.records)
	}
}

// perfTotalLine is Stats.printTotal: Java's %f prints six decimals; the
// percentiles index a sorted copy at (int)(p * count).
func perfTotalLine(samples []perfSample, recordBytes, elapsedMs int64) string {
	n := int64(len(samples))
	elapsed := float64(max(elapsedMs, 1))
	var total, maxLat int64
	lat := make([]int64, len(samples))
	for i, smp := range samples {
		total += smp.latencyMs
		maxLat = max(maxLat, smp.latencyMs)
		lat[i] = smp.latencyMs
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	perc := func(p float64) int64 {
		if len(lat) == 0 {
			return 0
		}
		return lat[int(p*float64(len(lat)))]
	}
	avg := 0.0
	if n > 0 {
		avg = float64(total) / float64(n)
	}
	return fmt.Sprintf("%d records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency, %d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th.",
		n, 1000*float64(n)/elapsed, 1000*float64(n*recordBytes)/elapsed/(1024*1024), avg, float64(maxLat), perc(0.5), perc(0.95), perc(0.99), perc(0.999))
}
