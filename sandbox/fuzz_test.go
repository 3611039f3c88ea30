package sandbox

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExec feeds random command lines to a sandbox that has a topic, some
// records and a group: no line may panic, and every output is whole lines.
func FuzzExec(f *testing.F) {
	seeds := []string{
		"kafka-topics --create --topic x --partitions 3 --replication-factor 2" + bs,
		"kafka-topics --describe" + bs + "\nkafka-topics --list" + bs,
		"kafka-topics --alter --topic t --partitions 9" + bs,
		"kafka-topics --delete --topic 't.*'" + bs,
		"kafka-topics --describe --topic '['" + bs,
		"kafka-console-producer --topic t --property parse.key=true --property key.separator=:" + bs + "\nk:v\n:\n^D",
		"kafka-console-producer --topic new --sync" + bs + "\n\x00\n^D",
		"kafka-console-consumer --topic t --from-beginning --max-messages 1 --property print.key=true" + bs,
		"kafka-console-consumer --include '(' " + bs,
		"kafka-console-consumer --topic t --partition 1 --offset 0" + bs,
		"kafka-console-consumer --topic t --group g --timeout-ms 0" + bs,
		"kafka-consumer-groups --describe --all-groups --members --verbose" + bs,
		"kafka-consumer-groups --reset-offsets --all-groups --all-topics --shift-by -99 --execute" + bs,
		"kafka-consumer-groups --reset-offsets --group g --topic t:0,x --to-offset 1" + bs,
		"kafka-consumer-groups --delete --group g --group g" + bs,
		"kafka-configs --alter --topic t --add-config a=[b,c],d=e --delete-config f" + bs,
		"crash broker 1\nplay 10s\nrestart broker 1\nstep 5",
		"slow broker 2 1ms\nadd consumer g\ncrash consumer g 2\nclose consumer g 9",
		"bin/kafka-topics.sh --zookeeper x --list",
		"'\"\\",
		"$ help",
		"kafka-topics --bootstrap-server=localhost:9092,kafka:1,localhost:x --list",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, script string) {
		s := newSession(t, 3)
		transcript(t, s,
			"kafka-topics --create --topic t --partitions 2 --replication-factor 2"+bs,
			"kafka-console-producer --topic t"+bs, "a", "b", "^D",
			"kafka-console-consumer --topic t --group g --max-messages 1 --from-beginning"+bs)
		lines := strings.Split(script, "\n")
		if len(lines) > 8 {
			lines = lines[:8]
		}
		for _, l := range lines {
			for _, c := range s.Complete(l) {
				if !strings.HasPrefix(c, l[:len(l)-len(lastWord(l))]) {
					t.Fatalf("completion %q does not extend %q", c, l)
				}
			}
			var r Result
			if s.InputMode() && l == "^D" {
				r = s.EndInput()
			} else {
				r = s.Exec(l)
			}
			if r.Output != "" && !strings.HasSuffix(r.Output, "\n") {
				t.Fatalf("%q: output does not end a line: %q", l, r.Output)
			}
			if utf8.ValidString(l) && !utf8.ValidString(r.Output) {
				t.Fatalf("%q: output is not UTF-8", l)
			}
			if r.InputMode != s.InputMode() {
				t.Fatalf("%q: result says input mode %v, session %v", l, r.InputMode, s.InputMode())
			}
		}
	})
}

func lastWord(l string) string {
	if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") {
		return ""
	}
	f := strings.Fields(l)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
