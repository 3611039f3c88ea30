package lessons

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// playerLesson is a small lesson over the-log, independent of the content
// files so the Player's behaviour is pinned down on its own.
const playerLesson = `+++
number = 1
title = "T"
scenario = "the-log"
summary = "S"
[[stop]]
at = "2s"
text = "look"
watch = ["partition.events-0.leo", "group.nobody.lag"]
[[stop]]
at = "5s"
text = "guess"
  [stop.predict]
  question = "LEO at 8s?"
  metric = "partition.events-0.leo"
  reveal = "8s"
  explain = "It was {value}."
[[stop]]
at = "9s"
text = "choose"
  [stop.predict]
  question = "Any records?"
  metric = "partition.events-0.leo"
  reveal = "9s"
  choices = ["yes", "no"]
  means = ["> 0", "== 0"]
[challenge]
goal = "g"
hint = "the hint"
by = "20s"
  [[challenge.expect]]
  brokers_up = "== 0"
  [[challenge.solution]]
  at = "2s"
  do = "crash-broker"
  broker = 1
+++
Body.
`

func newTestPlayer(t *testing.T) *Player {
	t.Helper()
	l, err := Parse("01-player.md", []byte(playerLesson))
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(l); err != nil {
		t.Fatal(err)
	}
	p, err := NewPlayer(l, 0)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// metricAt runs the-log on its own to ms and reads a metric: the value the
// Player must report, computed independently.
func metricAt(t *testing.T, seed uint64, ms int64, name string) int64 {
	t.Helper()
	sc, err := scenarios.Load("the-log")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(seed)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(ms)
	v, err := scenarios.Metric(s.Snapshot(), name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestPlayerStopsAreNotSkipped(t *testing.T) {
	p := newTestPlayer(t)
	s, ok := p.Advance(60_000)
	if !ok || s.AtMs != 2000 || p.Sim().Now() != 2000 || p.PausedIndex() != 0 {
		t.Fatalf("Advance stopped at %v (now %d), want the 2s stop", s, p.Sim().Now())
	}
	if _, ok := p.Advance(60_000); !ok || p.Sim().Now() != 2000 {
		t.Fatal("Advance moved on while paused")
	}
	w := p.Watch()
	if len(w) != 2 || w[0].Err != nil || w[0].Value != metricAt(t, p.Seed(), 2000, "partition.events-0.leo") {
		t.Errorf("watch = %+v", w)
	}
	if w[1].Err == nil {
		t.Error("a metric of a group that does not exist gave no error")
	}
	if _, err := p.Predict("3"); !errors.Is(err, ErrNoPrediction) {
		t.Errorf("Predict at a stop without a question: %v", err)
	}
	p.Continue()
	if _, ok := p.Advance(3000); ok || p.Sim().Now() != 3000 {
		t.Errorf("Advance(3s) paused or missed: now %d", p.Sim().Now())
	}
	if s, ok := p.RunToNextStop(); !ok || s.AtMs != 5000 {
		t.Errorf("RunToNextStop = %v", s)
	}
}

func TestPlayerPredictUsesTheEngine(t *testing.T) {
	p := newTestPlayer(t)
	p.RunToNextStop()
	p.Continue()
	p.RunToNextStop() // the 5s stop, revealed at 8s
	want := metricAt(t, p.Seed(), 8000, "partition.events-0.leo")
	if want == 0 {
		t.Fatal("the-log wrote nothing by 8s: the test needs records")
	}
	if _, err := p.Predict("lots"); err == nil {
		t.Fatal("a non-number answer was accepted")
	}
	r, err := p.Predict(strconv.FormatInt(want+1, 10))
	if err != nil {
		t.Fatal(err)
	}
	if r.Right || r.Value != want || r.RevealMs != 8000 || p.Sim().Now() != 8000 {
		t.Errorf("result %+v, now %d; want wrong with value %d at 8s", r, p.Sim().Now(), want)
	}
	if !strings.Contains(r.Message, "It was "+strconv.FormatInt(want, 10)+".") {
		t.Errorf("message does not carry the real value: %q", r.Message)
	}
	if _, err := p.Predict("1"); !errors.Is(err, ErrAnswered) {
		t.Errorf("second answer: %v", err)
	}
	if got, ok := p.Answer(1); !ok || got.Value != want {
		t.Errorf("Answer(1) = %+v, %v", got, ok)
	}
	p.Continue()
	p.RunToNextStop()
	if _, err := p.Predict("maybe"); err == nil {
		t.Error("an answer outside the choices was accepted")
	}
	r, err = p.Predict("YES")
	if err != nil || !r.Right || r.Expected != "yes" {
		t.Errorf("choice answer: %+v, %v", r, err)
	}
}

func TestPlayerChallenge(t *testing.T) {
	p := newTestPlayer(t)
	if ok, d := p.CheckChallenge(); ok || p.Attempts() != 0 || len(d) != 1 {
		t.Fatalf("checking during the tour: %v %v, attempts %d", ok, d, p.Attempts())
	}
	for range 2 {
		if err := p.StartChallenge(); err != nil {
			t.Fatal(err)
		}
		if ok, _ := p.CheckChallenge(); ok {
			t.Fatal("doing nothing passed")
		}
		if p.Sim().Now() != 20_000 {
			t.Errorf("judged at %d, want the challenge's by = 20s", p.Sim().Now())
		}
		if err := p.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: 1}); !errors.Is(err, ErrJudged) {
			t.Errorf("Apply after the verdict: %v", err)
		}
	}
	if h := p.NextHint(); h.Text != "the hint" || h.Level != HintMechanism {
		t.Errorf("NextHint() = %+v: a one-sentence hint is the mechanism", h)
	}
	if err := p.Restart(); err != nil || p.Mode() != ChallengeRun {
		t.Fatalf("Restart: %v, mode %v", err, p.Mode())
	}
	if err := p.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: 9}); err == nil {
		t.Error("the engine accepted a broker that does not exist")
	}
	if err := playSolution(p); err != nil {
		t.Fatal(err)
	}
	if a := p.Actions(); len(a) != 1 || a[0].AtMs != 2000 {
		t.Errorf("actions = %+v", a)
	}
	if ok, d := p.CheckChallenge(); !ok || !p.Passed() || p.Attempts() != 3 {
		t.Errorf("solution: %v %v, attempts %d", ok, d, p.Attempts())
	}
	if ok, _ := p.CheckChallenge(); !ok || p.Attempts() != 3 {
		t.Error("a second check of the same run counted again or changed its verdict")
	}
}

func TestTrafficOnly(t *testing.T) {
	tl := []sim.Scheduled{
		{AtMs: 1, Cmd: sim.Command{Kind: sim.CmdProduce}},
		{AtMs: 2, Cmd: sim.Command{Kind: sim.CmdCrashBroker}},
		{AtMs: 3, Cmd: sim.Command{Kind: sim.CmdNote}},
	}
	got := trafficOnly(tl)
	if len(got) != 2 || got[0].AtMs != 1 || got[1].AtMs != 3 {
		t.Errorf("trafficOnly = %+v", got)
	}
}
