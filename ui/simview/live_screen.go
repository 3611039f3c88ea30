package simview

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/internal/atomicfile"
	"kafkasim/scenarios"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
	"kafkasim/ui/theme"
)

// LiveTickMsg redraws a live run: the server moves the clock, the screen
// only looks, so the frames do not stop when a menu or a drill-down opens.
type LiveTickMsg struct{}

// NewLive is the simulator screen on a live run, without the
// controls that move time: the wall clock does.
func NewLive(st *theme.Styles, keys keys.Sim, live Live) *Screen {
	off := []*key.Binding{&keys.Play, &keys.StepFwd, &keys.StepBack, &keys.NextMark, &keys.PrevMark, &keys.GoTo,
		&keys.NextRebalance, &keys.NextCommit, &keys.NextElection, &keys.Faster, &keys.Slower, &keys.Restart,
		&keys.Seed, &keys.Share, &keys.WhatIf, &keys.Command}
	for _, k := range off {
		k.SetEnabled(false)
	}
	keys.Share.SetEnabled(live.Export != nil) // x writes the session as a scenario
	start := func(simrun.Spec) (simrun.Runner, error) { return liveRun{live: live}, nil }
	m := New(st, keys, liveSpec(live.Addrs), start)
	m.live = &live
	m.Menu = m.Menu.WithSubtitle("goes to the cluster now, under your clients")
	m.Menu.Keep = serverSideFault
	m.Timeline.KeysHint = ""
	m.Status = liveNote(live.Addrs)
	return m
}

// liveTick draws what the clients and the clock did since the last frame.
func (m *Screen) liveTick() tea.Cmd {
	select {
	case <-m.live.Done:
		return tea.Quit
	default:
	}
	m.Playing = true
	m.Hot.decay()
	m.AbsorbNew(false)
	m.Refresh()
	if m.statusFrames > 0 {
		if m.statusFrames--; m.statusFrames == 0 {
			m.Status = ""
		}
	}
	if m.Status == "" {
		m.Status = liveNote(m.live.Addrs)
	}
	return liveFrame()
}

// liveFrame schedules the next live frame.
func liveFrame() tea.Cmd {
	return FrameTick(FrameInterval, func(time.Time) tea.Msg { return LiveTickMsg{} })
}

// Record tells one record's story for the record inspector.
func (r liveRun) Record(id int) (story sim.RecordStory, ok bool) {
	r.do(func(s *sim.Sim) { story, ok = s.Record(id) })
	return story, ok
}

// liveHeader fills the header for a live run: its speed and seed.
func (m *Screen) liveHeader(h *components.HeaderInfo) {
	h.Live, h.Ended = true, false
	h.Speed = "×" + strconv.FormatFloat(max(m.live.Speed, 0), 'g', -1, 64)
	if m.live.Speed <= 0 {
		h.Speed = "×1"
	}
	m.live.Cluster.Do(func(s *sim.Sim) { h.Seed = s.Config().Seed })
}

// serverSideFault keeps the faults of brokers, controllers and topics: a
// live run's producers and consumers are the learner's own programs, which
// the engine cannot crash, pause or add to.
func serverSideFault(k components.FaultKind) bool {
	return !strings.Contains(k.Label, "consumer") && !strings.Contains(k.Label, "producer")
}

// liveExportCmd writes the live session as a scenario file (Live.Export)
// off the UI goroutine, and runs the file once for the digest it prints.
func (m *Screen) liveExportCmd(path string) tea.Cmd {
	export := m.live.Export
	return func() tea.Msg {
		data, err := export()
		var digest string
		if err == nil {
			digest, err = scenarios.DigestOf(path, data)
		}
		if err == nil {
			err = atomicfile.Write(path, data, 0o644)
		}
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		return ExportDoneMsg{Path: path, Digest: digest, Exact: true, Err: err}
	}
}
