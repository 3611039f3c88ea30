package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
)

// faultTarget is one choice in the second step of the fault menu.
type faultTarget struct {
	Label string
	Cmd   sim.Command
}

// faultKind is one choice in the first step: a fault and its targets now.
type faultKind struct {
	Label   string
	Targets []faultTarget
}

// slowDelays are the delays the menu offers for a slow broker: a little, and
// more than replica.lag.time.max.ms's default so followers drop out of the ISR.
var slowDelays = []int64{500, 40_000}

// faultKinds lists the faults that can be injected into snap, with targets.
func faultKinds(snap *sim.Snapshot) []faultKind {
	var crash, restart, slow, drop []faultTarget
	for _, b := range snap.Brokers {
		name := "broker b" + itoa(b.ID)
		if b.State == sim.BrokerDown {
			if !b.Registering {
				restart = append(restart, faultTarget{name, sim.Command{Kind: sim.CmdRestartBroker, Broker: b.ID}})
			}
			continue
		}
		crash = append(crash, faultTarget{name, sim.Command{Kind: sim.CmdCrashBroker, Broker: b.ID}})
		for _, d := range slowDelays {
			slow = append(slow, faultTarget{name + " +" + fmtMs(d) + " per fetch",
				sim.Command{Kind: sim.CmdSlowBroker, Broker: b.ID, DelayMs: d}})
		}
		drop = append(drop, faultTarget{name + ": drop the next 3 produce responses",
			sim.Command{Kind: sim.CmdDropAcks, Broker: b.ID, Count: 3}})
	}
	kinds := []faultKind{
		{"Crash a broker", crash},
		{"Restart a broker", restart},
		{"Slow a broker", slow},
		{"Drop produce acks", drop},
	}
	kinds = append(kinds, controllerFaults(snap)...)
	kinds = append(kinds, consumerFaults(snap)...)
	var prod, parts []faultTarget
	for _, p := range snap.Producers {
		if !p.Crashed {
			prod = append(prod, faultTarget{"producer " + sanitize(p.ID), sim.Command{Kind: sim.CmdCrashProducer, Producer: p.ID}})
		}
	}
	for _, t := range snap.Topics {
		n := len(t.Partitions)
		for _, to := range []int{n + 1, n * 2} {
			parts = append(parts, faultTarget{sanitize(t.Name) + ": " + itoa(n) + " → " + itoa(to) + " partitions",
				sim.Command{Kind: sim.CmdAddPartitions, Topic: t.Name, Partitions: to}})
		}
	}
	return append(kinds, faultKind{"Crash a producer", prod}, faultKind{"Add partitions", parts})
}

// controllerFaults crash and restart dedicated KRaft controller nodes; a
// cluster in combined mode has none (its voters are brokers).
func controllerFaults(snap *sim.Snapshot) []faultKind {
	if len(snap.ControllerNodes) == 0 {
		return nil
	}
	var crash, restart []faultTarget
	for _, c := range snap.ControllerNodes {
		name := "controller node " + itoa(c.ID)
		if c.Up {
			crash = append(crash, faultTarget{name, sim.Command{Kind: sim.CmdCrashController, Broker: c.ID}})
		} else {
			restart = append(restart, faultTarget{name, sim.Command{Kind: sim.CmdRestartController, Broker: c.ID}})
		}
	}
	return []faultKind{{"Crash a controller node", crash}, {"Restart a controller node", restart}}
}

// consumerFaults are the consumer faults, targets taken from the groups.
func consumerFaults(snap *sim.Snapshot) []faultKind {
	var crash, restart, add, closing, pause, resume []faultTarget
	for _, g := range snap.Groups {
		add = append(add, faultTarget{"group " + sanitize(g.ID), sim.Command{Kind: sim.CmdAddConsumer, Group: g.ID}})
		for i, m := range g.Members {
			n := consumerNumber(m.Name, i)
			t := func(kind sim.CommandKind) faultTarget {
				return faultTarget{sanitize(g.ID) + "/" + sanitize(m.Name), sim.Command{Kind: kind, Group: g.ID, Consumer: n}}
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
	return []faultKind{
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

// faultMenu is the two-step modal: pick a fault, then its target.
type faultMenu struct {
	keys   menuKeys
	kinds  []faultKind
	kind   int // chosen kind, -1 while choosing one
	cursor int
	open   bool
	// subtitle says what becomes of a fault once injected, which depends
	// on the screen: a scenario's run replays it, a lesson's cannot.
	subtitle string
	// keep, if set, chooses the kinds offered (a live run: broker-side only).
	keep func(faultKind) bool
}

// subtitleReplay is the fault menu's subtitle where the run can step back.
const subtitleReplay = "recorded in the run: stepping back and forth replays it"

func newFaultMenu() faultMenu {
	return faultMenu{keys: newMenuKeys(), kind: -1, subtitle: subtitleReplay}
}

// WithSubtitle is the menu with another subtitle.
func (f faultMenu) WithSubtitle(s string) faultMenu {
	f.subtitle = s
	return f
}

// Open shows the menu with the faults possible in snap.
func (f faultMenu) Open(snap *sim.Snapshot) faultMenu {
	f.kinds = faultKinds(snap)
	if f.keep != nil {
		var kept []faultKind
		for _, k := range f.kinds {
			if f.keep(k) {
				kept = append(kept, k)
			}
		}
		f.kinds = kept
	}
	f.kind, f.cursor, f.open = -1, 0, true
	f.cursor = f.nextEnabled(0, 1)
	return f
}

// nextEnabled finds the first fault kind from i, moving by dir, that has
// targets; i itself when none has.
func (f faultMenu) nextEnabled(i, dir int) int {
	n := len(f.kinds)
	for range n {
		i = (i + n) % n
		if len(f.kinds[i].Targets) > 0 {
			return i
		}
		i += dir
	}
	return 0
}

// IsOpen reports whether the menu is showing.
func (f faultMenu) IsOpen() bool { return f.open }

// Update handles a key while the menu is open.
func (f faultMenu) Update(msg tea.Msg) (faultMenu, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	n := len(f.kinds)
	if f.kind >= 0 {
		n = len(f.kinds[f.kind].Targets)
	}
	switch {
	case key.Matches(km, f.keys.Back):
		if f.kind >= 0 {
			f.cursor, f.kind = f.kind, -1
		} else {
			f.open = false
		}
	case key.Matches(km, f.keys.Up):
		f.cursor = (f.cursor - 1 + max(n, 1)) % max(n, 1)
		if f.kind < 0 && n > 0 {
			f.cursor = f.nextEnabled(f.cursor, -1)
		}
	case key.Matches(km, f.keys.Down):
		f.cursor = (f.cursor + 1) % max(n, 1)
		if f.kind < 0 && n > 0 {
			f.cursor = f.nextEnabled(f.cursor, 1)
		}
	case key.Matches(km, f.keys.Select):
		return f.choose()
	}
	return f, nil
}

func (f faultMenu) choose() (faultMenu, tea.Cmd) {
	if f.kind < 0 {
		if f.cursor < len(f.kinds) && len(f.kinds[f.cursor].Targets) > 0 {
			f.kind, f.cursor = f.cursor, 0
		}
		return f, nil
	}
	ts := f.kinds[f.kind].Targets
	if f.cursor >= len(ts) {
		return f, nil
	}
	cmd := ts[f.cursor].Cmd
	f.open = false
	return f, func() tea.Msg { return faultChosenMsg{Cmd: cmd} }
}

// View draws the menu as a box at most maxH lines high.
func (f faultMenu) View(st *Styles, maxH int) string {
	var lines []string
	var items []string
	if f.kind < 0 {
		lines = append(lines, st.Title.Render("Inject a fault"), st.Faint.Render(f.subtitle))
		for i, k := range f.kinds {
			label := k.Label
			if len(k.Targets) == 0 {
				label += " (nothing to target now)"
			}
			items = append(items, f.item(st, i, label, len(k.Targets) == 0))
		}
	} else {
		lines = append(lines, st.Title.Render(f.kinds[f.kind].Label+": which one?"), "")
		for i, t := range f.kinds[f.kind].Targets {
			items = append(items, f.item(st, i, t.Label, false))
		}
	}
	// Show a window of items around the cursor when they do not all fit.
	room := max(maxH-len(lines)-4, 3)
	from := 0
	if len(items) > room {
		from = min(max(f.cursor-room/2, 0), len(items)-room)
		items = items[from : from+room]
	}
	lines = append(lines, items...)
	lines = append(lines, st.Faint.Render("↑/↓ move · enter choose · esc back"))
	return st.MenuBox.Render(strings.Join(lines, "\n"))
}

func (f faultMenu) item(st *Styles, i int, label string, disabled bool) string {
	switch {
	case i == f.cursor:
		return st.Selected.Render("▸ " + label)
	case disabled:
		return st.Faint.Render("  " + label)
	}
	return "  " + label
}
