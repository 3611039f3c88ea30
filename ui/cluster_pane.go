package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
)

// Replica symbols: shape tells the role, colour repeats it.
const (
	symLeader    = "◆"
	symInSync    = "●"
	symOutOfSync = "○"
	symOffline   = "✕"
	symCtrl      = "★"
)

// clusterPane shows each broker, its state, the controller, and the replicas
// it holds.
type clusterPane struct {
	pane
}

func newClusterPane() clusterPane { return clusterPane{pane: pane{id: paneCluster}} }

// render draws the brokers of snap as c.h lines of c.w cells.
func (c *clusterPane) render(st *Styles, snap *sim.Snapshot, hot *anim) []string {
	var body []string
	for i := range snap.Brokers {
		body = append(body, c.brokerLines(st, snap, &snap.Brokers[i], hot)...)
	}
	for _, n := range snap.ControllerNodes {
		body = append(body, controllerNodeLine(st, n))
	}
	if len(snap.Brokers) == 0 {
		body = append(body, st.Faint.Render("no brokers"))
	}
	c.setTotal(len(body))
	from, to := c.window()
	legend := st.Leader.Render(symLeader) + st.Faint.Render("leader ") +
		st.InSync.Render(symInSync) + st.Faint.Render("in-sync ") +
		st.OutOfSync.Render(symOutOfSync) + st.Faint.Render("lagging ") +
		st.Offline.Render(symOffline) + st.Faint.Render("down ") + st.Accent.Render(symCtrl) + st.Faint.Render("ctrl")
	return c.frame(st, legend, body[from:to])
}

// brokerLines is one broker: a status head, then its replicas wrapped over as
// many lines as they need.
func (c *clusterPane) brokerLines(st *Styles, snap *sim.Snapshot, b *sim.BrokerView, hot *anim) []string {
	var head strings.Builder
	name := "b" + itoa(b.ID)
	ctrl := " "
	if b.Controller || snap.Controller == b.ID {
		ctrl = symCtrl
	}
	state := brokerStateWord(b)
	stStyle := st.Bold
	switch {
	case b.State == sim.BrokerDown:
		stStyle = st.Offline
	case b.State == sim.BrokerSlow:
		stStyle = st.Slow
	case b.Fenced:
		stStyle = st.OutOfSync
	}
	label := st.Accent.Render(ctrl) + stStyle.Render(name+" "+state)
	if hot.is(hotKey{kind: hotBroker, n1: b.ID}) {
		label = st.Hot.Render(ctrl + name + " " + state)
	}
	head.WriteString(label)
	headW := ansi.StringWidth(ctrl + name + " " + state)
	tokens := c.replicaTokens(st, snap, b, hot)
	width := c.w
	indent := strings.Repeat(" ", headW+1)
	var lines []string
	cur := head.String() + " "
	curW := headW + 1
	for _, t := range tokens {
		tw := ansi.StringWidth(t)
		if curW+tw > width && curW > len(indent) {
			lines = append(lines, cur)
			cur, curW = indent, len(indent)
		}
		cur += t
		curW += tw
	}
	return append(lines, cur)
}

// controllerNodeLine is one dedicated KRaft controller node: it votes in
// the quorum and holds no partitions.
func controllerNodeLine(st *Styles, n sim.ControllerNodeView) string {
	ctrl, state, stStyle := " ", "up  ", st.Bold
	if n.Active {
		ctrl = symCtrl
	}
	if !n.Up {
		state, stStyle = "DOWN", st.Offline
	}
	return st.Accent.Render(ctrl) + stStyle.Render("n"+itoa(n.ID)+" "+state) + " " + st.Faint.Render("controller node: votes, holds no partitions")
}

// brokerStateWord is the fixed-width word for a broker's state.
func brokerStateWord(b *sim.BrokerView) string {
	switch {
	case b.Registering:
		return "wait" // restarted, not registered until its old session expires
	case b.State == sim.BrokerDown:
		return "DOWN"
	case b.State == sim.BrokerSlow:
		return "slow"
	case b.Fenced:
		return "fenc"
	case b.DropAcks > 0:
		return "drop"
	}
	return "up  "
}

// replicaTokens are "orders:" followed by "0◆ 1● 2○" for each partition of
// each topic this broker holds a replica of.
func (c *clusterPane) replicaTokens(st *Styles, snap *sim.Snapshot, b *sim.BrokerView, hot *anim) []string {
	var out []string
	for ti := range snap.Topics {
		t := &snap.Topics[ti]
		first := true
		for pi := range t.Partitions {
			p := &t.Partitions[pi]
			r := findReplica(p, b.ID)
			if r == nil && !containsInt(p.Replicas, b.ID) {
				continue
			}
			if first {
				out = append(out, st.Faint.Render(t.Name+":")+" ")
				first = false
			}
			out = append(out, c.replicaToken(st, p, r, b, hot)+" ")
		}
	}
	return out
}

func (c *clusterPane) replicaToken(st *Styles, p *sim.PartitionView, r *sim.ReplicaView, b *sim.BrokerView, hot *anim) string {
	sym, style := symOutOfSync, st.OutOfSync
	switch {
	case b.State == sim.BrokerDown || (r != nil && !r.Online):
		sym, style = symOffline, st.Offline
	case p.Leader == b.ID:
		sym, style = symLeader, st.Leader
	case (r != nil && r.InSync) || containsInt(p.ISR, b.ID):
		sym, style = symInSync, st.InSync
	}
	text := itoa(p.Partition) + sym
	if hot.is(hotKey{kind: hotReplica, s1: p.Topic, n1: p.Partition, n2: b.ID}) ||
		hot.is(hotKey{kind: hotLeader, s1: p.Topic, n1: p.Partition, n2: b.ID}) {
		return st.Hot.Render(text)
	}
	return style.Render(text)
}

func findReplica(p *sim.PartitionView, broker int) *sim.ReplicaView {
	for i := range p.ReplicaLogs {
		if p.ReplicaLogs[i].Broker == broker {
			return &p.ReplicaLogs[i]
		}
	}
	return nil
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
