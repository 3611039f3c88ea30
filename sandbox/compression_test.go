package sandbox

import (
	"strings"
	"testing"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// Rule: kafka-console-producer sets compression.type from
// --compression-codec, gzip when the option has no value and none without
// the option, over any --producer-property (ConsoleProducer.scala,
// Kafka 3.9: props.put(COMPRESSION_TYPE_CONFIG, config.compressionCodec)
// after extraProducerProps).
func TestConsoleProducerCompressionCodec(t *testing.T) {
	s := newSession(t, 1)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	for _, c := range []struct{ args, want string }{
		{"", sim.CodecNone},
		{" --compression-codec", sim.CodecGzip},
		{" --compression-codec lz4", sim.CodecLz4},
		{" --producer-property compression.type=zstd", sim.CodecNone},
		{" --producer-property compression.type=zstd --compression-codec snappy", sim.CodecSnappy},
	} {
		if r := s.Exec("kafka-console-producer --topic t" + c.args + bs); !r.InputMode {
			t.Fatalf("producer did not start:\n%s", r.Output)
		}
		s.Input("hello")
		s.EndInput()
		ps := s.snap().Producers
		newest := ps[0]
		for _, p := range ps {
			if len(p.ID) > len(newest.ID) || len(p.ID) == len(newest.ID) && p.ID > newest.ID {
				newest = p
			}
		}
		if got := newest.Config.CompressionType; got != c.want {
			t.Errorf("kafka-console-producer%s: compression.type %s, want %s", c.args, got, c.want)
		}
	}
}

// Rule: kafka-producer-perf-test passes compression.type to the producer:
// the same records go in fewer bytes (the broker stores them compressed),
// and a codec KafkaProducer does not know is refused by its constructor
// (ConfigDef.ValidString: "String must be one of: none, gzip, snappy,
// lz4, zstd").
func TestPerfTestCompression(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic plain --partitions 1 --replication-factor 3"+bs)
	mustExec(t, s, "kafka-topics --create --topic packed --partitions 1 --replication-factor 3"+bs)
	run := func(topic, props string) string {
		return mustExec(t, s, "kafka-producer-perf-test --topic "+topic+" --num-records 500 --record-size 1000 --throughput -1 --producer-props bootstrap.servers=localhost:9092 "+props)
	}
	run("plain", "linger.ms=20")
	out := run("packed", "linger.ms=20 compression.type=zstd")
	if !strings.Contains(out, "compression.type=zstd") {
		t.Errorf("the run should say what compression did:\n%s", out)
	}
	size := func(topic string) int64 {
		v, _ := s.topicView(topic)
		return v.Partitions[0].SizeBytes
	}
	if p, z := size("plain"), size("packed"); z*3 > p || z == 0 {
		t.Errorf("log sizes: uncompressed %d, zstd %d; zstd should store about a third", p, z)
	}
	bad := mustFail(t, s, "kafka-producer-perf-test --topic plain --num-records 5 --record-size 10 --throughput -1 --producer-props bootstrap.servers=localhost:9092 compression.type=brotli")
	if !strings.Contains(bad, "Invalid value brotli for configuration compression.type") {
		t.Errorf("an unknown codec should fail as KafkaProducer's constructor does:\n%s", bad)
	}
}

// Rule: a topic's compression.type set with kafka-configs reaches the
// broker: batches appended after it are stored in the topic's codec
// (LogValidator recompresses when it differs from the producer's).
func TestKafkaConfigsCompressionTypeReachesTheLog(t *testing.T) {
	s := newSession(t, 1)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	long := strings.Repeat("reading ", 125) // 1000 bytes
	produce(t, s, "t", long)
	before := topicOf(t, s, "t").Partitions[0].SizeBytes
	mustExec(t, s, "kafka-configs --alter --entity-type topics --entity-name t --add-config compression.type=gzip"+bs)
	produce(t, s, "t", long)
	added := topicOf(t, s, "t").Partitions[0].SizeBytes - before
	if before < 1000 || added*3 > before {
		t.Fatalf("an uncompressed record took %d bytes; after compression.type=gzip the same one took %d", before, added)
	}
}

// The console consumer prints a generated record's value as the
// producer made it: the temperature-sensor scenario's readings, keyed by
// sensor (DefaultMessageFormatter prints key, a tab, the value).
func TestConsoleConsumerPrintsSensorReadings(t *testing.T) {
	sc, err := scenarios.Load("temperature-sensor")
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRun(sc.Config, sc.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(5000)
	s := Attach(r)
	out := mustExec(t, s, "kafka-console-consumer --topic temperature-readings --from-beginning --max-messages 3 --property print.key=true"+bs)
	lines := kafkaLines(t, out)
	if len(lines) < 3 {
		t.Fatalf("want 3 readings:\n%s", out)
	}
	for _, l := range lines[:3] {
		key, value, ok := strings.Cut(l, "\t")
		if !ok || key != "sensor-1" || !strings.Contains(value, ".") || value < "18" || value > "34.0" {
			t.Fatalf("want sensor-1<TAB>a reading between 18.0 and 34.0, got %q", l)
		}
	}
}
