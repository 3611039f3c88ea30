package simview

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
)

// FrameInterval is the real time between animation frames while playing.
const FrameInterval = 50 * time.Millisecond

// maxStepsPerFrame bounds the engine work of a frame without a real time
// (tests); playing, frameWork bounds it.
const maxStepsPerFrame = 20_000

// frameWork bounds the real time one frame's engine work may take, so a
// fast speed on a busy cluster slows down instead of freezing the terminal.
const frameWork = 35 * time.Millisecond

// MaxFrameGap caps the real time one frame makes up for (a stalled terminal
// does not jump the run ahead by minutes).
const MaxFrameGap = 500 * time.Millisecond

// maxStepsPerJump bounds a step or a jump to a mark.
const maxStepsPerJump = 2_000_000

// speed is one playback speed: virtual milliseconds per real second. ×1
// is 1 virtual second per real second: the cluster at a real one's pace.
type speed struct {
	Label    string
	MsPerSec int64
}

var Speeds = []speed{
	{"×0.1", 100}, {"×0.25", 250}, {"×0.5", 500}, {"×1", 1000}, {"×2", 2000},
	{"×5", 5000}, {"×10", 10_000}, {"×30", 30_000}, {"×100", 100_000},
}

// statusFrames is how many playing frames a status message stays.
const statusFrames = 80

// DefaultSpeed is ×1: the cluster moves at the pace of a real one, slow
// enough to read the narration of a crash or a rebalance as it comes;
// + goes on to ×10 and ×30, which play a 30–120s scenario in 1–12s.
const DefaultSpeed = 3

// Screen plays a scenario: the engine run, the panes that draw its
// snapshots, and the controls.
type Screen struct {
	st     *theme.Styles
	KeyMap keys.Sim
	help   help.Model
	Spec   simrun.Spec
	start  simrun.Factory
	Run    simrun.Runner
	// lastTick is when the previous frame ran while playing: the next one
	// advances by the real time since, times the speed.
	lastTick time.Time
	// snapTail is how many log records per partition the last snapshot
	// carried (Refresh).
	snapTail int
	// snapShown are the windows of the logs whose records the snapshot
	// holds, nil for all (snap_shown.go).
	snapShown []shownWindow
	// steer, when set, is what a lesson stop is about (SteerTo).
	steer *paneFocus
	// covered: rows above the timeline a lesson box covers (CoverBottom).
	covered int

	Snap    sim.Snapshot
	Events  []sim.Event // every event up to the current step (shared, read-only; read again once the run steps: sim.Run.KeepEvents)
	seenSeq int         // events already turned into highlights
	Note    *sim.Event  // the latest narration
	Hand    []sim.Applied
	Marks   []components.Mark
	Hot     *Anim

	Playing bool
	Gen     int
	Speed   int
	Focus   components.PaneID
	Status  string
	// statusFrames counts down the frames the status stays while playing.
	statusFrames int
	Fatal        error // the run could not start

	W, H      int
	Lay       simLayout
	cluster   clusterPane
	Logs      logsPane
	Groups    groupsPane
	Producers producersPane
	Ledger    ledgerPane
	Drill     drillPane // the ledger's drill-down, over the lower panes
	narration narrationPane
	Timeline  components.TimelinePane
	Menu      components.FaultMenu
	Prompt    components.Prompt
	Whatif    whatif.Modal
	Cmdline   cmdline.Line
	Shells    cmdline.Shells // sandbox sessions for the command line
	Job       *cmdline.Job   // a what-if or seek running in slices, if any
	Leaving   bool           // esc asked whether to leave the run (leave_confirm.go)
	live      *Live          // real clients drive the run (live_screen.go)
}

func New(st *theme.Styles, keys keys.Sim, spec simrun.Spec, start simrun.Factory) *Screen {
	m := &Screen{
		st: st, KeyMap: keys, help: help.New(), Spec: spec, start: start, Hot: NewAnim(),
		Speed: DefaultSpeed, cluster: NewClusterPane(), Logs: newLogsPane(st), Groups: newGroupsPane(),
		Producers: newProducersPane(), Ledger: NewLedgerPane(), Drill: newDrillPane(), narration: newNarrationPane(),
		Menu: components.NewFaultMenu(), Prompt: components.NewPrompt(), Whatif: whatif.New(), Cmdline: cmdline.New(), W: components.MinWidth, H: components.MinHeight,
	}
	m.help.Styles.ShortKey = st.Bold
	m.help.Styles.ShortDesc = st.Faint
	m.help.Styles.FullKey = st.Bold
	m.help.Styles.FullDesc = st.Faint
	if keys.GoTo.Enabled() {
		m.Timeline.KeysHint = "t go to · R C E next"
	}
	m.Restart()
	m.SetFocus(components.PaneLogs)
	return m
}

// Init starts playing.
func (m *Screen) Init() tea.Cmd {
	if m.Fatal != nil {
		return nil
	}
	if m.live != nil {
		m.Playing = true
		return liveFrame()
	}
	m.Playing = true
	m.Gen++
	return m.tick()
}

// tick schedules the next frame in the current generation.
func (m *Screen) tick() tea.Cmd { return m.tickAfter(FrameInterval) }

// tickAfter schedules the next frame after delay.
func (m *Screen) tickAfter(delay time.Duration) tea.Cmd {
	gen := m.Gen
	return FrameTick(delay, func(at time.Time) tea.Msg { return TickMsg{Gen: gen, At: at} })
}

// FrameDelay is how long to wait after a frame whose work took took: frames
// start FrameInterval apart, so a fast speed spends the interval playing
// rather than playing and then sleeping a whole interval; at least
// minFrameRest, so keys and the terminal's drawing keep their turn.
func FrameDelay(took time.Duration) time.Duration {
	return max(FrameInterval-took, minFrameRest)
}

// minFrameRest is the least rest between two frames.
const minFrameRest = 10 * time.Millisecond

// FrameTick schedules a frame; tests swap it for one that answers at once.
var FrameTick = tea.Tick

// CapturesKeys reports whether a text input has the keyboard.
func (m *Screen) CapturesKeys() bool {
	return m.Prompt.IsOpen() || m.Whatif.CapturesKeys() || m.Cmdline.IsOpen()
}

// ModalOpen reports whether a menu or prompt is showing.
func (m *Screen) ModalOpen() bool {
	return m.Prompt.IsOpen() || m.Menu.IsOpen() || m.Whatif.IsOpen() || m.Cmdline.IsOpen() || m.Drill.IsOpen() || m.Job != nil || m.Leaving
}

// Keys is the help keymap of what is showing now.
func (m *Screen) Keys() help.KeyMap {
	switch {
	case m.Leaving:
		return newLeaveKeys()
	case m.Whatif.IsOpen():
		return m.Whatif.Keys()
	case m.Cmdline.IsOpen():
		return m.Cmdline.KeyMap()
	case m.Prompt.IsOpen():
		return m.Prompt.Keys
	case m.Menu.IsOpen():
		return m.Menu.Keys
	case m.Drill.IsOpen():
		return m.Drill.Keys()
	}
	return m.KeyMap
}

// update handles a message: the open modal first, then app messages, then
// the screen's keys and the focused pane.
func (m *Screen) update(msg tea.Msg) tea.Cmd {
	if _, played := msg.(TickMsg); !played {
		m.holdAll() // whatever this message does may read any log
	}
	if _, isKey := msg.(tea.KeyMsg); isKey || isMouse(msg) {
		switch {
		case m.Leaving:
			return m.updateLeave(msg)
		case m.Job != nil:
			return m.updateJob(msg)
		case m.Whatif.IsOpen():
			var cmd tea.Cmd
			m.Whatif, cmd = m.Whatif.Update(msg)
			return cmd
		case m.Cmdline.IsOpen():
			return m.updateCmdline(msg)
		case m.Prompt.IsOpen():
			var cmd tea.Cmd
			m.Prompt, cmd = m.Prompt.Update(msg)
			return cmd
		case m.Menu.IsOpen():
			var cmd tea.Cmd
			m.Menu, cmd = m.Menu.Update(msg)
			return cmd
		case m.Drill.IsOpen():
			return m.updateDrill(msg)
		}
	}
	switch msg := msg.(type) {
	case TickMsg:
		return m.HandleTick(msg)
	case LiveTickMsg:
		return m.liveTick()
	case cmdline.SliceMsg:
		return m.continueJob(msg)
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case components.FaultChosenMsg:
		return m.injectSettled(msg)
	case ExportPathMsg:
		return m.exportTo(msg)
	case ExportDoneMsg:
		m.exportDone(msg)
	case whatif.RunMsg:
		return m.startWhatIf(msg.Req)
	case whatif.DoneMsg:
		m.Whatif = m.Whatif.Done(msg)
	case LogJumpMsg:
		m.Logs.jump(msg)
		m.refreshLogs()
	case TimeChosenMsg:
		return m.GoToTime(msg.AtMs)
	case SeedChosenMsg:
		m.Spec = m.Spec.WithSeed(msg.Seed)
		m.Restart()
		m.Status = "new seed " + components.U64(msg.Seed)
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
func (m *Screen) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.KeyMap
	m.Status = "" // a message lasts until the next key, or a few seconds of play
	m.statusFrames = statusFrames
	if m.handleLogKey(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Play):
		return m.TogglePlay()
	case key.Matches(msg, k.StepFwd):
		return m.StepForward()
	case key.Matches(msg, k.StepBack):
		return m.stepBack()
	case key.Matches(msg, k.NextMark):
		return m.NextMark()
	case key.Matches(msg, k.PrevMark):
		return m.prevMark()
	case key.Matches(msg, k.GoTo):
		m.openTimePrompt()
	case key.Matches(msg, k.NextRebalance):
		return m.NextEvent(KindRebalance)
	case key.Matches(msg, k.NextCommit):
		return m.NextEvent(kindCommit)
	case key.Matches(msg, k.NextElection):
		return m.NextEvent(KindElection)
	case key.Matches(msg, k.Faster):
		return m.setSpeed(m.Speed + 1)
	case key.Matches(msg, k.Slower):
		return m.setSpeed(m.Speed - 1)
	case key.Matches(msg, k.Faults):
		if m.Run != nil {
			m.Menu = m.Menu.Open(&m.Snap)
		}
	case key.Matches(msg, k.Restart):
		m.Restart()
		m.Status = "restarted"
	case key.Matches(msg, k.Seed):
		m.openSeedPrompt()
	case key.Matches(msg, k.Share):
		m.openExportPrompt()
	case key.Matches(msg, k.WhatIf):
		m.openWhatIf()
	case key.Matches(msg, k.Command):
		m.OpenCmdline()
	case key.Matches(msg, k.Focus):
		m.SetFocus((m.Focus + 1) % components.PaneCount)
	case key.Matches(msg, k.FocusBack):
		m.SetFocus((m.Focus + components.PaneCount - 1) % components.PaneCount)
	case key.Matches(msg, k.Drill), key.Matches(msg, k.History):
		m.openDrill()
	case key.Matches(msg, k.Inspect):
		m.openInspector()
	case key.Matches(msg, k.Up):
		m.scrollFocused(-1)
	case key.Matches(msg, k.Down):
		m.scrollFocused(1)
	case key.Matches(msg, k.PageUp):
		p := m.PaneByID(m.Focus)
		p.Scroll(-max(p.BodyHeight()-1, 1))
	case key.Matches(msg, k.PageDown):
		p := m.PaneByID(m.Focus)
		p.Scroll(max(p.BodyHeight()-1, 1))
	}
	return nil
}

// handleMouse scrolls the pane under the wheel; a click is mouse.go's.
func (m *Screen) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if isClick(msg) {
		return m.handleClick(msg)
	}
	id, ok := m.Lay.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.PaneByID(id).Scroll(-3)
	case tea.MouseButtonWheelDown:
		m.PaneByID(id).Scroll(3)
	}
	return nil
}

func (m *Screen) openSeedPrompt() {
	m.Pause()
	m.Prompt = m.Prompt.Open("Seed", "a number; the same seed replays the same run", components.U64(m.Spec.Seed),
		func(v string) tea.Msg {
			seed, ok := parseSeed(v)
			if !ok {
				return nil
			}
			return SeedChosenMsg{Seed: seed}
		})
}

// SetFocus moves the focus to pane id. On the ledger, ↑/↓ choose a fate
// and enter lists its records; elsewhere ↑/↓ scroll.
func (m *Screen) SetFocus(id components.PaneID) {
	m.Focus = id
	for i := range components.PaneCount {
		m.PaneByID(i).Focused = i == id
	}
	onLedger := id == components.PaneLedger
	m.KeyMap.Drill.SetEnabled(onLedger)
	m.enableLogKeys(id == components.PaneLogs)
	m.enableHistory(id)
	up, down := "scroll up", "scroll down"
	if onLedger {
		up, down = "choose fate", "choose fate"
		m.Ledger.pickDefault(&m.Snap)
	}
	m.KeyMap.Up.SetHelp(m.KeyMap.Up.Help().Key, up)
	m.KeyMap.Down.SetHelp(m.KeyMap.Down.Help().Key, down)
}

// scrollFocused scrolls the focused pane by n lines; on the ledger it
// moves the cursor n fates.
func (m *Screen) scrollFocused(n int) {
	if m.Focus == components.PaneLedger {
		m.Ledger.move(n, len(m.Snap.Ledger.Groups))
		return
	}
	m.PaneByID(m.Focus).Scroll(n)
}

// PaneByID is the shared part of a pane, for focus and scrolling.
func (m *Screen) PaneByID(id components.PaneID) *components.Pane {
	switch id {
	case components.PaneCluster:
		return &m.cluster.Pane
	case components.PaneLogs:
		return &m.Logs.Pane
	case components.PaneGroups:
		return &m.Groups.Pane
	case components.PaneProducers:
		return &m.Producers.Pane
	case components.PaneLedger:
		return &m.Ledger.Pane
	}
	return &m.narration.Pane
}
