package sandbox

import (
	"regexp"
	"strings"
	"testing"
)

// TestBackgroundConsumers: two console consumers started with & stay in
// group g and split its two partitions; --describe --members shows them
// as ConsoleConsumerOptions names them (client.id console-consumer, member
// id console-consumer-<uuid>); records print as their polls return them;
// kill runs the shutdown hook: the consumer closes and prints its count.
// Without --group the tool's own random group console-consumer-NNNNN
// (ConsoleConsumerOptions: RANDOM.nextInt(100000)) appears in --list.
func TestBackgroundConsumers(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 2"+bs)
	mustExec(t, s, "kafka-console-consumer --topic t --group g"+bs+" &")
	mustExec(t, s, "kafka-console-consumer --topic t --group g"+bs+" &")
	mustExec(t, s, "play 5s")
	out := mustExec(t, s, "kafka-consumer-groups --describe --group g --members"+bs)
	member := regexp.MustCompile(`(?m)^g +console-consumer-[0-9a-f-]{36} /127\.0\.0\.1 +console-consumer 1 +$`)
	if got := len(member.FindAllString(out, -1)); got != 2 {
		t.Errorf("want two console-consumer members with one partition each, got %d:\n%s", got, out)
	}
	s.Exec("kafka-console-producer --topic t --property parse.key=true --property key.separator=:" + bs)
	var printed strings.Builder
	for _, kv := range []string{"a:1", "b:2", "c:3", "d:4"} {
		printed.WriteString(s.Input(kv).Output)
	}
	s.EndInput()
	printed.WriteString(mustExec(t, s, "play 3s"))
	for _, v := range []string{"\n1\n", "\n2\n", "\n3\n", "\n4\n"} {
		if !strings.Contains("\n"+printed.String(), v) {
			t.Errorf("record %q was not printed by a background consumer:\n%s", strings.TrimSpace(v), printed.String())
		}
	}
	first := mustExec(t, s, "kill %1")
	second := mustExec(t, s, "kill %2")
	total := regexp.MustCompile(`Processed a total of (\d) messages`)
	m1, m2 := total.FindStringSubmatch(first), total.FindStringSubmatch(second)
	if m1 == nil || m2 == nil || m1[1] == "0" || m2[1] == "0" || int(m1[1][0]-'0')+int(m2[1][0]-'0') != 4 {
		t.Errorf("the two consumers should have shared the 4 records:\n%s\n%s", first, second)
	}
	mustFail(t, s, "kill %1")
	mustExec(t, s, "kafka-console-consumer --topic t --from-beginning"+bs+" &")
	out = mustExec(t, s, "kafka-consumer-groups --list"+bs)
	if !regexp.MustCompile(`(?m)^console-consumer-\d{1,5}$`).MatchString(out) {
		t.Errorf("no console-consumer-NNNNN group listed:\n%s", out)
	}
}

// TestGrownTopicWaitsForTheMetadataRefresh: after kafka-topics --alter
// --partitions, a running consumer keeps its assignment until its next
// metadata refresh (metadata.max.age.ms, 5 minutes by default), then the
// group rebalances and the new partition has an owner.
func TestGrownTopicWaitsForTheMetadataRefresh(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	mustExec(t, s, "kafka-console-consumer --topic t --group g"+bs+" &")
	mustExec(t, s, "play 5s")
	mustExec(t, s, "kafka-topics --alter --topic t --partitions 2"+bs)
	owned := func() int {
		n := 0
		for _, m := range groupOf(t, s, "g").Members {
			n += len(m.Assigned)
		}
		return n
	}
	mustExec(t, s, "play 30s")
	if n := owned(); n != 1 {
		t.Errorf("30 s after the alter the consumer owns %d partitions; it should still see 1", n)
	}
	mustExec(t, s, "play 5m")
	if n := owned(); n != 2 {
		t.Errorf("after the 5-minute refresh the consumer owns %d partitions, want 2", n)
	}
}
