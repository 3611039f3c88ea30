package sandbox

import (
	"strings"
	"testing"

	"kafkasim/sim"
)

func TestProducerGolden(t *testing.T) {
	cases := map[string][]string{
		"keys_and_values": {
			"kafka-topics --create --topic users --partitions 3 --replication-factor 1" + bs,
			"kafka-console-producer --topic users --property parse.key=true --property key.separator=:" + bs,
			"alice:login", "bob:login", "alice:logout", "no separator here", "^D",
			"kafka-console-consumer --topic users --from-beginning --property print.key=true --property print.partition=true" + bs,
		},
		"ignore_error_and_null_marker": {
			"kafka-topics --create --topic users --partitions 1" + bs,
			"kafka-console-producer --topic users --property parse.key=true --property key.separator=: --property ignore.error=true --property null.marker=NULL" + bs,
			"plain", "alice:NULL", "NULL:anonymous", "^D",
			"kafka-console-consumer --topic users --from-beginning --property print.key=true --property print.offset=true" + bs,
		},
		"not_enough_replicas": {
			"kafka-topics --create --topic payments --partitions 1 --replication-factor 2 --config min.insync.replicas=2" + bs,
			"crash broker 2",
			"play 10s",
			"kafka-console-producer --topic payments" + bs,
			"pay 10",
			"^D",
			"kafka-console-producer --topic payments --sync" + bs,
			"pay 11",
			"pay 12",
		},
		"acks_1_survives_a_small_isr": {
			"kafka-topics --create --topic payments --partitions 1 --replication-factor 2 --config min.insync.replicas=2" + bs,
			"crash broker 2",
			"play 10s",
			"kafka-console-producer --topic payments --producer-property acks=1" + bs,
			"pay 10",
			"^D",
			"kafka-console-consumer --topic payments --from-beginning" + bs,
		},
		"auto_create": {
			"kafka-console-producer --topic typo" + bs,
			"hello",
			"^D",
			"kafka-topics --describe --topic typo" + bs,
		},
		"config_errors": {
			"kafka-topics --create --topic t --partitions 1" + bs,
			"kafka-console-producer --topic t --producer-property acks=2" + bs,
			"kafka-console-producer --topic t --producer-property acks=1 --producer-property enable.idempotence=true" + bs,
			"kafka-console-producer --topic t --producer-property lingr.ms=5" + bs,
			"^D",
			"kafka-console-producer --topic t" + bs + " --property null.marker=x --property key.separator=x --property parse.key=true",
			"kafka-console-producer" + bs,
			"kafka-console-producer --topic t",
			"kafka-console-producer --topic t --bootstrap-server 9092",
		},
		"unreachable_bootstrap": {
			"kafka-topics --create --topic t --partitions 1" + bs,
			"kafka-console-producer --topic t --bootstrap-server localhost:9099",
			"lost",
			"^D",
		},
		"invalid_topic": {
			"kafka-console-producer --topic 'bad topic'" + bs,
			"x",
		},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) { goldenScript(t, 3, lines...) })
	}
}

func TestProducedKeysFollowTheJavaPartitioner(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic users --partitions 6"+bs)
	r := s.Exec("kafka-console-producer --topic users --property parse.key=true --property key.separator=," + bs)
	if !r.InputMode {
		t.Fatalf("no input mode:\n%s", r.Output)
	}
	keys := []string{"alice", "bob", "carol", "dave", "erin", "frank", "grace"}
	for _, k := range keys {
		if res := s.Input(k + ",v-" + k); res.Err || res.Output != "" || !res.InputMode {
			t.Fatalf("%s: %+v", k, res)
		}
	}
	if res := s.EndInput(); res.InputMode {
		t.Fatal("still in input mode after EndInput")
	}
	tv := topicOf(t, s, "users")
	for _, k := range keys {
		want := sim.PartitionForKey([]byte(k), 6)
		found := false
		for _, rec := range tv.Partitions[want].Records {
			found = found || (!rec.NullKey && rec.Key == k && rec.Value == "v-"+k)
		}
		if !found {
			t.Errorf("key %s is not in partition %d", k, want)
		}
	}
	snap := s.Run().Sim().Snapshot()
	if len(snap.Producers) != 1 || snap.Producers[0].ID != "console-producer" || snap.Producers[0].Acked != len(keys) {
		t.Fatalf("producers = %+v", snap.Producers)
	}
	if c := snap.Producers[0].Config; c.LingerMs != 1000 || c.Retries != 3 || c.RequestTimeoutMs != 1500 || c.Acks != sim.AcksAll {
		t.Errorf("console producer configs = %+v, want ConsoleProducer's defaults", c)
	}
}

func TestEachProducerRunIsANewProducer(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	produce(t, s, "t", "a")
	produce(t, s, "t", "b")
	var ids []string
	for _, p := range s.Run().Sim().Snapshot().Producers {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "console-producer,console-producer-2" {
		t.Fatalf("producers %s", got)
	}
}

func TestProducerSurvivesSteppingBack(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	mustExec(t, s, "step 3")
	mark := s.Run().Sim().StepCount()
	if mark < 2 {
		t.Fatalf("step count %d after step 3", mark)
	}
	s.Exec("kafka-console-producer --topic t" + bs)
	s.Input("one")
	// The learner steps back to before the producer existed, then types on.
	s.Run().Seek(mark - 1)
	if r := s.Input("two"); r.Err {
		t.Fatalf("input after stepping back failed:\n%s", r.Output)
	}
	s.EndInput()
	recs := topicOf(t, s, "t").Partitions[0].Records
	if len(recs) != 1 || recs[0].Value != "two" {
		t.Fatalf("records after the branch: %+v", recs)
	}
}

func TestParseKeyErrorEndsTheProducer(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	s.Exec("kafka-console-producer --topic t --property parse.key=true" + bs)
	r := s.Input("novalue")
	if !r.Err || r.InputMode {
		t.Fatalf("result %+v", r)
	}
	wantLines(t, r.Output, "org.apache.kafka.common.KafkaException: No key separator found on line number 1: 'novalue'")
}
