package sandbox

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestCourseWalkthrough plays the course's CLI walkthrough as a teacher's
// script and checks what a learner would see on a real one-broker Kafka 3.9.
func TestCourseWalkthrough(t *testing.T) {
	f, err := os.Open("testdata/course_walkthrough.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := newSession(t, 1)
	var b strings.Builder
	failed, err := s.RunScript(f, &b, false)
	if err != nil || failed != 0 {
		t.Fatalf("RunScript: %d failed, %v\n%s", failed, err, b.String())
	}
	out := b.String()
	golden.RequireEqual(t, out)
	wantLines(t, out,
		"WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.\nCreated topic my_first_topic.\n",
		"$ bin/kafka-topics.sh --list --bootstrap-server localhost:9092\nmy_first_topic\n",
		"Topic: my_first_topic\tTopicId: ",
		"\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: segment.bytes=1073741824\n",
		"\tTopic: my_first_topic\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: \n",
		">Hello Kafka!\n>This is my first message.\n>Learning Kafka is fun!\n",
		"--from-beginning\nHello Kafka!\nThis is my first message.\nLearning Kafka is fun!\nProcessed a total of 3 messages\n",
		"\nConsumer group 'my-first-group' has no active members.\n\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n",
	)
	// The describe rows: every partition committed at its log end, lag 0.
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "my-first-group ") {
			f := strings.Fields(l)
			if len(f) != 9 || f[3] != f[4] || f[5] != "0" || f[6] != "-" {
				t.Errorf("describe row %q", l)
			}
		}
	}
}

func TestScriptConventions(t *testing.T) {
	s := newSession(t, 3)
	script := strings.Join([]string{
		"# a comment is copied",
		"",
		"kafka-topics --create --topic t \\",
		"  --partitions 2" + bs,
		"kafka-console-producer --topic t" + bs,
		"one",
		"two",
		"",
		"kafka-console-producer --topic t --property parse.key=true" + bs,
		"bad line",
		"skipped: the producer has exited",
		"^D",
		"kafka-console-consumer --topic t --from-beginning" + bs,
		"kafka-console-producer --topic t" + bs,
		"left open at the end",
	}, "\n")
	var b strings.Builder
	failed, err := s.RunScript(strings.NewReader(script), &b, false)
	if err != nil {
		t.Fatal(err)
	}
	if failed != 1 {
		t.Errorf("failed = %d, want 1 (the bad line)", failed)
	}
	golden.RequireEqual(t, b.String())
	if s.InputMode() {
		t.Error("the script's end did not end the producer")
	}
	if strings.Contains(b.String(), "skipped") {
		t.Error("a record after the producer stopped was echoed or run")
	}
}

func TestInteractiveScriptPrompts(t *testing.T) {
	s := newSession(t, 3)
	in := "kafka-topics --create --topic t --partitions 1" + bs + "\nkafka-console-producer --topic t" + bs + "\nx\n\n"
	var b strings.Builder
	if _, err := s.RunScript(strings.NewReader(in), &b, true); err != nil {
		t.Fatal(err)
	}
	want := "$ Created topic t.\n$ hint: type one record per line; Ctrl-D ends the producer\n>>>\n"
	if b.String() != want {
		t.Fatalf("interactive transcript:\n%q\nwant\n%q", b.String(), want)
	}
	// The empty line was a record: at a terminal Enter sends an empty value.
	if n := len(topicOf(t, s, "t").Partitions[0].Records); n != 2 {
		t.Fatalf("%d records, want 2", n)
	}
}
