package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// rebalancePhase is where a rebalance is, as an index into its four
// phases, from the group's state and its members' (Kafka's classic
// protocol: JoinGroup, then SyncGroup). Eager assignors revoke every
// partition before JoinGroup; cooperative-sticky keeps them and revokes
// only the moved ones after SyncGroup (KIP-429), so its phases come in
// another order.
func rebalancePhase(gv *sim.GroupView) (coop bool, cur int) {
	coop = gv.Protocol == sim.AssignorCooperativeSticky
	cur = 1 // JoinGroup: waiting for members to join
	switch {
	case gv.State == sim.GroupCompletingRebalance && coop:
		cur = 1
	case gv.State == sim.GroupCompletingRebalance:
		cur = 2
	case coop:
		cur = 0
	case stillHolding(gv):
		cur = 0 // eager members give their partitions up as they rejoin
	}
	return coop, cur
}

// shortPhases are the phases in a few cells, for compact heads.
var (
	shortPhasesEager = []string{"revoke", "Join", "Sync", "assign"}
	shortPhasesCoop  = []string{"Join", "Sync", "assign", "revoke"}
)

// shortPhaseLine is a rebalance's phases in one short run of text, the
// current one marked ◉ and the done ones ✓, as the full phase line marks
// them: "revoke✓›Join◉›Sync›assign".
func shortPhaseLine(st *theme.Styles, gv *sim.GroupView) string {
	coop, cur := rebalancePhase(gv)
	names := shortPhasesEager
	if coop {
		names = shortPhasesCoop
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(st.Faint.Render("›"))
		}
		switch {
		case i < cur:
			b.WriteString(st.Once.Render(n + "✓"))
		case i == cur:
			b.WriteString(st.Hot.Render(n + "◉"))
		default:
			b.WriteString(st.Faint.Render(n))
		}
	}
	return b.String()
}

// compactGroupHead is a group's head where there is no room for a phase
// line: while it rebalances, the generation ticking up and the phases
// take the place of the state's name; otherwise the usual head.
func compactGroupHead(st *theme.Styles, gv *sim.GroupView, hot *Anim) string {
	if !rebalancing(gv) {
		return groupHead(st, gv, hot)
	}
	next := gv.Generation
	if gv.State == sim.GroupPreparingRebalance {
		next++ // the generation the JoinGroup round will make
	}
	style := st.OutOfSync
	if hot.Is(HotKey{Kind: hotGroup, S1: gv.ID}) {
		style = st.Hot
	}
	gen := "gen " + components.Itoa(gv.Generation)
	if next != gv.Generation {
		gen += "→" + components.Itoa(next)
	}
	return style.Render("⟳ "+components.Sanitize(gv.ID)+" "+gen) + " " + shortPhaseLine(st, gv) +
		st.Faint.Render(" "+gv.Protocol+" · lag "+components.I64(groupLag(gv)))
}

// compactPhaseLines are the heads of the groups rebalancing now, for the
// compact view, which has no groups pane: at most limit of them.
func compactPhaseLines(st *theme.Styles, snap *sim.Snapshot, hot *Anim, w, limit int) []string {
	var out []string
	for i := range snap.Groups {
		gv := &snap.Groups[i]
		if !rebalancing(gv) || len(out) == limit {
			continue
		}
		out = append(out, components.Fit(compactGroupHead(st, gv, hot), w))
	}
	return out
}
