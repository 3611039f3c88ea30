package sandbox

import (
	"strings"
	"testing"
)

// TestEveryFailureHasAHint: a failed command prints Kafka's error and a
// plain-English hint.
func TestEveryFailureHasAHint(t *testing.T) {
	setup := []string{
		"kafka-topics --create --topic orders --partitions 3 --replication-factor 2" + bs,
		"kafka-console-consumer --topic orders --group g" + bs,
	}
	bad := []string{
		"kafka-topics", "kafka-topics --list", "kafka-topics --create --list" + bs, "kafka-topics --create" + bs,
		"kafka-topics --describe --partitions 3" + bs, "kafka-topics --lst" + bs, "kafka-topics --describe --topic" + bs,
		"kafka-topics --create --topic orders" + bs, "kafka-topics --create --topic x --replication-factor 9" + bs,
		"kafka-topics --create --topic x --partitions 0" + bs, "kafka-topics --create --topic x --replication-factor 0" + bs,
		"kafka-topics --create --topic 'a b'" + bs, "kafka-topics --create --topic x --config nope=1" + bs,
		"kafka-topics --create --topic x --config min.insync.replicas=x" + bs, "kafka-topics --create --topic x --config y" + bs,
		"kafka-topics --create --topic x --partitions many" + bs, "kafka-topics --alter --topic orders --partitions 3" + bs,
		"kafka-topics --alter --topic orders --partitions 2" + bs, "kafka-topics --alter --topic orders" + bs,
		"kafka-topics --describe --topic nope" + bs, "kafka-topics --delete --topic nope" + bs,
		"kafka-topics --list --bootstrap-server localhost:1", "kafka-topics --list --bootstrap-server kafka:9092",
		"kafka-topics --list --bootstrap-server nohost", "kafka-topics --describe --topic-id nope" + bs,
		"kafka-topics --delete --topic __consumer_offsets" + bs,
		"kafka-console-producer --topic orders", "kafka-console-producer" + bs, "kafka-console-producer --topic orders --bootstrap-server 1",
		"kafka-console-producer --topic orders --producer-property acks=7" + bs,
		"kafka-console-producer --topic orders --producer-property acks=0 --producer-property enable.idempotence=true" + bs,
		"kafka-console-producer --topic orders --property null.marker=: --property key.separator=:" + bs,
		"kafka-console-consumer --topic orders", "kafka-console-consumer" + bs, "kafka-console-consumer --topic orders --offset 1" + bs,
		"kafka-console-consumer --topic orders --partition 0 --offset x" + bs, "kafka-console-consumer --topic orders --group g --partition 1" + bs,
		"kafka-console-consumer --topic orders --max-messages x" + bs,
		"kafka-console-consumer --topic orders --from-beginning --consumer-property auto.offset.reset=none" + bs,
		"kafka-console-consumer --topic other --group g" + bs,
		"kafka-consumer-groups --list", "kafka-consumer-groups" + bs, "kafka-consumer-groups --describe" + bs,
		"kafka-consumer-groups --describe --group nope" + bs, "kafka-consumer-groups --delete --group nope" + bs,
		"kafka-consumer-groups --reset-offsets --group g --topic orders" + bs,
		"kafka-consumer-groups --reset-offsets --group g --to-earliest" + bs,
		"kafka-consumer-groups --reset-offsets --group g --topic nope --to-earliest" + bs,
		"kafka-consumer-groups --reset-offsets --group h --topic orders --shift-by 1" + bs,
		"kafka-consumer-groups --reset-offsets --group g --topic orders:x --to-earliest" + bs,
		"kafka-consumer-groups --reset-offsets --group g --topic orders --to-offset x" + bs,
		"kafka-consumer-groups --delete-offsets --group g --topic orders" + bs,
		"kafka-configs --describe --topic nope" + bs, "kafka-configs --alter --topic orders --add-config x" + bs,
		"kafka-configs --alter --topic orders --add-config x=1" + bs, "kafka-configs --alter --topic orders --delete-config x" + bs,
		"kafka-configs --alter --topic orders --add-config 'a b=1'" + bs, "kafka-configs --describe --topic orders",
		"kafka-configs --alter --entity-type brokers --entity-name 1 --add-config num.io.threads=16" + bs, "kafka-configs --describe --entity-type nope" + bs,
		"kafka-configs --alter --topic __consumer_offsets --add-config retention.ms=1" + bs,
		"crash", "crash broker 9", "slow broker 1", "play x", "step x", "add consumer nope", "close consumer g 9",
		"nonsense", "'unclosed", "zookeeper-server-start.sh",
	}
	for _, line := range bad {
		s := newSession(t, 3)
		transcript(t, s, setup...)
		r := s.Exec(line)
		if !r.Err {
			t.Errorf("%s: did not fail:\n%s", line, r.Output)
			continue
		}
		if !strings.Contains(r.Output, hintPrefix) {
			t.Errorf("%s: no hint:\n%s", line, r.Output)
		}
	}
}
