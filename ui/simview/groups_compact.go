package simview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// groupsLines is how many lines the groups take at width w: a line per
// member, or (compact) the members' chips side by side under each head.
func groupsLines(snap *sim.Snapshot, w int, compact bool) int {
	n := 0
	for i := range snap.Groups {
		gv := &snap.Groups[i]
		if !compact {
			n += groupLineCount(gv)
			continue
		}
		n += 1 + len(chipRows(gv, w))
	}
	return max(n, 1)
}

// compactChip is a member in a few cells: "[★c1▶ 0,1]", "[c3… 12s]".
func compactChip(gv *sim.GroupView, m *sim.MemberView) string {
	var plain theme.Styles // only the words are wanted here
	chip, word, _ := memberChip(&plain, m)
	inner := strings.TrimSuffix(strings.TrimPrefix(chip, "["), "]")
	inner = strings.Replace(inner, " ", "", 1)
	switch {
	case m.StartsAtMs > 0:
		inner += " " + fmtSeconds(m.StartsAtMs)
	case len(m.Assigned) > 0:
		inner += " " + shortAssigned(gv, m.Assigned)
	case word != "" && m.State != sim.MemberIdle:
		inner += " " + strings.FieldsFunc(word, func(r rune) bool { return r == ' ' || r == ':' })[0]
	}
	return "[" + inner + "]"
}

// shortAssigned writes partitions as "0,1" when the group reads one
// topic, else as assignedText does.
func shortAssigned(gv *sim.GroupView, tps []sim.TopicPartition) string {
	if len(gv.Config.Topics) != 1 {
		return assignedText(tps)
	}
	var b strings.Builder
	for i, tp := range tps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(components.Itoa(tp.Partition))
	}
	return b.String()
}

// chipRows wraps a group's chips to width w, two cells in.
func chipRows(gv *sim.GroupView, w int) [][]int {
	var rows [][]int
	var cur []int
	curW := 2
	for i := range gv.Members {
		cw := ansi.StringWidth(compactChip(gv, &gv.Members[i])) + 1
		if len(cur) > 0 && curW+cw > w {
			rows = append(rows, cur)
			cur, curW = nil, 2
		}
		cur = append(cur, i)
		curW += cw
	}
	if len(cur) > 0 {
		rows = append(rows, cur)
	}
	return rows
}

// compactLines are a group's head (with its rebalance phase in a word)
// and its members' chips.
func (g *groupsPane) compactLines(st *theme.Styles, gv *sim.GroupView, hot *Anim) ([]string, [][]string) {
	lines := []string{compactGroupHead(st, gv, hot)}
	owners := [][]string{nil}
	for _, row := range chipRows(gv, g.W) {
		var b strings.Builder
		var own []string
		b.WriteString("  ")
		for _, i := range row {
			m := &gv.Members[i]
			_, _, style := memberChip(st, m)
			chip := compactChip(gv, m)
			if hot.Is(HotKey{Kind: hotMember, S1: gv.ID, S2: m.Name}) {
				style = st.Hot
			}
			b.WriteString(style.Render(chip) + " ")
			own = append(own, MemberKey(gv.ID, m.Name))
		}
		lines = append(lines, b.String())
		owners = append(owners, own)
	}
	return lines, owners
}
