package sandbox

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/sim"
)

// bs is the bootstrap flag every Kafka command in the tests carries.
const bs = " --bootstrap-server localhost:9092"

// newSession is a fresh three-broker sandbox with seed 1.
func newSession(t testing.TB, brokers int) *Session {
	t.Helper()
	s, err := New(brokers, 1)
	if err != nil {
		t.Fatalf("New(%d, 1): %v", brokers, err)
	}
	return s
}

// transcript runs a script (one line per argument) and returns what a
// teacher's --script run prints.
func transcript(t testing.TB, s *Session, lines ...string) string {
	t.Helper()
	var b strings.Builder
	if _, err := s.RunScript(strings.NewReader(strings.Join(lines, "\n")+"\n"), &b, false); err != nil {
		t.Fatalf("RunScript: %v", err)
	}
	return b.String()
}

// goldenScript runs a script on a fresh sandbox and compares its
// transcript with testdata/<test name>.golden (go test -update rewrites it).
func goldenScript(t *testing.T, brokers int, lines ...string) *Session {
	t.Helper()
	s := newSession(t, brokers)
	golden.RequireEqual(t, transcript(t, s, lines...))
	return s
}

// mustExec runs a command that must succeed.
func mustExec(t testing.TB, s *Session, line string) string {
	t.Helper()
	r := s.Exec(line)
	if r.Err {
		t.Fatalf("%s failed:\n%s", line, r.Output)
	}
	return r.Output
}

// mustFail runs a command that must fail and returns its output.
func mustFail(t testing.TB, s *Session, line string) string {
	t.Helper()
	r := s.Exec(line)
	if !r.Err {
		t.Fatalf("%s succeeded, want a failure:\n%s", line, r.Output)
	}
	return r.Output
}

// produce sends records through a console producer.
func produce(t testing.TB, s *Session, topic string, records ...string) {
	t.Helper()
	r := s.Exec("kafka-console-producer" + bs + " --topic " + topic)
	if !r.InputMode {
		t.Fatalf("producer did not start:\n%s", r.Output)
	}
	for _, rec := range records {
		if res := s.Input(rec); res.Err {
			t.Fatalf("record %q failed:\n%s", rec, res.Output)
		}
	}
	s.EndInput()
}

// topicOf is a topic from a full snapshot, records included.
func topicOf(t testing.TB, s *Session, name string) sim.TopicView {
	t.Helper()
	for _, tv := range s.Run().Sim().Snapshot().Topics {
		if tv.Name == name {
			return tv
		}
	}
	t.Fatalf("no topic %s", name)
	return sim.TopicView{}
}

func groupOf(t testing.TB, s *Session, id string) sim.GroupView {
	t.Helper()
	g, ok := findGroup(s.Run().Sim().Snapshot(), id)
	if !ok {
		t.Fatalf("no group %s", id)
	}
	return g
}

// wantLines fails unless out contains every line given.
func wantLines(t testing.TB, out string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(out, l) {
			t.Errorf("output lacks %q:\n%s", l, out)
		}
	}
}
