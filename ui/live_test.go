package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
	"kafkasim/ui/simview"
	"kafkasim/wire"
)

// liveFixture serves an empty 3-broker cluster on loopback and opens the
// root model on it, as `kafkasim serve --speed 5` does (a crashed
// leader is replaced after the broker session timeout, 9s virtual).
func liveFixture(t *testing.T) (*wire.Server, Model) {
	t.Helper()
	s, err := sim.New(sim.Config{Seed: 1, Cluster: sim.DefaultCluster(3)})
	if err != nil {
		t.Fatal(err)
	}
	events := NewLiveEvents()
	srv, err := wire.Start(s, wire.Config{Host: "127.0.0.1", Port: 0, Speed: 5, Events: events.Add, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	live := &Live{Cluster: srv, Events: events, Addrs: srv.Addrs(), Speed: 5,
		Export: func() ([]byte, error) { return srv.Export(nil) }}
	m := newModel(Options{Live: live}, plainStyles(), fixtureDeps(3, 1, 1))
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	next, _ = next.(Model).Update(m.Init()())
	return srv, next.(Model)
}

// drawLive draws one live frame of the root model.
func drawLive(m Model) Model {
	next, _ := m.Update(simview.LiveTickMsg{})
	return next.(Model)
}

// A real client's producer and records show on the live screen, and a
// broker crashed from the fault menu goes to the engine at the current
// virtual time; the client then fails over to the new leader (Kafka: the
// producer refreshes metadata on NOT_LEADER_OR_FOLLOWER or a broken
// connection, KIP-91 delivery.timeout.ms bounds its retries).
func TestLiveScreenShowsARealClientAndCrashesItsBroker(t *testing.T) {
	srv, m := liveFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("live-ui"),
		kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.DefaultProduceTopic("demo"),
		kgo.MetadataMinAge(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if _, err := kadm.NewClient(cl).CreateTopics(ctx, 1, 3, nil, "demo"); err != nil {
		t.Fatal(err)
	}
	produce := func(n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			if err := cl.ProduceSync(ctx, &kgo.Record{Key: []byte("k"), Value: []byte("v")}).FirstErr(); err != nil {
				t.Fatal(err)
			}
		}
	}
	produce(5)
	m = drawLive(m)
	view := m.View()
	for _, want := range []string{"● live", "live-ui", "sent 5 acked 5", "demo-0", "live: time follows the wall clock"} {
		if !strings.Contains(view, want) {
			t.Errorf("live screen lacks %q:\n%s", want, view)
		}
	}

	var leader int
	var before int64
	srv.Do(func(s *sim.Sim) { leader, before = s.Snapshot().Topics[0].Partitions[0].Leader, s.Now() })
	keys := []string{"f", "enter"} // crash a broker: the leader
	for i := 1; i < leader; i++ {
		keys = append(keys, "down")
	}
	m = press(t, m, append(keys, "enter")...)
	for _, k := range m.sim.Menu.Kinds {
		if strings.Contains(k.Label, "consumer") || strings.Contains(k.Label, "producer") {
			t.Errorf("the live fault menu offers %q: the clients are the learner's programs", k.Label)
		}
	}
	var up bool
	var crashedAt int64 = -1
	srv.Do(func(s *sim.Sim) { _, up, _ = s.BrokerStatus(leader) })
	for _, e := range m.sim.Events {
		if e.Type == sim.EvBrokerCrashed && e.Broker == leader {
			crashedAt = e.AtMs
		}
	}
	if up || crashedAt < before {
		t.Fatalf("broker %d up=%v, crash event at %d (virtual time before the key %d)", leader, up, crashedAt, before)
	}

	produce(5) // the client's retries find the new leader
	m = drawLive(m)
	if view := m.View(); !strings.Contains(view, "sent 10 acked 10") {
		t.Errorf("after the crash the producer's records do not show:\n%s", view)
	}
}

// The live screen offers no control that moves time: pause, step, marks
// and restart are off, and the clock keeps following the wall clock.
func TestLiveScreenTimeFollowsTheWallClock(t *testing.T) {
	srv, m := liveFixture(t)
	m = press(t, m, "space", "left", "r")
	if m.sim.KeyMap.Play.Enabled() || m.sim.KeyMap.StepBack.Enabled() || m.sim.KeyMap.Restart.Enabled() {
		t.Fatal("a time control is enabled on a live run")
	}
	var a, b int64
	srv.Do(func(s *sim.Sim) { a = s.Now() })
	time.Sleep(60 * time.Millisecond)
	m = drawLive(m)
	srv.Do(func(s *sim.Sim) { b = s.Now() })
	if b-a < 50 {
		t.Fatalf("virtual clock moved %dms in 60ms of wall time", b-a)
	}
	if got := m.sim.Run.Now(); got < b {
		t.Fatalf("screen shows %dms, engine is at %dms", got, b)
	}
}

// A real consumer group shows with its coordinator's state: Stable at the
// generation the JoinGroup/SyncGroup round gave it, its member owning the
// partition (Kafka's classic group protocol, GroupCoordinator).
func TestLiveScreenShowsARealGroup(t *testing.T) {
	srv, m := liveFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	prod, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("live-prod"),
		kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.DefaultProduceTopic("demo"), kgo.AllowAutoTopicCreation())
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()
	if err := prod.ProduceSync(ctx, &kgo.Record{Value: []byte("a")}, &kgo.Record{Value: []byte("b")}).FirstErr(); err != nil {
		t.Fatal(err)
	}
	cons, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("live-cons"), kgo.ConsumerGroup("billing"),
		kgo.ConsumeTopics("demo"), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatal(err)
	}
	defer cons.Close()
	for got := 0; got < 2; {
		fs := cons.PollFetches(ctx)
		if err := ctx.Err(); err != nil {
			t.Fatal(err)
		}
		got += fs.NumRecords()
	}
	m = drawLive(m)
	var members int
	for _, g := range m.sim.Snap.Groups {
		if g.ID == "billing" && g.State == sim.GroupStable && g.Generation >= 1 {
			members = len(g.Members)
		}
	}
	if members != 1 {
		t.Fatalf("billing is not Stable with its one member: %+v", m.sim.Snap.Groups)
	}
	if view := m.View(); !strings.Contains(view, "billing Stable") {
		t.Errorf("groups pane lacks the live group's state:\n%s", view)
	}
}

// x on a live run writes the session as a scenario file, asking before it
// replaces a file, as the simulator screen's share does.
func TestLiveScreenExportsTheSession(t *testing.T) {
	srv, m := liveFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("live-x"), kgo.DefaultProduceTopic("demo"),
		kgo.AllowAutoTopicCreation())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if err := cl.ProduceSync(ctx, &kgo.Record{Key: []byte("k"), Value: []byte("v")}).FirstErr(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "session.toml")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := m.sim
	liveKeys := func(msgs ...tea.Msg) {
		for _, msg := range msgs {
			for cmds := []tea.Cmd{s.Update(msg)}; len(cmds) > 0; cmds = cmds[1:] {
				if cmds[0] == nil {
					continue
				}
				switch out := runWithin(cmds[0], time.Second).(type) {
				case tea.BatchMsg:
					cmds = append(cmds, out...)
				case simview.ExportPathMsg, simview.ExportDoneMsg:
					cmds = append(cmds, s.Update(out))
				}
			}
		}
	}
	liveKeys(keyMsg("x"), tea.KeyMsg{Type: tea.KeyCtrlU}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(path)}, keyMsg("enter"))
	if !s.Prompt.IsOpen() || !strings.Contains(s.Prompt.Title, "Replace") {
		t.Fatalf("x should ask before replacing; prompt open %v, status %q", s.Prompt.IsOpen(), s.Status)
	}
	liveKeys(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")}, keyMsg("enter"))
	if !strings.Contains(s.Status, "wrote "+path) {
		t.Fatalf("status %q", s.Status)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `request = "Produce v`) || !strings.Contains(string(data), `client = "live-x"`) {
		t.Fatalf("the file does not hold the client's produce: %v\n%.400s", err, data)
	}
}

// runWithin runs cmd, giving up (nil) on one that waits, like a frame tick.
func runWithin(cmd tea.Cmd, d time.Duration) tea.Msg {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(d):
		return nil
	}
}
