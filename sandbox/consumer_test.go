package sandbox

import (
	"strings"
	"testing"
)

func TestConsumerGolden(t *testing.T) {
	setup := []string{
		"kafka-topics --create --topic events --partitions 3 --replication-factor 1" + bs,
		"kafka-console-producer --topic events --property parse.key=true --property key.separator=:" + bs,
		"k1:a", "k2:b", "k3:c", "k4:d", "k5:e", "^D",
	}
	cases := map[string][]string{
		"from_beginning_without_group": {
			"kafka-console-consumer --topic events --from-beginning" + bs,
			"kafka-console-consumer --topic events" + bs,
		},
		"formatter_properties": {
			"kafka-console-consumer --topic events --from-beginning --property print.key=true --property print.partition=true --property print.offset=true --property key.separator=' | '" + bs,
			"kafka-console-consumer --topic events --from-beginning --property print.value=false --property print.key=true" + bs,
			"kafka-console-consumer --topic events --from-beginning --property print.headers=true --property print.timestamp=true --max-messages 1" + bs,
		},
		"group_commits_and_resumes": {
			"kafka-console-consumer --topic events --from-beginning --group readers --max-messages 2" + bs,
			"kafka-consumer-groups --describe --group readers" + bs,
			"kafka-console-consumer --topic events --from-beginning --group readers" + bs,
			"kafka-consumer-groups --describe --group readers" + bs,
			"kafka-console-producer --topic events" + bs,
			"late", "^D",
			"kafka-consumer-groups --describe --group readers" + bs,
			"kafka-console-consumer --topic events --group readers" + bs,
		},
		"partition_and_offset": {
			"kafka-console-consumer --topic events --partition 0 --offset earliest --property print.offset=true" + bs,
			"kafka-console-consumer --topic events --partition 0 --offset 1" + bs,
			"kafka-console-consumer --topic events --partition 0 --offset 99" + bs,
			"kafka-console-consumer --topic events --partition 7 --offset 0" + bs,
			"kafka-console-consumer --topic events --partition 0 --offset -3" + bs,
		},
		"timeout_ms": {
			"kafka-console-consumer --topic events --from-beginning --timeout-ms 2000" + bs,
			"kafka-console-consumer --topic events --group g --from-beginning --timeout-ms 2000" + bs,
		},
		"usage_errors": {
			"kafka-console-consumer" + bs,
			"kafka-console-consumer --topic events",
			"kafka-console-consumer --topic events --include 'e.*'" + bs,
			"kafka-console-consumer --topic events --group g --partition 0" + bs,
			"kafka-console-consumer --topic events --offset 3" + bs,
			"kafka-console-consumer --topic events --from-beginning --consumer-property auto.offset.reset=latest" + bs,
			"kafka-console-consumer --topic events --group a --consumer-property group.id=b" + bs,
			"kafka-console-consumer --topic events --from-begining" + bs,
		},
		"include_regex": {
			"kafka-console-consumer --include 'ev.*' --from-beginning --max-messages 2" + bs,
		},
		"offline_partition": {
			"crash broker 2",
			"play 10s",
			"kafka-console-consumer --topic events --from-beginning" + bs,
		},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) { goldenScript(t, 3, append(append([]string(nil), setup...), lines...)...) })
	}
}

func TestGroupConsumerCommitsWhatItRead(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 2"+bs)
	produce(t, s, "t", "1", "2", "3")
	out := mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs)
	if !strings.HasSuffix(out, "Processed a total of 3 messages\n") {
		t.Fatalf("output:\n%s", out)
	}
	g := groupOf(t, s, "g")
	if g.State != "Empty" || len(g.Config.Topics) != 1 || g.Config.AutoOffsetReset != "earliest" {
		t.Fatalf("group %+v", g)
	}
	total := int64(0)
	for _, off := range g.Offsets {
		if off.Committed != off.LogEnd {
			t.Errorf("%s-%d committed %d, log end %d", off.Topic, off.Partition, off.Committed, off.LogEnd)
		}
		total += off.Committed
	}
	if total != 3 {
		t.Errorf("committed offsets add up to %d, want 3", total)
	}
	// A second run reads nothing new: the group resumes from its offsets.
	if out := mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs); !strings.Contains(out, "Processed a total of 0 messages") {
		t.Fatalf("second run:\n%s", out)
	}
}

func TestMaxMessagesCommitsOnlyWhatWasPrinted(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	produce(t, s, "t", "1", "2", "3", "4")
	mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning --max-messages 1"+bs)
	if c := groupOf(t, s, "g").Offsets[0].Committed; c != 1 {
		t.Fatalf("committed %d after printing one record, want 1", c)
	}
	out := mustExec(t, s, "kafka-console-consumer --topic t --group g"+bs)
	if !strings.HasPrefix(out, "2\n3\n4\n") {
		t.Fatalf("the next run should resume at offset 1:\n%s", out)
	}
}

func TestConsumerJoinsAGroupWithOtherMembers(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 2"+bs)
	mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs)
	mustExec(t, s, "add consumer g")
	mustExec(t, s, "play 10s")
	produce(t, s, "t", "x", "y", "z")
	out := mustExec(t, s, "kafka-console-consumer --topic t --group g"+bs)
	if !strings.Contains(out, "Processed a total of") {
		t.Fatalf("output:\n%s", out)
	}
	g := groupOf(t, s, "g")
	if len(g.Members) != 3 {
		t.Fatalf("members %d, want 3 (console, c2, console)", len(g.Members))
	}
	// The console consumers have closed; c2 stays and owns everything again.
	if g.State != "Stable" && g.State != "PreparingRebalance" && g.State != "CompletingRebalance" {
		t.Fatalf("state %s", g.State)
	}
}

func TestConsumerOnAnotherTopicNeedsAnotherGroup(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic a --partitions 1"+bs)
	mustExec(t, s, "kafka-topics --create --topic b --partitions 1"+bs)
	mustExec(t, s, "kafka-console-consumer --topic a --group g"+bs)
	out := mustFail(t, s, "kafka-console-consumer --topic b --group g"+bs)
	wantLines(t, out, "hint: group g consumes a; the simulator cannot yet add another topic")
}

func TestDeletedGroupCanBeUsedAgain(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	produce(t, s, "t", "1", "2")
	mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs)
	mustExec(t, s, "kafka-consumer-groups --delete --group g"+bs)
	if _, ok := findGroup(s.Run().Sim().Snapshot(), "g"); ok {
		t.Fatal("g still listed after delete")
	}
	out := mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs)
	if !strings.HasPrefix(out, "1\n2\n") {
		t.Fatalf("a new g should read from the beginning:\n%s", out)
	}
	if c := groupOf(t, s, "g").Offsets[0].Committed; c != 2 {
		t.Fatalf("committed %d, want 2", c)
	}
}
