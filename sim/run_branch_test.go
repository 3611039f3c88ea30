package sim

import (
	"errors"
	"testing"
)

// A what-if branch replays a hand command at the virtual time it was
// given, even when its change (acks=0: no produce responses) makes each
// millisecond take a different number of steps; with no change it is the
// run itself, digest for digest.
func TestPlayBranchReplaysHandCommandsByTime(t *testing.T) {
	cfg := basicConfig(5)
	r, err := NewRun(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(6000)
	if err := r.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	r.RunUntil(20000)
	never := func(int64) bool { return true }

	changed := cfg
	changed.Producers = append([]ProducerConfig(nil), cfg.Producers...)
	changed.Producers[0].Acks = AcksNone
	branch, ok, err := PlayBranch(changed, nil, r.Commands(), 20000, 500, never)
	if err != nil || !ok {
		t.Fatalf("branch: ok %v, err %v", ok, err)
	}
	if branch.Run.Sim().Now() != 20000 {
		t.Fatalf("branch at %d, want 20000", branch.Run.Sim().Now())
	}
	crashes := countEvents(branch.Run.Sim(), EvConsumerCrashed, func(e Event) bool { return e.AtMs == 6000 })
	if crashes != 1 || len(branch.Skipped) != 0 {
		t.Fatalf("the hand crash should replay once at 6000: %d, skipped %v", crashes, branch.Skipped)
	}
	same, _, _ := PlayBranch(cfg, nil, r.Commands(), 20000, 500, never)
	if same.Run.Sim().Digest() != r.Sim().Digest() {
		t.Fatal("a branch with no change should be the run itself")
	}
}

// A hand command the changed config cannot take is reported, not fatal,
// and a pause that says stop stops the branch.
func TestPlayBranchSkipsAndStops(t *testing.T) {
	hand := []Applied{{AtMs: 1000, Cmd: Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 9}}}
	b, ok, err := PlayBranch(basicConfig(2), nil, hand, 5000, 500, func(int64) bool { return true })
	if err != nil || !ok || len(b.Skipped) != 1 || b.Skipped[0].AtMs != 1000 {
		t.Fatalf("want c9's crash skipped at 1000: ok %v, err %v, skipped %v", ok, err, b.Skipped)
	}
	pauses := 0
	_, ok, _ = PlayBranch(basicConfig(2), nil, nil, 60000, 10, func(int64) bool { pauses++; return false })
	if ok || pauses != 1 {
		t.Fatalf("a pause returning false should stop the branch at once: ok %v after %d pauses", ok, pauses)
	}
	bad := basicConfig(2)
	bad.Cluster.Brokers = 0
	if _, _, err := PlayBranch(bad, nil, nil, 1000, 10, func(int64) bool { return true }); err == nil {
		t.Fatal("a config that cannot start should be an error")
	}
	var cfgErr *ConfigError
	if _, _, err := PlayBranch(bad, nil, nil, 1000, 10, nil); !errors.As(err, &cfgErr) {
		t.Fatalf("want a *ConfigError, got %v", err)
	}
}

// The branches part at the first event that differs; each side keeps
// what the other never had, the same facts at another time counting as
// had, and routine traffic left out.
func TestPartBranches(t *testing.T) {
	crash := Event{Type: EvBrokerCrashed, Broker: 2, AtMs: 100}
	later := crash
	later.AtMs = 300
	acked := Event{Type: EvAcked, Producer: "p", AtMs: 200}
	hw := Event{Type: EvHWAdvanced, Topic: "t", AtMs: 200}
	note := Event{Type: EvNote, Text: "same", AtMs: 50}
	at, onlyA, onlyB := PartBranches([]Event{note, crash, acked}, []Event{note, hw, later}, 10)
	if at != 100 {
		t.Fatalf("parted at %d, want 100", at)
	}
	if len(onlyA) != 1 || onlyA[0].Type != EvAcked || len(onlyB) != 0 {
		t.Fatalf("want only A's ack, B nothing (its crash is A's, later; its HW move is traffic): %v / %v", onlyA, onlyB)
	}
	if at, _, _ := PartBranches([]Event{note}, []Event{note}, 10); at != -1 {
		t.Fatalf("equal streams part at %d, want -1", at)
	}
}

// Settle leaves the run at a millisecond nothing has happened in and
// nothing is queued for, so a command given there is the first of its
// millisecond.
func TestSettleFindsAFreeMillisecond(t *testing.T) {
	s := mustNew(t, basicConfig(1))
	s.RunUntil(5000)
	for range 20 {
		Settle(s)
		now := s.Now()
		if next := s.NextAt(); next >= 0 && next <= now {
			t.Fatalf("settled at %d with a happening queued at %d", now, next)
		}
		if n := len(s.Events()); n > 0 && s.Events()[n-1].AtMs >= now {
			t.Fatalf("settled at %d, but an event already happened at %d", now, s.Events()[n-1].AtMs)
		}
		s.Step()
	}
}
