package components

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/keys"
	"kafkasim/ui/theme"
)

// FaultTarget is one choice in the second step of the fault menu.
type FaultTarget struct {
	Label string
	Cmd   sim.Command
}

// FaultKind is one choice in the first step: a fault and its targets now.
type FaultKind struct {
	Label   string
	Targets []FaultTarget
}

// slowDelays are the delays the menu offers for a slow broker: a little, and
// more than replica.lag.time.max.ms's default so followers drop out of the ISR.
var slowDelays = []int64{500, 40_000}

// FaultKinds lists the faults that can be injected into snap, with targets.
func FaultKinds(snap *sim.Snapshot) []FaultKind {
	var crash, restart, slow, drop []FaultTarget
	for _, b := range snap.Brokers {
		name := "broker b" + Itoa(b.ID)
		if b.State == sim.BrokerDown {
			if !b.Registering {
				restart = append(restart, FaultTarget{name, sim.Command{Kind: sim.CmdRestartBroker, Broker: b.ID}})
			}
			continue
		}
		crash = append(crash, FaultTarget{name, sim.Command{Kind: sim.CmdCrashBroker, Broker: b.ID}})
		for _, d := range slowDelays {
			slow = append(slow, FaultTarget{name + " +" + FmtMs(d) + " per fetch",
				sim.Command{Kind: sim.CmdSlowBroker, Broker: b.ID, DelayMs: d}})
		}
		drop = append(drop, FaultTarget{name + ": drop the next 3 produce responses",
			sim.Command{Kind: sim.CmdDropAcks, Broker: b.ID, Count: 3}})
	}
	kinds := []FaultKind{
		{"Crash a broker", crash},
		{"Restart a broker", restart},
		{"Slow a broker", slow},
		{"Drop produce acks", drop},
	}
	kinds = append(kinds, controllerFaults(snap)...)
	kinds = append(kinds, consumerFaults(snap)...)
	var prod, parts []FaultTarget
	for _, p := range snap.Producers {
		if !p.Crashed {
			prod = append(prod, FaultTarget{"producer " + Sanitize(p.ID), sim.Command{Kind: sim.CmdCrashProducer, Producer: p.ID}})
		}
	}
	for _, t := range snap.Topics {
		n := len(t.Partitions)
		for _, to := range []int{n + 1, n * 2} {
			parts = append(parts, FaultTarget{Sanitize(t.Name) + ": " + Itoa(n) + " → " + Itoa(to) + " partitions",
				sim.Command{Kind: sim.CmdAddPartitions, Topic: t.Name, Partitions: to}})
		}
	}
	return append(kinds, FaultKind{"Crash a producer", prod}, FaultKind{"Add partitions", parts})
}

// controllerFaults crash and restart dedicated KRaft controller nodes; a
// cluster in combined mode has none (its voters are brokers).
func controllerFaults(snap *sim.Snapshot) []FaultKind {
	if len(snap.ControllerNodes) == 0 {
		return nil
	}
	var crash, restart []FaultTarget
	for _, c := range snap.ControllerNodes {
		name := "controller node " + Itoa(c.ID)
		if c.Up {
			crash = append(crash, FaultTarget{name, sim.Command{Kind: sim.CmdCrashController, Broker: c.ID}})
		} else {
			restart = append(restart, FaultTarget{name, sim.Command{Kind: sim.CmdRestartController, Broker: c.ID}})
		}
	}
	return []FaultKind{{"Crash a controller node", crash}, {"Restart a controller node", restart}}
}

// consumerFaults are the consumer faults, targets taken from the groups.
func consumerFaults(snap *sim.Snapshot) []FaultKind {
	var crash, restart, add, closing, pause, resume []FaultTarget
	for _, g := range snap.Groups {
		add = append(add, FaultTarget{"group " + Sanitize(g.ID), sim.Command{Kind: sim.CmdAddConsumer, Group: g.ID}})
		for i, m := range g.Members {
			n := consumerNumber(m.Name, i)
			t := func(kind sim.CommandKind) FaultTarget {
				return FaultTarget{Sanitize(g.ID) + "/" + Sanitize(m.Name), sim.Command{Kind: kind, Group: g.ID, Consumer: n}}
			}
			switch m.State {
			case sim.MemberCrashed, sim.MemberClosed:
				restart = append(restart, t(sim.CmdRestartConsumer))
			case sim.MemberPaused:
				resume = append(resume, t(sim.CmdResumeConsumer))
				crash = append(crash, t(sim.CmdCrashConsumer))
			default:
				crash = append(crash, t(sim.CmdCrashConsumer))
				closing = append(closing, t(sim.CmdCloseConsumer))
				pause = append(pause, t(sim.CmdPauseConsumer))
			}
		}
	}
	return []FaultKind{
		{"Crash a consumer", crash},
		{"Restart a consumer", restart},
		{"Add a consumer", add},
		{"Close a consumer", closing},
		{"Pause a consumer (stops polling)", pause},
		{"Resume a consumer", resume},
	}
}

// consumerNumber reads "c3" as 3; other names fall back to their position.
func consumerNumber(name string, i int) int {
	if n, err := strconv.Atoi(strings.TrimPrefix(name, "c")); err == nil && n > 0 {
		return n
	}
	return i + 1
}

// FaultMenu is the two-step modal: pick a fault, then its target.
type FaultMenu struct {
	Keys   keys.Menu
	Kinds  []FaultKind
	Kind   int // chosen kind, -1 while choosing one
	Cursor int
	open   bool
	// subtitle says what becomes of a fault once injected, which depends
	// on the screen: a scenario's run replays it, a lesson's cannot.
	subtitle string
	// Keep, if set, chooses the kinds offered (a live run: broker-side only).
	Keep func(FaultKind) bool
}

// subtitleReplay is the fault menu's subtitle where the run can step back.
const subtitleReplay = "recorded in the run: stepping back and forth replays it"

func NewFaultMenu() FaultMenu {
	return FaultMenu{Keys: keys.NewMenu(), Kind: -1, subtitle: subtitleReplay}
}

// WithSubtitle is the menu with another subtitle.
func (f FaultMenu) WithSubtitle(s string) FaultMenu {
	f.subtitle = s
	return f
}

// Open shows the menu with the faults possible in snap.
func (f FaultMenu) Open(snap *sim.Snapshot) FaultMenu {
	f.Kinds = FaultKinds(snap)
	if f.Keep != nil {
		var kept []FaultKind
		for _, k := range f.Kinds {
			if f.Keep(k) {
				kept = append(kept, k)
			}
		}
		f.Kinds = kept
	}
	f.Kind, f.Cursor, f.open = -1, 0, true
	f.Cursor = f.nextEnabled(0, 1)
	return f
}

// nextEnabled finds the first fault kind from i, moving by dir, that has
// targets; i itself when none has.
func (f FaultMenu) nextEnabled(i, dir int) int {
	n := len(f.Kinds)
	for range n {
		i = (i + n) % n
		if len(f.Kinds[i].Targets) > 0 {
			return i
		}
		i += dir
	}
	return 0
}

// IsOpen reports whether the menu is showing.
func (f FaultMenu) IsOpen() bool { return f.open }

// Update handles a key while the menu is open.
func (f FaultMenu) Update(msg tea.Msg) (FaultMenu, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	n := len(f.Kinds)
	if f.Kind >= 0 {
		n = len(f.Kinds[f.Kind].Targets)
	}
	switch {
	case key.Matches(km, f.Keys.Back):
		if f.Kind >= 0 {
			f.Cursor, f.Kind = f.Kind, -1
		} else {
			f.open = false
		}
	case key.Matches(km, f.Keys.Up):
		f.Cursor = (f.Cursor - 1 + max(n, 1)) % max(n, 1)
		if f.Kind < 0 && n > 0 {
			f.Cursor = f.nextEnabled(f.Cursor, -1)
		}
	case key.Matches(km, f.Keys.Down):
		f.Cursor = (f.Cursor + 1) % max(n, 1)
		if f.Kind < 0 && n > 0 {
			f.Cursor = f.nextEnabled(f.Cursor, 1)
		}
	case key.Matches(km, f.Keys.Select):
		return f.Choose()
	}
	return f, nil
}

func (f FaultMenu) Choose() (FaultMenu, tea.Cmd) {
	if f.Kind < 0 {
		if f.Cursor < len(f.Kinds) && len(f.Kinds[f.Cursor].Targets) > 0 {
			f.Kind, f.Cursor = f.Cursor, 0
		}
		return f, nil
	}
	ts := f.Kinds[f.Kind].Targets
	if f.Cursor >= len(ts) {
		return f, nil
	}
	cmd := ts[f.Cursor].Cmd
	f.open = false
	return f, func() tea.Msg { return FaultChosenMsg{Cmd: cmd} }
}

// View draws the menu as a box at most maxH lines high.
func (f FaultMenu) View(st *theme.Styles, maxH int) string {
	var lines []string
	var items []string
	if f.Kind < 0 {
		lines = append(lines, st.Title.Render("Inject a fault"), st.Faint.Render(f.subtitle))
		for i, k := range f.Kinds {
			label := k.Label
			if len(k.Targets) == 0 {
				label += " (nothing to target now)"
			}
			items = append(items, f.item(st, i, label, len(k.Targets) == 0))
		}
	} else {
		lines = append(lines, st.Title.Render(f.Kinds[f.Kind].Label+": which one?"), "")
		for i, t := range f.Kinds[f.Kind].Targets {
			items = append(items, f.item(st, i, t.Label, false))
		}
	}
	// Show a window of items around the cursor when they do not all fit.
	room := max(maxH-len(lines)-4, 3)
	from := 0
	if len(items) > room {
		from = min(max(f.Cursor-room/2, 0), len(items)-room)
		items = items[from : from+room]
	}
	lines = append(lines, items...)
	lines = append(lines, st.Faint.Render("↑/↓ move · enter choose · esc back"))
	return st.MenuBox.Render(strings.Join(lines, "\n"))
}

func (f FaultMenu) item(st *theme.Styles, i int, label string, disabled bool) string {
	switch {
	case i == f.Cursor:
		return st.Selected.Render("▸ " + label)
	case disabled:
		return st.Faint.Render("  " + label)
	}
	return "  " + label
}

// FaultChosenMsg carries the command the fault menu built.
type FaultChosenMsg struct {
	Cmd sim.Command
}
