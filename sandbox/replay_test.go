package sandbox

import (
	"reflect"
	"strings"
	"testing"

	"kafkasim/sim"
)

// TestSteppingBackReplaysTheSandbox: everything the sandbox did went
// through the run's Apply, so going back to the start and forward again
// rebuilds exactly the same cluster.
func TestSteppingBackReplaysTheSandbox(t *testing.T) {
	s := newSession(t, 3)
	transcript(t, s,
		"kafka-topics --create --topic orders --partitions 3 --replication-factor 2"+bs,
		"kafka-console-producer --topic orders --property parse.key=true --property key.separator=:"+bs,
		"a:1", "b:2", "c:3", "^D",
		"kafka-console-consumer --topic orders --group billing --from-beginning --max-messages 2"+bs,
		"kafka-configs --alter --topic orders --add-config retention.ms=600000"+bs,
		"kafka-topics --alter --topic orders --partitions 4"+bs,
		"add consumer billing",
		"crash broker 3",
		"play 20s",
		"kafka-console-producer --topic orders"+bs,
		"d", "^D",
		"crash consumer billing 2",
		"play 50s",
		"kafka-consumer-groups --reset-offsets --group billing --topic orders --to-earliest --execute"+bs,
		"restart broker 3",
		"play 5s",
	)
	step := s.Run().Sim().StepCount()
	want := s.Run().Sim().Digest()
	wantSnap := s.Run().Sim().Snapshot()

	s.Run().Seek(0)
	if s.Run().Sim().StepCount() != 0 {
		t.Fatal("Seek(0) did not go back")
	}
	s.Run().Seek(step)
	if got := s.Run().Sim().Digest(); got != want {
		t.Fatalf("replayed digest %s, want %s", got, want)
	}
	got := s.Run().Sim().Snapshot()
	// play moves the clock past the last step, and replica lag is measured
	// against the clock.
	clearLag(got)
	clearLag(wantSnap)
	if !reflect.DeepEqual(got.Topics, wantSnap.Topics) || !reflect.DeepEqual(got.Groups, wantSnap.Groups) {
		t.Fatal("replayed topics or groups differ")
	}
}

func clearLag(snap sim.Snapshot) {
	for _, tv := range snap.Topics {
		for _, pv := range tv.Partitions {
			for i := range pv.ReplicaLogs {
				pv.ReplicaLogs[i].LagMs = 0
			}
		}
	}
}

// TestOnlyChangesAreRecorded: reading commands record nothing; each change
// is one engine command of the matching kind.
func TestOnlyChangesAreRecorded(t *testing.T) {
	s := newSession(t, 3)
	transcript(t, s,
		"kafka-topics --create --topic t --partitions 1"+bs,
		"kafka-topics --list"+bs,
		"kafka-topics --describe"+bs,
		"kafka-console-producer --topic t"+bs, "x", "^D",
		"kafka-console-consumer --topic t --from-beginning"+bs,
		"kafka-console-consumer --topic t --group g --from-beginning"+bs,
		"kafka-consumer-groups --list"+bs,
		"kafka-consumer-groups --describe --group g"+bs,
		"kafka-configs --describe --topic t"+bs,
		"kafka-consumer-groups --delete --group g"+bs,
		"help",
	)
	var kinds []string
	for _, c := range s.Run().Commands() {
		kinds = append(kinds, string(c.Cmd.Kind))
	}
	want := []sim.CommandKind{sim.CmdCreateTopic, sim.CmdAddProducer, sim.CmdProduce, sim.CmdAddGroup, sim.CmdCloseConsumer, sim.CmdDeleteGroup}
	var w []string
	for _, k := range want {
		w = append(w, string(k))
	}
	if strings.Join(kinds, ",") != strings.Join(w, ",") {
		t.Fatalf("recorded %v, want %v", kinds, w)
	}
}

// TestSameSeedSameTranscript: the sandbox is deterministic.
func TestSameSeedSameTranscript(t *testing.T) {
	lines := []string{
		"kafka-topics --create --topic t --partitions 3 --replication-factor 3" + bs,
		"kafka-console-producer --topic t" + bs, "a", "b", "c", "^D",
		"crash broker 1", "play 15s",
		"kafka-console-consumer --topic t --group g --from-beginning --property print.partition=true" + bs,
		"kafka-consumer-groups --describe --group g" + bs,
	}
	a := transcript(t, newSession(t, 3), lines...)
	b := transcript(t, newSession(t, 3), lines...)
	if a != b {
		t.Fatalf("two runs differ:\n%s\n---\n%s", a, b)
	}
}
