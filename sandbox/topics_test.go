package sandbox

import (
	"strings"
	"testing"

	"kafkasim/sim"
)

func TestTopicsGolden(t *testing.T) {
	cases := map[string][]string{
		"create_and_describe": {
			"bin/kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3" + bs,
			"kafka-topics --describe --topic orders" + bs,
		},
		"create_collision_warning": {
			"kafka-topics --create --topic my_first_topic --partitions 3 --replication-factor 1" + bs,
			"kafka-topics --create --topic my.first.topic --partitions 1 --replication-factor 1" + bs,
		},
		"create_with_configs": {
			"kafka-topics --create --topic payments --partitions 2 --replication-factor 2 --config min.insync.replicas=2 --config retention.ms=60000" + bs,
			"kafka-topics --describe --topic payments" + bs,
			"kafka-topics --describe --topics-with-overrides" + bs,
		},
		"create_errors": {
			"kafka-topics --create --topic orders --partitions 3 --replication-factor 1" + bs,
			"kafka-topics --create --topic orders --partitions 3 --replication-factor 1" + bs,
			"kafka-topics --create --topic orders --partitions 3 --replication-factor 1 --if-not-exists" + bs,
			"kafka-topics --create --topic big --partitions 3 --replication-factor 4" + bs,
			"kafka-topics --create --topic bad --partitions 0" + bs,
			"kafka-topics --create --topic 'no spaces' --partitions 1" + bs,
			"kafka-topics --create --topic cfg --config min.insync.replica=2" + bs,
			"kafka-topics --create --topic cfg --config min.insync.replicas=two" + bs,
			"kafka-topics --create --topic cfg --config retention.ms" + bs,
			"kafka-topics --create --topic cfg --partitions many" + bs,
		},
		"usage_errors": {
			"kafka-topics",
			"kafka-topics --list",
			"kafka-topics --create --list" + bs,
			"kafka-topics --create" + bs,
			"kafka-topics --describe --partitions 3" + bs,
			"kafka-topics --describ" + bs,
			"kafka-topics --lst" + bs,
			"kafka-topics --describe --topic" + bs,
			"kafka-topics --alter --topic t --config a=b" + bs,
			"kafka-topics --list orders" + bs,
		},
		"list": {
			"kafka-topics --list" + bs,
			"kafka-topics --create --topic b-topic --partitions 1" + bs,
			"kafka-topics --create --topic a-topic --partitions 1" + bs,
			"kafka-topics --list" + bs,
			"kafka-console-consumer --topic a-topic --group g1" + bs,
			"kafka-topics --list" + bs,
			"kafka-topics --list --exclude-internal" + bs,
		},
		"describe_all_with_offsets_topic": {
			"kafka-topics --create --topic events --partitions 2 --replication-factor 2" + bs,
			"kafka-console-consumer --topic events --group g1" + bs,
			"kafka-topics --describe" + bs,
		},
		"describe_unknown": {
			"kafka-topics --create --topic orders --partitions 1" + bs,
			"kafka-topics --describe --topic order" + bs,
			"kafka-topics --describe --topic order --if-exists" + bs,
		},
		"describe_after_crash": {
			"kafka-topics --create --topic orders --partitions 3 --replication-factor 2" + bs,
			"kafka-topics --create --topic solo --partitions 3 --replication-factor 1" + bs,
			"crash broker 2",
			"kafka-topics --describe --topic orders" + bs,
			"play 10s",
			"kafka-topics --describe --topic orders" + bs,
			"kafka-topics --describe --under-replicated-partitions" + bs,
			"kafka-topics --describe --unavailable-partitions" + bs,
			"restart broker 2",
			"play 40s",
			"kafka-topics --describe --topic orders" + bs,
		},
		"alter_partitions": {
			"kafka-topics --create --topic orders --partitions 2 --replication-factor 2" + bs,
			"kafka-topics --alter --topic orders --partitions 4" + bs,
			"kafka-topics --describe --topic orders" + bs,
			"kafka-topics --alter --topic orders --partitions 4" + bs,
			"kafka-topics --alter --topic orders --partitions 3" + bs,
			"kafka-topics --alter --topic orders" + bs,
			"kafka-topics --alter --topic nope --partitions 3" + bs,
		},
		"delete": {
			"kafka-topics --create --topic orders --partitions 1" + bs,
			"kafka-topics --delete --topic orders" + bs,
			"kafka-topics --list" + bs,
			"kafka-topics --delete --topic orders" + bs,
			"kafka-topics --delete --topic orders --if-exists" + bs,
		},
		"zookeeper": {
			"bin/kafka-topics.sh --zookeeper localhost:2181 --create --topic legacy --partitions 1 --replication-factor 1",
			"kafka-topics --zookeeper localhost:2181 --list",
		},
		"bootstrap": {
			"kafka-topics --list --bootstrap-server localhost:9999",
			"kafka-topics --list --bootstrap-server kafka:9092",
			"kafka-topics --list --bootstrap-server localhost",
			"crash broker 1",
			"kafka-topics --list --bootstrap-server localhost:9092",
			"kafka-topics --list --bootstrap-server localhost:9092,localhost:9093",
		},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) { goldenScript(t, 3, lines...) })
	}
}

func TestCreateTopicReachesTheEngine(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders --partitions 6 --replication-factor 3 --config min.insync.replicas=2 --config cleanup.policy=compact"+bs)
	tv := topicOf(t, s, "orders")
	if len(tv.Partitions) != 6 || tv.Config.ReplicationFactor != 3 || tv.Config.MinInsyncReplicas != 2 || tv.Config.CleanupPolicy != sim.CleanupCompact {
		t.Fatalf("topic = %+v", tv.Config)
	}
	for _, p := range tv.Partitions {
		if len(p.Replicas) != 3 || p.Leader != p.Replicas[0] {
			t.Errorf("partition %d: replicas %v leader %d", p.Partition, p.Replicas, p.Leader)
		}
	}
	if got := s.Run().Commands(); len(got) != 1 || got[0].Cmd.Kind != sim.CmdCreateTopic {
		t.Fatalf("recorded commands %+v, want one create-topic", got)
	}
	// A failed create is refused before the engine: nothing is recorded.
	mustFail(t, s, "kafka-topics --create --topic orders --partitions 1"+bs)
	mustFail(t, s, "kafka-topics --create --topic other --replication-factor 9"+bs)
	if n := len(s.Run().Commands()); n != 1 {
		t.Fatalf("failed creates recorded %d commands", n-1)
	}
}

func TestAlterAndDeleteReachTheEngine(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders --partitions 2"+bs)
	mustExec(t, s, "kafka-topics --alter --topic orders --partitions 5"+bs)
	if n := len(topicOf(t, s, "orders").Partitions); n != 5 {
		t.Fatalf("partitions = %d, want 5", n)
	}
	mustExec(t, s, "kafka-topics --delete --topic orders"+bs)
	if _, ok := s.topicView("orders"); ok {
		t.Fatal("orders survived --delete")
	}
}

func TestTopicRegexAndDescribeOrder(t *testing.T) {
	s := newSession(t, 3)
	for _, n := range []string{"orders", "payments", "clicks", "events"} {
		mustExec(t, s, "kafka-topics --create --topic "+n+" --partitions 1"+bs)
	}
	out := mustExec(t, s, "kafka-topics --describe --topic 'o.*|p.*'"+bs)
	var topics []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "Topic: ") {
			topics = append(topics, strings.Fields(l)[1])
		}
	}
	// java.util.HashMap order (see TestDescribeOrderMatchesJava), not sorted.
	if got := strings.Join(topics, ","); got != "orders,payments" {
		t.Fatalf("described %s, want orders,payments (Java's order)", got)
	}
}
