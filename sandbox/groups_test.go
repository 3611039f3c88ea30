package sandbox

import (
	"strings"
	"testing"
)

func TestGroupsGolden(t *testing.T) {
	setup := []string{
		"kafka-topics --create --topic orders --partitions 3 --replication-factor 2" + bs,
		"kafka-console-producer --topic orders --property parse.key=true --property key.separator=:" + bs,
		"a:1", "b:2", "c:3", "d:4", "e:5", "f:6", "^D",
		"kafka-console-consumer --topic orders --group billing --from-beginning --max-messages 3" + bs,
	}
	cases := map[string][]string{
		"list_and_describe": {
			"kafka-consumer-groups --list" + bs,
			"kafka-consumer-groups --list --state" + bs,
			"kafka-consumer-groups --describe --group billing" + bs,
			"kafka-consumer-groups --describe --group billing --state" + bs,
			"kafka-consumer-groups --describe --group billing --members" + bs,
		},
		"active_members": {
			"add consumer billing",
			"add consumer billing",
			"play 10s",
			"kafka-consumer-groups --describe --group billing" + bs,
			"kafka-consumer-groups --describe --group billing --members --verbose" + bs,
			"kafka-consumer-groups --describe --group billing --state" + bs,
			"crash consumer billing 2",
			"play 2s",
			"kafka-consumer-groups --describe --group billing" + bs,
			"play 50s",
			"kafka-consumer-groups --describe --group billing" + bs,
		},
		"rebalancing": {
			"add consumer billing",
			"play 1s",
			"kafka-consumer-groups --describe --group billing" + bs,
		},
		"unknown_group": {
			"kafka-consumer-groups --describe --group biling" + bs,
			"kafka-consumer-groups --describe --group nobody" + bs,
			"kafka-consumer-groups --delete --group nobody" + bs,
		},
		"delete": {
			"add consumer billing",
			"play 10s",
			"kafka-consumer-groups --delete --group billing" + bs,
			"close consumer billing 2",
			"kafka-consumer-groups --delete --group billing" + bs,
			"kafka-consumer-groups --list" + bs,
			"kafka-consumer-groups --describe --group billing" + bs,
		},
		"reset_offsets": {
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-earliest" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-latest --dry-run" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --shift-by -1 --execute" + bs,
			"kafka-consumer-groups --describe --group billing" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders:0 --to-offset 99 --execute" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-offset -5 --execute" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --all-topics --to-current --export" + bs,
			"kafka-consumer-groups --reset-offsets --group fresh --topic orders --to-earliest --execute" + bs,
			"kafka-consumer-groups --describe --group fresh" + bs,
		},
		"reset_errors": {
			"add consumer billing",
			"play 10s",
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-earliest --execute" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic nope --to-earliest --execute" + bs,
			"kafka-consumer-groups --reset-offsets --group other --topic orders --shift-by 1 --execute" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --to-earliest" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-earliest --to-latest" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-earliest --dry-run --execute" + bs,
			"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-datetime 2024-01-01T00:00:00.000 --execute" + bs,
		},
		"usage_errors": {
			"kafka-consumer-groups --list",
			"kafka-consumer-groups" + bs,
			"kafka-consumer-groups --describe" + bs,
			"kafka-consumer-groups --describe --group billing --members --state" + bs,
			"kafka-consumer-groups --delete" + bs,
			"kafka-consumer-groups --list --describe" + bs,
			"kafka-consumer-groups --describe --group billing --topic orders" + bs,
			"kafka-consumer-groups --descibe --group billing" + bs,
		},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) { goldenScript(t, 3, append(append([]string(nil), setup...), lines...)...) })
	}
}

func TestResetOffsetsReachTheEngine(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	produce(t, s, "t", "1", "2", "3", "4", "5")
	mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs)
	steps := []struct {
		flags string
		want  int64
	}{
		{"--to-earliest", 0}, {"--to-latest", 5}, {"--shift-by -2", 3}, {"--to-offset 1", 1}, {"--shift-by 10", 5}, {"--to-current", 5},
	}
	for _, st := range steps {
		mustExec(t, s, "kafka-consumer-groups --reset-offsets --group g --topic t --execute "+st.flags+bs)
		if c := groupOf(t, s, "g").Offsets[0].Committed; c != st.want {
			t.Fatalf("after %s committed %d, want %d", st.flags, c, st.want)
		}
	}
	// A dry run changes nothing.
	mustExec(t, s, "kafka-consumer-groups --reset-offsets --group g --topic t --to-earliest"+bs)
	if c := groupOf(t, s, "g").Offsets[0].Committed; c != 5 {
		t.Fatalf("dry run moved the offset to %d", c)
	}
}

func TestDescribeColumnsGrowWithLongValues(t *testing.T) {
	s := newSession(t, 3)
	long := "a-rather-long-topic-name-for-columns"
	mustExec(t, s, "kafka-topics --create --topic "+long+" --partitions 1"+bs)
	mustExec(t, s, "kafka-console-consumer --topic "+long+" --group a-long-consumer-group-name"+bs)
	out := mustExec(t, s, "kafka-consumer-groups --describe --group a-long-consumer-group-name"+bs)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	header, row := lines[len(lines)-2], lines[len(lines)-1]
	if strings.Index(header, "TOPIC") != len("a-long-consumer-group-name")+1 {
		t.Errorf("TOPIC column starts at %d:\n%s", strings.Index(header, "TOPIC"), out)
	}
	if strings.Index(header, "PARTITION") != strings.Index(row, " 0 ")+1 {
		t.Errorf("PARTITION column misaligned:\n%s", out)
	}
}
