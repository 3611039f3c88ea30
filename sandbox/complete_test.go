package sandbox

import (
	"slices"
	"testing"
)

func TestComplete(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders --partitions 1"+bs)
	mustExec(t, s, "kafka-topics --create --topic other --partitions 1"+bs)
	mustExec(t, s, "kafka-console-consumer --topic orders --group billing"+bs)
	cases := []struct {
		line string
		want []string // each must be offered
		not  []string // none of these may be
	}{
		{"kafka-to", []string{"kafka-topics"}, nil},
		{"kafka-con", []string{"kafka-configs", "kafka-console-consumer", "kafka-console-producer", "kafka-consumer-groups"}, nil},
		{"bin/kafka-t", []string{"bin/kafka-topics.sh"}, []string{"bin/kafka-topics"}},
		{"cr", []string{"crash"}, nil},
		{"kafka-topics --cr", []string{"kafka-topics --create"}, nil},
		{"kafka-topics --create --", []string{"kafka-topics --create --topic", "kafka-topics --create --partitions"}, []string{"kafka-topics --create --create"}},
		{"kafka-topics --describe --topic o", []string{"kafka-topics --describe --topic orders", "kafka-topics --describe --topic other"}, nil},
		{"kafka-topics --list --bootstrap-server ", []string{"kafka-topics --list --bootstrap-server localhost:9092", "kafka-topics --list --bootstrap-server localhost:9092,localhost:9093,localhost:9094"}, nil},
		{"kafka-consumer-groups --describe --group b", []string{"kafka-consumer-groups --describe --group billing"}, nil},
		{"kafka-console-consumer --property print.k", []string{"kafka-console-consumer --property print.key=true"}, nil},
		{"kafka-console-producer --producer-property ac", []string{"kafka-console-producer --producer-property acks=all"}, nil},
		{"kafka-configs --alter --add-config min", []string{"kafka-configs --alter --add-config min.insync.replicas="}, nil},
		{"crash ", []string{"crash broker", "crash consumer"}, nil},
		{"crash broker ", []string{"crash broker 1", "crash broker 2", "crash broker 3"}, nil},
		{"crash consumer ", []string{"crash consumer billing"}, nil},
		{"crash consumer billing ", []string{"crash consumer billing 1"}, nil},
		{"add consumer ", []string{"add consumer billing"}, nil},
		{"play ", []string{"play 5s", "play 10s"}, nil},
	}
	for _, c := range cases {
		got := s.Complete(c.line)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Complete(%q) = %q, lacks %q", c.line, got, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("Complete(%q) offers %q", c.line, n)
			}
		}
	}
	if got := s.Complete("kafka-topics --list"); slices.Contains(got, "kafka-topics --list") {
		t.Error("a completion equal to the line is offered")
	}
	s.Exec("kafka-console-producer --topic orders" + bs)
	if got := s.Complete("kaf"); got != nil {
		t.Errorf("completions in input mode: %q", got)
	}
}
