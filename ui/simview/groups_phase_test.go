package simview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
)

// Below 80×24 there is no groups pane, and where the groups pane is
// compact there is no phase line: both still show a rebalance's phase and
// the generation it makes. The phases follow the classic protocol
// (GroupCoordinator: PreparingRebalance while members send JoinGroup,
// CompletingRebalance while the leader's SyncGroup is awaited); an eager
// member that still owns partitions revokes them first, a
// cooperative-sticky one keeps them and revokes the moved ones last
// (KIP-429).
func TestCompactShowsRebalancePhase(t *testing.T) {
	for _, c := range []struct {
		state    sim.GroupState
		protocol string
		holding  bool
		want     string
	}{
		{sim.GroupPreparingRebalance, "range", true, "gen 3→4 revoke◉›Join›Sync›assign"},
		{sim.GroupPreparingRebalance, "range", false, "gen 3→4 revoke✓›Join◉›Sync›assign"},
		{sim.GroupCompletingRebalance, "range", false, "gen 3 revoke✓›Join✓›Sync◉›assign"},
		{sim.GroupPreparingRebalance, sim.AssignorCooperativeSticky, true, "gen 3→4 Join◉›Sync›assign›revoke"},
		{sim.GroupCompletingRebalance, sim.AssignorCooperativeSticky, true, "gen 3 Join✓›Sync◉›assign›revoke"},
	} {
		m := newFixtureSim(70, 18, 3, 3, 30)
		g := &m.Snap.Groups[0]
		g.State, g.Protocol = c.state, c.protocol
		if !c.holding {
			g.Members[0].State = sim.MemberJoining
		}
		if !m.Lay.compact {
			t.Fatal("70×18 should draw the compact view")
		}
		view := ansi.Strip(m.View())
		if !strings.Contains(view, "⟳ billing "+c.want) {
			t.Fatalf("%s %s: the compact view should show %q:\n%s", c.protocol, c.state, c.want, view)
		}
		if n := len(strings.Split(view, "\n")); n != 18 {
			t.Fatalf("the compact view should keep the terminal's height, got %d lines", n)
		}
		gp := newGroupsPane()
		gp.SetSize(60, 3) // too few rows for the phase line: the compact groups
		body := ansi.Strip(strings.Join(gp.Render(plainStyles(), &m.Snap, m.Hot), "\n"))
		if !strings.Contains(body, "⟳ billing "+c.want) {
			t.Fatalf("%s %s: the compact groups pane should show %q:\n%s", c.protocol, c.state, c.want, body)
		}
	}
	m := newFixtureSim(70, 18, 3, 3, 30)
	if view := ansi.Strip(m.View()); strings.Contains(view, "⟳") || strings.Contains(view, "◉") {
		t.Fatalf("a stable group has no phase to show:\n%s", view)
	}
}
