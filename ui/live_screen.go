package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// liveTickMsg redraws a live run: the server moves the clock, the screen
// only looks, so the frames do not stop when a menu or a drill-down opens.
type liveTickMsg struct{}

// openLiveMsg opens the simulator screen on Options.Live.
type openLiveMsg struct{}

// playLive opens the simulator screen on a live run.
func (m Model) playLive() (tea.Model, tea.Cmd) {
	m.pauseAll()
	m.sim = newLiveScreen(m.st, newSimKeys(m.global), *m.opts.Live)
	m.sim.hot.still = m.opts.NoMotion
	m.sim.SetSize(m.w, m.h)
	m.current = ScreenSim
	return m, m.sim.Init()
}

// newLiveScreen is the simulator screen on a live run, without the
// controls that move time: the wall clock does.
func newLiveScreen(st *Styles, keys simKeys, live Live) *simScreen {
	off := []*key.Binding{&keys.Play, &keys.StepFwd, &keys.StepBack, &keys.NextMark, &keys.PrevMark, &keys.GoTo,
		&keys.NextRebalance, &keys.NextCommit, &keys.NextElection, &keys.Faster, &keys.Slower, &keys.Restart,
		&keys.Seed, &keys.Share, &keys.WhatIf, &keys.Command}
	for _, k := range off {
		k.SetEnabled(false)
	}
	keys.Share.SetEnabled(live.Export != nil) // x writes the session as a scenario
	start := func(scenarioSpec) (runner, error) { return liveRun{live: live}, nil }
	m := newSimScreen(st, keys, liveSpec(live.Addrs), start)
	m.live = &live
	m.menu = m.menu.WithSubtitle("goes to the cluster now, under your clients")
	m.menu.keep = serverSideFault
	m.timeline.keysHint = ""
	m.status = liveNote(live.Addrs)
	return m
}

// liveTick draws what the clients and the clock did since the last frame.
func (m *simScreen) liveTick() tea.Cmd {
	select {
	case <-m.live.Done:
		return tea.Quit
	default:
	}
	m.playing = true
	m.hot.decay()
	m.absorbNew(false)
	m.refresh()
	if m.statusFrames > 0 {
		if m.statusFrames--; m.statusFrames == 0 {
			m.status = ""
		}
	}
	if m.status == "" {
		m.status = liveNote(m.live.Addrs)
	}
	return liveFrame()
}

// liveFrame schedules the next live frame.
func liveFrame() tea.Cmd {
	return frameTick(frameInterval, func(time.Time) tea.Msg { return liveTickMsg{} })
}

// Record tells one record's story for the record inspector.
func (r liveRun) Record(id int) (story sim.RecordStory, ok bool) {
	r.do(func(s *sim.Sim) { story, ok = s.Record(id) })
	return story, ok
}

// liveHeader fills the header for a live run: its speed and seed.
func (m *simScreen) liveHeader(h *headerInfo) {
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
func serverSideFault(k faultKind) bool {
	return !strings.Contains(k.Label, "consumer") && !strings.Contains(k.Label, "producer")
}

// liveExportCmd writes the live session as a scenario file (Live.Export)
// off the UI goroutine, and runs the file once for the digest it prints.
func (m *simScreen) liveExportCmd(path string) tea.Cmd {
	export := m.live.Export
	return func() tea.Msg {
		data, err := export()
		var digest string
		if err == nil {
			digest, err = scenarios.DigestOf(path, data)
		}
		if err == nil {
			err = writeFileAtomic(path, data)
		}
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		return exportDoneMsg{Path: path, Digest: digest, Exact: true, Err: err}
	}
}
