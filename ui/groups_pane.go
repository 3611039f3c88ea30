package ui

import (
	"strings"

	"kafkasim/sim"
)

// groupsPane lists each consumer group: state, generation, members with
// their partitions and lag.
type groupsPane struct {
	pane
}

func newGroupsPane() groupsPane { return groupsPane{pane: pane{id: paneGroups}} }

// render draws the groups of snap as g.w × g.h lines.
func (g *groupsPane) render(st *Styles, snap *sim.Snapshot, hot *anim) []string {
	var body []string
	for i := range snap.Groups {
		body = append(body, g.groupLines(st, &snap.Groups[i], hot)...)
	}
	if len(snap.Groups) == 0 {
		body = append(body, st.Faint.Render("no consumer groups"))
	}
	g.setTotal(len(body))
	from, to := g.window()
	return g.frame(st, st.Faint.Render("★ group leader"), body[from:to])
}

func (g *groupsPane) groupLines(st *Styles, gv *sim.GroupView, hot *anim) []string {
	head := sanitize(gv.ID) + " " + string(gv.State) + " gen " + itoa(gv.Generation)
	style := st.Bold
	switch gv.State {
	case sim.GroupPreparingRebalance, sim.GroupCompletingRebalance:
		style = st.OutOfSync
		head += " ⟳"
	case sim.GroupEmpty, sim.GroupDead:
		style = st.Offline
	}
	if hot.is(hotKey{kind: hotGroup, s1: gv.ID}) {
		style = st.Hot
	}
	info := st.Faint.Render(" " + gv.Protocol + " · coordinator b" + itoa(gv.Coordinator) + " · lag " + i64(groupLag(gv)))
	lines := []string{style.Render(head) + info}
	for i := range gv.Members {
		lines = append(lines, g.memberLine(st, gv, &gv.Members[i], hot))
	}
	return lines
}

func (g *groupsPane) memberLine(st *Styles, gv *sim.GroupView, m *sim.MemberView, hot *anim) string {
	lead := " "
	if m.Leader {
		lead = "★"
	}
	state := string(m.State)
	style := st.Bold
	switch m.State {
	case sim.MemberIdle:
		state = "idle ◌"
		style = st.Faint
	case sim.MemberCrashed, sim.MemberClosed:
		state = strings.ToUpper(state) + " ✕"
		style = st.Offline
	case sim.MemberPaused:
		state = "paused ‖"
		style = st.Slow
	case sim.MemberJoining, sim.MemberRebalancing:
		state += " ⟳"
		style = st.OutOfSync
	}
	name := fit(sanitize(m.Name), 4)
	text := "  " + lead + name + " " + fit(state, 13)
	activity := ""
	if v, ok := hot.get(hotKey{kind: hotMember, s1: gv.ID, s2: m.Name}); ok {
		text = st.Hot.Render(text)
		activity = " " + st.Accent.Render(v.label)
	} else {
		text = style.Render(text)
	}
	parts := assignedText(m.Assigned)
	if parts == "" {
		parts = "no partitions"
	}
	return text + " " + parts + st.Faint.Render(" lag ") + i64(memberLag(gv, m)) + activity
}

// assignedText writes partitions grouped by topic: "orders[0,1] pay[2]".
func assignedText(tps []sim.TopicPartition) string {
	var b strings.Builder
	for i, tp := range tps {
		if i == 0 || tps[i-1].Topic != tp.Topic {
			if i > 0 {
				b.WriteString("] ")
			}
			b.WriteString(sanitize(tp.Topic) + "[")
		} else {
			b.WriteString(",")
		}
		b.WriteString(itoa(tp.Partition))
	}
	if len(tps) > 0 {
		b.WriteString("]")
	}
	return b.String()
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
