package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
)

// frameInterval is the real time between animation frames while playing.
const frameInterval = 50 * time.Millisecond

// maxStepsPerFrame bounds the engine work of a frame without a real time
// (tests); playing, frameWork bounds it.
const maxStepsPerFrame = 20_000

// frameWork bounds the real time one frame's engine work may take, so a
// fast speed on a busy cluster slows down instead of freezing the terminal.
const frameWork = 35 * time.Millisecond

// maxFrameGap caps the real time one frame makes up for (a stalled terminal
// does not jump the run ahead by minutes).
const maxFrameGap = 500 * time.Millisecond

// maxStepsPerJump bounds a step or a jump to a mark.
const maxStepsPerJump = 2_000_000

// speed is one playback speed: virtual milliseconds per real second. ×1
// is 1 virtual second per real second: the cluster at a real one's pace.
type speed struct {
	Label    string
	MsPerSec int64
}

var speeds = []speed{
	{"×0.1", 100}, {"×0.25", 250}, {"×0.5", 500}, {"×1", 1000}, {"×2", 2000},
	{"×5", 5000}, {"×10", 10_000}, {"×30", 30_000}, {"×100", 100_000},
}

// statusFrames is how many playing frames a status message stays.
const statusFrames = 80

// defaultSpeed is ×1: the cluster moves at the pace of a real one, slow
// enough to read the narration of a crash or a rebalance as it comes;
// + goes on to ×10 and ×30, which play a 30–120s scenario in 1–12s.
const defaultSpeed = 3

// simScreen plays a scenario: the engine run, the panes that draw its
// snapshots, and the controls.
type simScreen struct {
	st    *Styles
	keys  simKeys
	help  help.Model
	spec  scenarioSpec
	start runFactory
	run   runner
	// lastTick is when the previous frame ran while playing: the next one
	// advances by the real time since, times the speed.
	lastTick time.Time
	// snapTail is how many log records per partition the last snapshot
	// carried (refresh).
	snapTail int

	snap    sim.Snapshot
	events  []sim.Event // every event up to the current step (shared, read-only)
	seenSeq int         // events already turned into highlights
	note    *sim.Event  // the latest narration
	hand    []sim.Applied
	marks   []mark
	hot     *anim

	playing bool
	gen     int
	speed   int
	focus   paneID
	status  string
	// statusFrames counts down the frames the status stays while playing.
	statusFrames int
	fatal        error // the run could not start

	w, h      int
	lay       simLayout
	cluster   clusterPane
	logs      logsPane
	groups    groupsPane
	producers producersPane
	ledger    ledgerPane
	drill     drillPane // the ledger's drill-down, over the lower panes
	narration narrationPane
	timeline  timelinePane
	menu      faultMenu
	prompt    prompt
	whatif    whatIf
	cmdline   cmdline
	shells    shellDeps // sandbox sessions for the command line
	job       *cmdJob   // a what-if or seek running in slices, if any
	leaving   bool      // esc asked whether to leave the run (leave_confirm.go)
	live      *Live     // real clients drive the run (live_screen.go)
}

func newSimScreen(st *Styles, keys simKeys, spec scenarioSpec, start runFactory) *simScreen {
	m := &simScreen{
		st: st, keys: keys, help: help.New(), spec: spec, start: start, hot: newAnim(),
		speed: defaultSpeed, cluster: newClusterPane(), logs: newLogsPane(st), groups: newGroupsPane(),
		producers: newProducersPane(), ledger: newLedgerPane(), drill: newDrillPane(), narration: newNarrationPane(),
		menu: newFaultMenu(), prompt: newPrompt(), whatif: newWhatIf(), cmdline: newCmdline(), w: minWidth, h: minHeight,
	}
	m.help.Styles.ShortKey = st.Bold
	m.help.Styles.ShortDesc = st.Faint
	m.help.Styles.FullKey = st.Bold
	m.help.Styles.FullDesc = st.Faint
	if keys.GoTo.Enabled() {
		m.timeline.keysHint = "t go to · R C E next"
	}
	m.restart()
	m.setFocus(paneLogs)
	return m
}

// Init starts playing.
func (m *simScreen) Init() tea.Cmd {
	if m.fatal != nil {
		return nil
	}
	if m.live != nil {
		m.playing = true
		return liveFrame()
	}
	m.playing = true
	m.gen++
	return m.tick()
}

// tick schedules the next frame in the current generation.
func (m *simScreen) tick() tea.Cmd {
	gen := m.gen
	return frameTick(frameInterval, func(at time.Time) tea.Msg { return tickMsg{Gen: gen, At: at} })
}

// frameTick schedules a frame; tests swap it for one that answers at once.
var frameTick = tea.Tick

// capturesKeys reports whether a text input has the keyboard.
func (m *simScreen) capturesKeys() bool {
	return m.prompt.IsOpen() || m.whatif.capturesKeys() || m.cmdline.IsOpen()
}

// modalOpen reports whether a menu or prompt is showing.
func (m *simScreen) modalOpen() bool {
	return m.prompt.IsOpen() || m.menu.IsOpen() || m.whatif.IsOpen() || m.cmdline.IsOpen() || m.drill.IsOpen() || m.job != nil || m.leaving
}

// Keys is the help keymap of what is showing now.
func (m *simScreen) Keys() help.KeyMap {
	switch {
	case m.leaving:
		return newLeaveKeys()
	case m.whatif.IsOpen():
		return m.whatif.Keys()
	case m.cmdline.IsOpen():
		return m.cmdline.keyMap()
	case m.prompt.IsOpen():
		return m.prompt.keys
	case m.menu.IsOpen():
		return m.menu.keys
	case m.drill.IsOpen():
		return m.drill.Keys()
	}
	return m.keys
}

// update handles a message: the open modal first, then app messages, then
// the screen's keys and the focused pane.
func (m *simScreen) update(msg tea.Msg) tea.Cmd {
	if _, isKey := msg.(tea.KeyMsg); isKey || isMouse(msg) {
		switch {
		case m.leaving:
			return m.updateLeave(msg)
		case m.job != nil:
			return m.updateJob(msg)
		case m.whatif.IsOpen():
			var cmd tea.Cmd
			m.whatif, cmd = m.whatif.Update(msg)
			return cmd
		case m.cmdline.IsOpen():
			return m.updateCmdline(msg)
		case m.prompt.IsOpen():
			var cmd tea.Cmd
			m.prompt, cmd = m.prompt.Update(msg)
			return cmd
		case m.menu.IsOpen():
			var cmd tea.Cmd
			m.menu, cmd = m.menu.Update(msg)
			return cmd
		case m.drill.IsOpen():
			return m.updateDrill(msg)
		}
	}
	switch msg := msg.(type) {
	case tickMsg:
		return m.handleTick(msg)
	case liveTickMsg:
		return m.liveTick()
	case cmdSliceMsg:
		return m.continueJob(msg)
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case faultChosenMsg:
		return m.injectSettled(msg)
	case exportPathMsg:
		return m.exportTo(msg)
	case exportDoneMsg:
		m.exportDone(msg)
	case whatIfRunMsg:
		return m.startWhatIf(msg.Req)
	case whatIfDoneMsg:
		m.whatif = m.whatif.Done(msg)
	case logJumpMsg:
		m.logs.jump(msg)
		m.refreshLogs()
	case timeChosenMsg:
		return m.goToTime(msg.AtMs)
	case seedChosenMsg:
		m.spec = m.spec.withSeed(msg.Seed)
		m.restart()
		m.status = "new seed " + u64(msg.Seed)
	case tea.MouseMsg:
		if cmd, ok := m.clickTimeline(msg); ok {
			return cmd
		}
		return m.handleMouse(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return nil
}

func isMouse(msg tea.Msg) bool {
	_, ok := msg.(tea.MouseMsg)
	return ok
}

// handleKey runs the simulator's controls, then scrolls the focused pane.
func (m *simScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	m.status = "" // a message lasts until the next key, or a few seconds of play
	m.statusFrames = statusFrames
	if m.handleLogKey(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Play):
		return m.togglePlay()
	case key.Matches(msg, k.StepFwd):
		return m.stepForward()
	case key.Matches(msg, k.StepBack):
		return m.stepBack()
	case key.Matches(msg, k.NextMark):
		return m.nextMark()
	case key.Matches(msg, k.PrevMark):
		return m.prevMark()
	case key.Matches(msg, k.GoTo):
		m.openTimePrompt()
	case key.Matches(msg, k.NextRebalance):
		return m.nextEvent(kindRebalance)
	case key.Matches(msg, k.NextCommit):
		return m.nextEvent(kindCommit)
	case key.Matches(msg, k.NextElection):
		return m.nextEvent(kindElection)
	case key.Matches(msg, k.Faster):
		return m.setSpeed(m.speed + 1)
	case key.Matches(msg, k.Slower):
		return m.setSpeed(m.speed - 1)
	case key.Matches(msg, k.Faults):
		if m.run != nil {
			m.menu = m.menu.Open(&m.snap)
		}
	case key.Matches(msg, k.Restart):
		m.restart()
		m.status = "restarted"
	case key.Matches(msg, k.Seed):
		m.openSeedPrompt()
	case key.Matches(msg, k.Share):
		m.openExportPrompt()
	case key.Matches(msg, k.WhatIf):
		m.openWhatIf()
	case key.Matches(msg, k.Command):
		m.openCmdline()
	case key.Matches(msg, k.Focus):
		m.setFocus((m.focus + 1) % paneCount)
	case key.Matches(msg, k.FocusBack):
		m.setFocus((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, k.Drill), key.Matches(msg, k.History):
		m.openDrill()
	case key.Matches(msg, k.Inspect):
		m.openInspector()
	case key.Matches(msg, k.Up):
		m.scrollFocused(-1)
	case key.Matches(msg, k.Down):
		m.scrollFocused(1)
	case key.Matches(msg, k.PageUp):
		p := m.paneByID(m.focus)
		p.scroll(-max(p.bodyHeight()-1, 1))
	case key.Matches(msg, k.PageDown):
		p := m.paneByID(m.focus)
		p.scroll(max(p.bodyHeight()-1, 1))
	}
	return nil
}

// handleMouse scrolls the pane under the wheel; a click is mouse.go's.
func (m *simScreen) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if isClick(msg) {
		return m.handleClick(msg)
	}
	id, ok := m.lay.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.paneByID(id).scroll(-3)
	case tea.MouseButtonWheelDown:
		m.paneByID(id).scroll(3)
	}
	return nil
}

func (m *simScreen) openSeedPrompt() {
	m.pause()
	m.prompt = m.prompt.Open("Seed", "a number; the same seed replays the same run", u64(m.spec.Seed),
		func(v string) tea.Msg {
			seed, ok := parseSeed(v)
			if !ok {
				return nil
			}
			return seedChosenMsg{Seed: seed}
		})
}

// setFocus moves the focus to pane id. On the ledger, ↑/↓ choose a fate
// and enter lists its records; elsewhere ↑/↓ scroll.
func (m *simScreen) setFocus(id paneID) {
	m.focus = id
	for i := range paneCount {
		m.paneByID(i).focused = i == id
	}
	onLedger := id == paneLedger
	m.keys.Drill.SetEnabled(onLedger)
	m.enableLogKeys(id == paneLogs)
	m.enableHistory(id)
	up, down := "scroll up", "scroll down"
	if onLedger {
		up, down = "choose fate", "choose fate"
		m.ledger.pickDefault(&m.snap)
	}
	m.keys.Up.SetHelp(m.keys.Up.Help().Key, up)
	m.keys.Down.SetHelp(m.keys.Down.Help().Key, down)
}

// scrollFocused scrolls the focused pane by n lines; on the ledger it
// moves the cursor n fates.
func (m *simScreen) scrollFocused(n int) {
	if m.focus == paneLedger {
		m.ledger.move(n, len(m.snap.Ledger.Groups))
		return
	}
	m.paneByID(m.focus).scroll(n)
}

// paneByID is the shared part of a pane, for focus and scrolling.
func (m *simScreen) paneByID(id paneID) *pane {
	switch id {
	case paneCluster:
		return &m.cluster.pane
	case paneLogs:
		return &m.logs.pane
	case paneGroups:
		return &m.groups.pane
	case paneProducers:
		return &m.producers.pane
	case paneLedger:
		return &m.ledger.pane
	}
	return &m.narration.pane
}
