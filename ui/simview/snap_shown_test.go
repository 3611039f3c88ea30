package simview

import (
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// playedScreen plays the 100-partition ×100 load for a few frames at w×h.
func playedScreen(t *testing.T, w, h int) (*Screen, time.Time) {
	t.Helper()
	m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), playbackSpec(600_000), simrun.New)
	m.SetSize(w, h)
	m.Speed = len(Speeds) - 1
	m.Playing = true
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 20 {
		clock = clock.Add(FrameInterval)
		m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
		_ = m.View()
	}
	return m, clock
}

// recordsOnlyWhereShown fails unless the snapshot holds the records of
// exactly the logs the logs pane lays out, and those hold records.
func recordsOnlyWhereShown(t *testing.T, m *Screen, when string) {
	t.Helper()
	shown := m.Logs.shownParts(&m.Snap)
	if len(shown) == 0 || len(shown) >= partitionCount(&m.Snap) {
		t.Fatalf("%s: the logs pane lays out %d of %d partitions; the test needs some, not all", when, len(shown), partitionCount(&m.Snap))
	}
	for i := range partitionCount(&m.Snap) {
		p := PartitionAt(&m.Snap, i)
		on := slices.Contains(shown, partAt{p.Topic, p.Partition})
		if on && p.LogEnd > p.LogStart && len(p.Records) == 0 {
			t.Fatalf("%s: %s-%d is on screen with records %d..%d, but the snapshot holds none", when, p.Topic, p.Partition, p.LogStart, p.LogEnd)
		}
		if !on && p.Records != nil {
			t.Fatalf("%s: %s-%d is off screen, but the snapshot holds %d of its records", when, p.Topic, p.Partition, len(p.Records))
		}
	}
}

// A played frame on 100 partitions copies the records of only the logs
// the screen shows, and draws exactly what a snapshot of every log
// draws: the same moment, the same screen, legend included.
func TestPlayedFrameHoldsOnlyShownLogs(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 36}, {160, 48}} {
		m, _ := playedScreen(t, size[0], size[1])
		recordsOnlyWhereShown(t, m, "a played frame")
		partial := m.View()
		m.Refresh() // every log, at the same moment
		if m.snapShown != nil {
			t.Fatal("Refresh left records out")
		}
		if full := m.View(); full != partial {
			t.Errorf("%dx%d: the frame drawn from the shown logs differs from the one drawn from all:\n%s\n---\n%s", size[0], size[1], partial, full)
		}
	}
}

// On the built-ins whose logs hold transaction markers, aborted records,
// tombstones, null keys and duplicates, a small screen shows some logs
// only: every played frame draws what a snapshot of every log draws, so
// the legend still lists the marks of the logs it left out (at 80
// columns the legend's end may be cut, so what it reads is compared too).
func TestPlayedBuiltInsDrawAsFromEveryLog(t *testing.T) {
	unshown := 0
	for _, name := range []string{"exactly-once", "transaction-failover", "compaction", "producer-retries", "keys", "partitions"} {
		spec, err := library{}.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), spec, simrun.New)
		m.SetSize(80, 24)
		m.Speed, m.Playing = 4, true
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for f := 0; m.Playing && f < 400; f++ {
			clock = clock.Add(FrameInterval)
			m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
			if f%10 != 0 || m.snapShown == nil {
				continue
			}
			if m.Snap.Unshown != (sim.TailMarks{}) {
				unshown++
			}
			partial, marks := m.View(), scanContents(&m.Snap)
			m.Refresh()
			if all := scanContents(&m.Snap); all != marks {
				t.Fatalf("%s frame %d: the logs legend reads %+v from the shown logs, %+v from all", name, f, marks, all)
			}
			if full := m.View(); full != partial {
				t.Fatalf("%s frame %d: the frame drawn from the shown logs differs from the one drawn from all:\n%s\n---\n%s", name, f, partial, full)
			}
		}
	}
	if unshown == 0 {
		t.Error("no frame left out a log with a mark: the test proves less than it says")
	}
}

// Scrolling the logs pane while playing shows the newly laid-out logs'
// records at once, whether the scroll came as a key or not, and the next
// played frame copies them.
func TestScrolledLogsShowTheirRecords(t *testing.T) {
	m, clock := playedScreen(t, 160, 48)
	before := m.Logs.shownParts(&m.Snap)
	m.SetFocus(components.PaneLogs)
	m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
	if m.snapShown != nil {
		t.Fatal("a key was handled on a snapshot that leaves logs out")
	}
	after := m.Logs.shownParts(&m.Snap)
	if slices.Equal(before, after) {
		t.Fatal("page down did not move the logs pane")
	}
	clock = clock.Add(FrameInterval)
	m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
	recordsOnlyWhereShown(t, m, "the frame after page down")

	// A scroll without a message (a parent moving the pane): the frame
	// drawn next takes every log's records before it draws.
	m.Logs.Scroll(m.Logs.BodyHeight())
	partial := m.View()
	if m.snapShown != nil {
		t.Fatal("the logs pane moved past the frame's snapshot, and View drew from it")
	}
	if again := m.View(); again != partial {
		t.Error("the frame after a scroll differs from the same frame drawn again")
	}
	clock = clock.Add(FrameInterval)
	m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
	recordsOnlyWhereShown(t, m, "the frame after a scroll")
}

// The record inspector, opened while playing, finds the newest record of
// the first shown log that has one and can move to any other partition:
// it works on every log's records.
func TestInspectorWhilePlayingSeesEveryLog(t *testing.T) {
	m, _ := playedScreen(t, 160, 48)
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(m.KeyMap.Inspect.Keys()[0])})
	if !m.Drill.IsOpen() || m.snapShown != nil {
		t.Fatalf("the inspector did not open on every log's records (open %v)", m.Drill.IsOpen())
	}
	for range partitionCount(&m.Snap) - 1 {
		m.movePartition(1)
	}
	c := m.Drill.Cur
	if p, _ := FindPartition(&m.Snap, c.Topic, c.Partition); p == nil || len(p.Records) == 0 {
		t.Fatalf("the cursor went round to %s-%d without its records", c.Topic, c.Partition)
	}
}

// A group far behind its log pulls each row's window back to its
// position, thousands of records below the log's end: a played frame
// then copies the records of that window (and the one below it), not
// every record from the position to the end, and still draws what a
// snapshot of every log draws.
func TestLaggingRowsKeepOnlyWhatTheyDraw(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		spec := playbackSpec(600_000)
		spec.Config.Groups[0].ProcessingMs = 5 // 200 records a second per consumer, 1000 arrive
		m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), spec, simrun.New)
		m.SetSize(size[0], size[1])
		m.Speed, m.Playing = len(Speeds)-1, true
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for range 40 {
			clock = clock.Add(FrameInterval)
			m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
			_ = m.View()
		}
		if m.snapShown == nil {
			t.Fatal("the last played frame took every log's records")
		}
		slots := m.Logs.slotsFor(logLabelWidth(&m.Snap))
		behind := 0
		m.Logs.eachShown(&m.Snap, func(p *sim.PartitionView, from, to int64) {
			if p.LogEnd-from > int64(4*slots) {
				behind++
			}
			if len(p.Records) > slots+1 {
				t.Errorf("%dx%d: %s-%d draws %d offsets from %d but the snapshot holds %d records", size[0], size[1],
					p.Topic, p.Partition, slots, from, len(p.Records))
			}
		})
		if behind == 0 {
			t.Fatalf("%dx%d: no row's window is far behind its log's end: the test proves nothing", size[0], size[1])
		}
		partial := m.View()
		m.Refresh()
		if full := m.View(); full != partial {
			t.Errorf("%dx%d: the lagging frame drawn from its windows differs from the one drawn from every record:\n%s\n---\n%s",
				size[0], size[1], partial, full)
		}
	}
}
