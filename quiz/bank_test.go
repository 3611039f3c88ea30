package quiz

import (
	"slices"
	"strings"
	"testing"
)

func loadBank(t *testing.T) []Question {
	t.Helper()
	qs, err := Bank()
	if err != nil {
		t.Fatalf("the embedded bank has errors:\n%v", err)
	}
	return qs
}

func TestBankIsValid(t *testing.T) {
	qs := loadBank(t)
	if len(qs) < 90 {
		t.Errorf("%d questions, want at least 90", len(qs))
	}
	ids := map[string]bool{}
	topics := map[string]int{}
	kinds := map[Kind]int{}
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			t.Errorf("%v", err)
		}
		if ids[q.ID] {
			t.Errorf("%s:%d: duplicate id %s", q.File, q.Line, q.ID)
		}
		ids[q.ID] = true
		topics[q.Topic]++
		kinds[q.Kind]++
		if q.Generated || q.Line == 0 || !strings.HasPrefix(q.File, "bank/") {
			t.Errorf("%s: bad origin %s:%d generated=%t", q.ID, q.File, q.Line, q.Generated)
		}
	}
	for _, topic := range Topics() {
		if topics[topic] == 0 {
			t.Errorf("no question has topic %s", topic)
		}
	}
	for _, k := range Kinds() {
		if kinds[k] == 0 {
			t.Errorf("no question of kind %s", k)
		}
	}
	t.Logf("%d questions; by topic %v; by kind %v", len(qs), topics, kinds)
}

// TestBankFilesHoldOneTopic keeps the one-file-per-topic layout honest.
func TestBankFilesHoldOneTopic(t *testing.T) {
	for _, q := range loadBank(t) {
		if want := "bank/" + q.Topic + ".toml"; q.File != want {
			t.Errorf("%s:%d: topic %s belongs in %s", q.File, q.Line, q.Topic, want)
		}
	}
}

func TestLinkedScenarios(t *testing.T) {
	linked := LinkedScenarios()
	if !slices.IsSorted(linked) || len(slices.Compact(slices.Clone(linked))) != len(linked) {
		t.Errorf("not sorted and unique: %v", linked)
	}
	for _, s := range linked {
		if !slices.Contains(scenarioNames, s) {
			t.Errorf("links unknown scenario %s", s)
		}
	}
	// Every built-in scenario is shown by at least one question.
	for _, s := range scenarioNames {
		if !slices.Contains(linked, s) {
			t.Errorf("no question links scenario %s", s)
		}
	}
}

// TestBankCoversTheCourse looks for the terms each concept the course
// teaches needs; a question must mention each.
func TestBankCoversTheCourse(t *testing.T) {
	var all strings.Builder
	for _, q := range loadBank(t) {
		all.WriteString(q.Prompt + "\n" + strings.Join(q.Choices, "\n") + "\n" + q.AnswerText() + "\n" + q.Explanation + "\n")
	}
	text := strings.ToLower(all.String())
	terms := []string{
		// components and the log
		"broker", "topic", "partition", "producer", "consumer group", "offset", "controller",
		"append-only", "immutable", "commit log", "headers", "linkedin",
		// keys and ordering
		"murmur2", "0x7fffffff", "sticky", "per-key order", "hot partition",
		// offsets
		"next offset to read", "__consumer_offsets", "auto.offset.reset", "earliest", "latest",
		"enable.auto.commit", "commitsync", "lag",
		// semantics
		"at-most-once", "at-least-once", "exactly-once", "idempotence", "transactional.id",
		"read_committed", "sendoffsetstotransaction", "fenced",
		// replication and durability
		"replication factor", "isr", "high watermark", "acks=0", "acks=1", "acks=all",
		"min.insync.replicas", "not_enough_replicas", "unclean.leader.election.enable",
		"leader epoch", "under-replicated", "replica.lag.time.max.ms",
		// retention and compaction
		"retention.ms", "retention.bytes", "604800000", "segment", "cleanup.policy=compact", "tombstone",
		"delete.retention.ms",
		// control plane
		"zookeeper", "kraft", "raft", "__cluster_metadata",
		// rebalancing
		"range", "roundrobin", "cooperative-sticky", "session.timeout.ms", "max.poll.interval.ms",
		"heartbeat", "generation", "kip-848", "group.instance.id",
		// systems
		"activity", "log aggregation", "microservice", "inventory", "notification", "flink", "spark",
		"kafka streams", "inference", "retraining", "prediction", "kafka connect", "source", "sink",
		"schema registry", "avro", "sasl", "acl", "tls", "jmx", "prometheus", "ulimit",
		"kafka_heap_opts", "num.network.threads", "num.io.threads", "event sourcing", "cdc", "uber", "netflix",
		"sensor",
		// programs and tuning
		"bootstrap", "serializer", "deserializer", "poll()", "flush", "callback", "close()",
		"batch.size", "linger.ms", "compression", "fetch.min.bytes", "fetch.max.wait.ms", "max.poll.records",
		"num.partitions", "default.replication.factor", "log.segment.bytes",
		// tools
		"kafka-topics.sh", "kafka-console-producer.sh", "kafka-console-consumer.sh", "--from-beginning",
		"kafka-consumer-groups.sh", "--describe", "--list", "--delete", "--reset-offsets", "java", "scala",
	}
	for _, term := range terms {
		if !strings.Contains(text, term) {
			t.Errorf("no question mentions %q", term)
		}
	}
}

func TestBankReturnsCopies(t *testing.T) {
	a := loadBank(t)
	a[0].Choices = append(a[0].Choices[:0], "changed")
	a[0].Prompt = "changed"
	b := loadBank(t)
	if b[0].Prompt == "changed" || (len(b[0].Choices) > 0 && b[0].Choices[0] == "changed") {
		t.Error("Bank shares its slices with callers")
	}
}
