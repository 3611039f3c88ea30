package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func runAssign(args ...string) (int, string, string) {
	return runCmd(func(a []string, o, e *bytes.Buffer) int { return Assign(a, o, e) }, args...)
}

func TestAssignText(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"range is the default",
			[]string{"--topic", "orders=5", "--member", "c2=orders", "--member", "c1=orders", "--member", "c3=orders"},
			`strategy: range

MEMBER  COUNT  PARTITIONS
c1      2      orders-0 orders-1
c2      2      orders-2 orders-3
c3      1      orders-4
`},
		{"roundrobin keeps dealing across topics, skipping non-subscribers",
			[]string{"--strategy", "roundrobin", "--topic", "a=3", "--topic", "b=2",
				"--member", "c1=a", "--member", "c2=a,b", "--member", "c3=a", "--member", "c4=b"},
			`strategy: roundrobin

MEMBER  COUNT  PARTITIONS
c1      1      a-0
c2      2      a-1 b-1
c3      1      a-2
c4      1      b-0
`},
		{"more members than partitions",
			[]string{"--strategy", "sticky", "--topic", "t=1", "--member", "a=t", "--member", "b=t"},
			`strategy: sticky

MEMBER  COUNT  PARTITIONS
a       1      t-0
b       0      idle
`},
		{"cooperative-sticky withholds a moving partition",
			[]string{"--strategy", "cooperative-sticky", "--topic", "orders=3",
				"--member", "c1=orders", "--member", "c2=orders", "--owned", "c1=orders-0,orders-1,orders-2"},
			`strategy: cooperative-sticky

MEMBER  COUNT  PARTITIONS
c1      2      orders-0 orders-1
c2      0      idle

withheld until their owner revokes them (assigned in the follow-up rebalance): orders-2
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runAssign(c.args...)
			if code != 0 || out != c.want || errOut != "" {
				t.Fatalf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, out, c.want, errOut)
			}
		})
	}
}

func TestAssignJSON(t *testing.T) {
	// Topic names with '-' in them: --owned splits at the last one.
	code, out, errOut := runAssign("--json", "--strategy", "sticky",
		"--topic", "user-events=4", "--topic", "audit=1",
		"--member", "c1=user-events", "--member", "c2=user-events,audit", "--member", "c3=user-events",
		"--owned", "c1=user-events-0,user-events-1,user-events-2", "--owned", "c2=user-events-3")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	want := `{"assignment":{"c1":["user-events-1","user-events-2"],"c2":["audit-0","user-events-3"],"c3":["user-events-0"]},"strategy":"sticky"}`
	if s := mustJSON(t, got); s != want {
		t.Fatalf("got  %s\nwant %s", s, want)
	}
}

func TestAssignJSONIdleIsEmptyList(t *testing.T) {
	_, out, _ := runAssign("--json", "--topic", "t=1", "--member", "a=t", "--member", "b=t")
	if !strings.Contains(out, `"b": []`) {
		t.Fatalf("idle member not an empty list:\n%s", out)
	}
}

func TestAssignNotes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"undeclared topic", []string{"--topic", "a=1", "--member", "c=a,typo"},
			"note: there is no --topic typo"},
		{"owned ignored by range", []string{"--topic", "a=1", "--member", "c=a", "--owned", "c=a-0"},
			"note: --owned is ignored by range"},
		{"shared claim", []string{"--strategy", "sticky", "--topic", "a=2", "--member", "c=a", "--member", "d=a",
			"--owned", "c=a-0", "--owned", "d=a-0"}, "note: a-0 is owned by 2 members"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := runAssign(c.args...)
			if code != 0 || !strings.Contains(errOut, c.want) {
				t.Fatalf("exit %d, stderr %q, want %q", code, errOut, c.want)
			}
		})
	}
}

func TestAssignHelp(t *testing.T) {
	for _, flag := range []string{"-h", "--help"} {
		code, out, errOut := runAssign("--topic", "a=1", flag)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "Usage: kafkasim assign") || !strings.Contains(out, "Examples:") {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", flag, code, errOut, out)
		}
	}
}

func TestAssignErrors(t *testing.T) {
	member := []string{"--member", "c=a"}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"topic without count", []string{"--topic", "a"}, "want NAME=PARTITIONS"},
		{"zero partitions", []string{"--topic", "a=0"}, "partition count 0 is not a whole number of at least 1"},
		{"too many partitions", []string{"--topic", "a=10001"}, "more than this tool takes"},
		{"bad topic name", []string{"--topic", "a b=1"}, `topic name "a b" is not valid`},
		{"control character in topic", []string{"--topic", "a\x1b=1"}, `topic name "a\x1b" is not valid`},
		{"topic twice", []string{"--topic", "a=1", "--topic", "a=2"}, "topic a is given twice"},
		{"member without topics", []string{"--member", "c"}, "want ID[@INSTANCE]=TOPIC[,TOPIC...]"},
		{"empty instance id", []string{"--member", "c@=a"}, "the group.instance.id after @ is empty"},
		{"empty member id", []string{"--member", "@i=a"}, "a member needs an id before the @"},
		{"instance twice", []string{"--member", "c1@i=a", "--member", "c2@i=a"}, "group.instance.id i is given twice"},
		{"member twice", []string{"--member", "c=a", "--member", "c=a"}, "member c is given twice"},
		{"empty topic in list", []string{"--member", "c=a,,b"}, `topic name "" is not valid`},
		{"no member", []string{"--topic", "a=1"}, "no --member given"},
		{"unknown strategy", append([]string{"--strategy", "fair", "--topic", "a=1"}, member...), "unknown --strategy fair"},
		{"positional argument", append([]string{"--topic", "a=1", "stray"}, member...), "unexpected argument stray"},
		{"owned by a stranger", append([]string{"--topic", "a=1", "--owned", "d=a-0"}, member...), "--owned names d, which is not a --member"},
		{"owned partition missing", append([]string{"--topic", "a=1", "--owned", "c=a-1"}, member...), "topic a has no partition 1"},
		{"owned without number", append([]string{"--topic", "a=1", "--owned", "c=a"}, member...), "a is not TOPIC-PARTITION"},
		{"owned negative", append([]string{"--topic", "a=1", "--owned", "c=a-x"}, member...), "partition x is not a number"},
		{"unknown flag", []string{"--group", "g"}, "flag provided but not defined: -group"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runAssign(c.args...)
			if code != 2 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "kafkasim assign --help") {
				t.Fatalf("stderr %q, want %q and a hint", errOut, c.want)
			}
			checkNoControl(t, errOut)
		})
	}
}

func TestAssignUntrustedMemberID(t *testing.T) {
	code, out, _ := runAssign("--topic", "t=2", "--member", "\x1b[2Jevil=t", "--member", "ok=t")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	checkNoControl(t, out)
	if !strings.Contains(out, `"\x1b[2Jevil"`) {
		t.Fatalf("member id not shown escaped:\n%s", out)
	}
}

func FuzzAssignArgs(f *testing.F) {
	f.Add("sticky", "a=3", "c1=a", "c1=a-0")
	f.Add("cooperative-sticky", "my-topic=2", "x=my-topic,b", "x=my-topic-1")
	f.Add("range", "a=1", "\x1b=a", "")
	f.Fuzz(func(t *testing.T, strategy, topic, member, owned string) {
		args := []string{"--strategy", strategy, "--topic", topic, "--member", member}
		if owned != "" {
			args = append(args, "--owned", owned)
		}
		code, out, errOut := runAssign(args...)
		if code != 0 && code != 2 {
			t.Fatalf("exit %d", code)
		}
		checkNoControl(t, out)
		if code == 2 && out != "" {
			t.Fatalf("error exit with stdout %q (stderr %q)", out, errOut)
		}
	})
}

// What Kafka's assignors accept, kafkasim assign accepts: a member with no
// topics (testOneConsumerNoTopic), owned partitions of a topic that no
// longer exists (testOnlyAssignsPartitionsFromSubscribedTopics, ignored
// with a note), and static members given as ID@INSTANCE (KIP-345), dealt
// first by instance id (RoundRobinAssignorTest.testTwoStaticConsumersTwoTopicsSixPartitions).
func TestAssignAcceptsWhatKafkaAccepts(t *testing.T) {
	code, out, errOut := runAssign("--topic", "t=2", "--member", "c1=", "--member", "c2=t", "--json")
	if compact := strings.Join(strings.Fields(out), ""); code != 0 || !strings.Contains(compact, `"c1":[],"c2":["t-0","t-1"]`) {
		t.Fatalf("empty subscription: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runAssign("--strategy", "sticky", "--topic", "t=3", "--member", "c1=t", "--member", "c2=t",
		"--owned", "c1=other-0,t-0", "--owned", "c2=t-1")
	if code != 0 || !strings.Contains(errOut, "--owned other-0 is ignored") || !strings.Contains(out, "c1      2      t-0 t-2") {
		t.Fatalf("owned partition of a missing topic: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runAssign("--strategy", "roundrobin", "--topic", "topic1=3", "--topic", "topic2=3",
		"--member", "consumer-b@instance1=topic1,topic2", "--member", "consumer-a@instance2=topic1,topic2")
	if code != 0 || !strings.Contains(out, "consumer-b@instance1  3      topic1-0 topic1-2 topic2-1") {
		t.Fatalf("static members: exit %d\n%s%s", code, out, errOut)
	}
}
