package simview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// groupsPane draws each consumer group: a head with its state and
// generation, the phases of a rebalance while one runs, and each member as
// a chip wired to the partitions it owns.
type groupsPane struct {
	components.Pane
	moves moveTracker
	// Shown are the members drawn in the window at the last render
	// (group \x00 member), for tests.
	Shown map[string]bool
}

func newGroupsPane() groupsPane { return groupsPane{Pane: components.Pane{ID: components.PaneGroups}} }

// groupLineCount is how many lines a group takes: its head, the phase
// line while it rebalances, and a line per member.
func groupLineCount(gv *sim.GroupView) int {
	n := 1 + len(gv.Members)
	if rebalancing(gv) {
		n++
	}
	return n
}

func rebalancing(gv *sim.GroupView) bool {
	return gv.State == sim.GroupPreparingRebalance || gv.State == sim.GroupCompletingRebalance
}

// Render draws the groups of snap as g.w × g.h lines.
func (g *groupsPane) Render(st *theme.Styles, snap *sim.Snapshot, hot *Anim) []string {
	g.moves.observe(snap, hot)
	compact := groupsLines(snap, g.W, false) > g.BodyHeight()
	var body []string
	var owners [][]string
	for i := range snap.Groups {
		gv := &snap.Groups[i]
		var lines []string
		var own [][]string
		if compact {
			lines, own = g.compactLines(st, gv, hot)
		} else {
			lines, own = g.groupLines(st, gv, hot)
		}
		body = append(body, lines...)
		owners = append(owners, own...)
	}
	if len(snap.Groups) == 0 {
		body = append(body, st.Faint.Render("no consumer groups"))
		owners = append(owners, nil)
	}
	g.SetTotal(len(body))
	from, to := g.Window()
	g.Shown = map[string]bool{}
	for _, own := range owners[from:to] {
		for _, k := range own {
			g.Shown[k] = true
		}
	}
	return g.Frame(st, groupsLegend(st, snap), body[from:to])
}

// groupsLegend lists the member marks the groups show now.
func groupsLegend(st *theme.Styles, snap *sim.Snapshot) string {
	var leader, active, idle, waiting bool
	for gi := range snap.Groups {
		for _, m := range snap.Groups[gi].Members {
			leader = leader || m.Leader
			active = active || m.State == sim.MemberActive
			idle = idle || m.State == sim.MemberIdle
			waiting = waiting || m.StartsAtMs > 0
		}
	}
	var parts []string
	for _, p := range []struct {
		on   bool
		text string
	}{{leader, "★ group leader"}, {active, "▶ consuming"}, {idle, "◌ idle"}, {waiting, "… not started"}} {
		if p.on {
			parts = append(parts, p.text)
		}
	}
	return st.Faint.Render(strings.Join(parts, " "))
}

// focusGroup is the group at the top of the pane's window: the one whose
// markers the logs follow.
func (g *groupsPane) focusGroup(snap *sim.Snapshot) string {
	line := 0
	for i := range snap.Groups {
		gv := &snap.Groups[i]
		line += groupLineCount(gv)
		if line > g.Offset {
			return gv.ID
		}
	}
	return ""
}

// groupHead is a group's first line: state, generation (ticking up while
// it rebalances), assignor, coordinator and lag.
func groupHead(st *theme.Styles, gv *sim.GroupView, hot *Anim) string {
	head := components.Sanitize(gv.ID) + " " + string(gv.State) + " gen " + components.Itoa(gv.Generation)
	style := st.Bold
	switch gv.State {
	case sim.GroupPreparingRebalance:
		style = st.OutOfSync
		head = "⟳ " + head + "→" + components.Itoa(gv.Generation+1)
	case sim.GroupCompletingRebalance:
		style = st.OutOfSync
		head = "⟳ " + head
	case sim.GroupEmpty, sim.GroupDead:
		style = st.Offline
	}
	if hot.Is(HotKey{Kind: hotGroup, S1: gv.ID}) {
		style = st.Hot
	}
	info := st.Faint.Render(" " + gv.Protocol + " · coordinator b" + components.Itoa(gv.Coordinator) + " · lag " + components.I64(groupLag(gv)))
	return style.Render(head) + info
}

// groupLines are a group's head, its phase line while it rebalances, and
// a line per member; with the members each line shows.
func (g *groupsPane) groupLines(st *theme.Styles, gv *sim.GroupView, hot *Anim) ([]string, [][]string) {
	lines := []string{groupHead(st, gv, hot)}
	owners := [][]string{nil}
	if rebalancing(gv) {
		lines = append(lines, phaseLine(st, gv))
		owners = append(owners, nil)
	}
	for i := range gv.Members {
		lines = append(lines, g.memberLine(st, gv, &gv.Members[i], hot))
		owners = append(owners, []string{MemberKey(gv.ID, gv.Members[i].Name)})
	}
	return lines, owners
}

// phaseLine shows where a rebalance is, from the group's state and its
// members' (Kafka's classic protocol: JoinGroup, then SyncGroup). Eager
// assignors revoke every partition before JoinGroup; cooperative-sticky
// keeps them and revokes only the moved ones after SyncGroup (KIP-429).
func phaseLine(st *theme.Styles, gv *sim.GroupView) string {
	coop, cur := rebalancePhase(gv)
	names := []string{"revoke all", "JoinGroup", "SyncGroup", "assignment"}
	if coop {
		names = []string{"JoinGroup (keep owned)", "SyncGroup", "assignment", "revoke moved"}
	}
	var b strings.Builder
	b.WriteString("    ")
	for i, n := range names {
		if i > 0 {
			b.WriteString(st.Faint.Render(" → "))
		}
		switch {
		case i < cur:
			b.WriteString(st.Once.Render(n + " ✓"))
		case i == cur:
			b.WriteString(st.Hot.Render(n + " ◉"))
		default:
			b.WriteString(st.Faint.Render(n))
		}
	}
	return b.String()
}

// stillHolding reports whether a member that has not rejoined yet still
// owns partitions (eager: it revokes them when it learns of the rebalance).
func stillHolding(gv *sim.GroupView) bool {
	for _, m := range gv.Members {
		if m.State == sim.MemberActive && len(m.Assigned) > 0 {
			return true
		}
	}
	return false
}

// memberChip is a member's name in brackets with its state as a symbol,
// and the word to follow it when it owns nothing.
func memberChip(st *theme.Styles, m *sim.MemberView) (chip, word string, style lipgloss.Style) {
	lead := ""
	if m.Leader {
		lead = "★"
	}
	sym, style := "▶", st.Bold
	switch {
	case m.StartsAtMs > 0:
		sym, word, style = "…", "starts at "+fmtSeconds(m.StartsAtMs), st.Faint
	case m.State == sim.MemberIdle:
		sym, word, style = "◌", "idle: no partition for it", st.Faint
	case m.State == sim.MemberCrashed:
		sym, word, style = "✕", "CRASHED", st.Offline
	case m.State == sim.MemberClosed:
		sym, word, style = "■", "closed", st.Offline
	case m.State == sim.MemberPaused:
		sym, word, style = "‖", "paused", st.Slow
	case m.State == sim.MemberJoining:
		sym, word, style = "⟳", "joining the group", st.OutOfSync
	case m.State == sim.MemberRebalancing:
		sym, word, style = "⟳", "rebalancing: waiting for its assignment", st.OutOfSync
	}
	return "[" + lead + components.Sanitize(m.Name) + " " + sym + "]", word, style
}

func (g *groupsPane) memberLine(st *theme.Styles, gv *sim.GroupView, m *sim.MemberView, hot *Anim) string {
	chip, word, style := memberChip(st, m)
	activity := ""
	text := style.Render(chip)
	if v, ok := hot.Get(HotKey{Kind: hotMember, S1: gv.ID, S2: m.Name}); ok {
		text = st.Hot.Render(chip)
		activity = " " + st.Accent.Render(v.label)
	}
	var b strings.Builder
	b.WriteString("  " + text)
	if len(m.Assigned) == 0 {
		b.WriteString("   " + style.Render(word))
	} else {
		wire := "━━▶ "
		if m.State != sim.MemberActive {
			wire = "╌╌▷ " // owns them but is not consuming
		}
		b.WriteString(style.Render(wire))
		b.WriteString(g.moves.assigned(st, gv.ID, m, hot))
		if word != "" {
			b.WriteString(" " + style.Render(word))
		}
		b.WriteString(st.Faint.Render(" lag ") + components.I64(memberLag(gv, m)))
	}
	b.WriteString(g.moves.revoked(st, gv.ID, m.Name, hot))
	return b.String() + activity
}

// fmtSeconds writes a virtual time as "12s" or "1.5s".
func fmtSeconds(ms int64) string {
	if ms%1000 == 0 {
		return components.I64(ms/1000) + "s"
	}
	return components.I64(ms/1000) + "." + strings.TrimRight(components.Pad3(ms%1000), "0") + "s"
}

// memberLag adds up the lag of the partitions a member owns.
func memberLag(gv *sim.GroupView, m *sim.MemberView) int64 {
	var lag int64
	for _, o := range gv.Offsets {
		if o.Lag > 0 && (o.Owner == m.Name || (o.Owner != "" && o.Owner == m.MemberID)) {
			lag += o.Lag
		}
	}
	return lag
}

// groupLag adds up the lag over every partition of the group's topics.
func groupLag(gv *sim.GroupView) int64 {
	var lag int64
	for _, o := range gv.Offsets {
		if o.Lag > 0 {
			lag += o.Lag
		}
	}
	return lag
}

// assignedText writes partitions grouped by topic: "orders[0,1] pay[2]".
func assignedText(tps []sim.TopicPartition) string {
	var b strings.Builder
	for i, tp := range tps {
		if i == 0 || tps[i-1].Topic != tp.Topic {
			if i > 0 {
				b.WriteString("] ")
			}
			b.WriteString(components.Sanitize(tp.Topic) + "[")
		} else {
			b.WriteString(",")
		}
		b.WriteString(components.Itoa(tp.Partition))
	}
	if len(tps) > 0 {
		b.WriteString("]")
	}
	return b.String()
}
