package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
)

// groupHistory is a consumer group's generations over time: what started
// each rebalance, what each member gave up (all of it under an eager
// protocol; only what moves under cooperative-sticky, KIP-429), and which
// partitions each member got in each generation, replayed from the events.
func groupHistory(st *theme.Styles, g *sim.GroupView, events []sim.Event) *drillSheet {
	s := &drillSheet{Kind: sheetGroup,
		title: st.PaneFocus.Render("▶ GROUP "+components.Sanitize(g.ID)) + st.Bold.Render(" › generations and assignments over time")}
	s.items = append(s.items, sheetLine{head: st.Faint.Render("now      ") + groupNow(st, g)})
	n := 0
	for i := range events {
		e := &events[i]
		if e.Group != g.ID {
			continue
		}
		if it, ok := groupChange(st, e); ok {
			s.items = append(s.items, it)
			n++
		}
	}
	if n == 0 {
		s.items = append(s.items, sheetLine{head: st.Faint.Render("no member has joined yet")})
	}
	return s
}

// groupNow is the group's state, generation, protocol and members.
func groupNow(st *theme.Styles, g *sim.GroupView) string {
	members := make([]string, 0, len(g.Members))
	for _, m := range g.Members {
		members = append(members, components.Sanitize(m.Name)+" "+string(m.State))
	}
	proto := g.Protocol
	if proto == "" && len(g.Config.Assignors) > 0 {
		proto = g.Config.Assignors[0]
	}
	return st.Bold.Render(string(g.State)+" · generation "+components.Itoa(g.Generation)) + " · " + protocolText(proto) +
		" · coordinator b" + components.Itoa(g.Coordinator) + " · " + strings.Join(members, ", ")
}

// protocolText names an assignor and its rebalance protocol: only
// cooperative-sticky is incremental (KIP-429); the others are eager.
func protocolText(assignor string) string {
	if assignor == sim.AssignorCooperativeSticky {
		return assignor + " (cooperative: only moved partitions are revoked)"
	}
	return assignor + " (eager: every member revokes everything)"
}

// protocolShort is an assignor and its protocol, briefly.
func protocolShort(assignor string) string {
	if assignor == sim.AssignorCooperativeSticky {
		return assignor + " (cooperative)"
	}
	return assignor + " (eager)"
}

// partitionList is an assignment's partitions for the head when they are
// few; when they are many the head counts them and the list goes under it,
// wrapped.
func partitionList(n int, text string) (head, body string) {
	text = components.Sanitize(text)
	if len(text) <= 32 {
		return text, ""
	}
	return whatif.Plural(n, "partition"), strings.ReplaceAll(text, ",", ", ")
}

// groupChange is one line of the history for a group event; false for
// the events of everyday consuming (fetches, processing, commits).
func groupChange(st *theme.Styles, e *sim.Event) (sheetLine, bool) {
	at := st.Faint.Render(components.Fit(components.FmtMs(e.AtMs), 9))
	who := components.Sanitize(e.Member)
	switch e.Type {
	case sim.EvRebalanceDone:
		if e.Count == 0 {
			return sheetLine{head: at + st.Bold.Render("generation "+components.Itoa(e.Gen)) + " · Empty: no members"}, true
		}
		head := at + st.Bold.Render("generation "+components.Itoa(e.Gen)) + " · leader " + who + " · " +
			whatif.Plural(e.Count, "member") + " · " + protocolShort(e.Text)
		if e.Reason != sim.ReasonDeadClient {
			return sheetLine{head: head}, true // the why only repeats the head
		}
		return sheetLine{head: head, body: e.Why()}, true
	case sim.EvAssigned:
		got, list := partitionList(e.Count, e.Text)
		if e.Count == 0 {
			got = "nothing"
		}
		line := "  " + components.Fit(who, 6) + st.Accent.Render("→ ") + got
		if e.Count > 0 && e.Offset > 0 && e.Offset < int64(e.Count) {
			line += st.Faint.Render(" (" + components.I64(e.Offset) + " new)")
		}
		return sheetLine{head: at + line, body: list}, true
	case sim.EvRevoked:
		how := "revoked all"
		if e.Reason == sim.ReasonCooperative {
			how = "gave up"
		} else if e.Reason == sim.ReasonPartitionsLost {
			how = "lost"
		}
		got, list := partitionList(e.Count, e.Text)
		return sheetLine{head: at + "  " + components.Fit(who, 6) + st.OutOfSync.Render("✕ "+how+" ") + got, body: list}, true
	case sim.EvRebalanceStarted:
		return sheetLine{head: at + st.OutOfSync.Render("⟳ rebalance"), body: e.Why()}, true
	case sim.EvMemberJoined, sim.EvMemberLeft, sim.EvMemberExpired, sim.EvConsumerCrashed,
		sim.EvConsumerRestarted, sim.EvPollTimeout, sim.EvCoordinatorMoved:
		return sheetLine{head: at + st.Faint.Render(string(e.Type)+" ") + who, body: e.Why()}, true
	}
	return sheetLine{}, false
}
