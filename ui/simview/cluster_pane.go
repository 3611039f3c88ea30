package simview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
	"kafkasim/ui/whatif"
)

// Replica and broker symbols: shape tells the role, colour repeats it, so
// the picture reads without colour (NO_COLOR) too.
const (
	symLeader    = "◆"
	symInSync    = "●"
	symOutOfSync = "○"
	SymOffline   = "✕"
	symCtrl      = "★"
	symSlow      = "◷"
	symFenced    = "⊘"
)

// clusterPane draws each broker as a box holding its replicas: one log
// strip per partition, aligned by offset across the brokers, or (when rows
// are scarce) one symbol per replica. Boxes fold into a grid.
type clusterPane struct {
	components.Pane
	seen   clusterSeen
	more   int // brokers below the window at the last render
	cache  components.RunCache
	tokens map[tokenKey]string
}

// clusterSeen records which marks the picture drew, so the legend lists
// only those.
type clusterSeen struct {
	leader, isr, outISR, offline, ctrl, slow, fenced, diverged, above, deleted bool
}

func NewClusterPane() clusterPane {
	return clusterPane{Pane: components.Pane{ID: components.PaneCluster}, cache: components.RunCache{}, tokens: map[tokenKey]string{}}
}

// Box sizes: the narrowest box of each mode, borders included.
const (
	minStripBox = 16
	minTokenBox = 14
)

// clusterMode is how the boxes hold their replicas.
type clusterMode uint8

const (
	modeStrips clusterMode = iota // a log strip per replica
	modeTokens                    // "0◆ 1● 2○"
)

// Render draws the brokers of snap as c.h lines of c.w cells.
func (c *clusterPane) Render(st *theme.Styles, snap *sim.Snapshot, hot *Anim) []string {
	c.seen = clusterSeen{}
	mode := modeStrips
	if clusterLines(snap, c.W, modeStrips) > c.BodyHeight() {
		mode = modeTokens
	}
	boxes := c.boxes(st, snap, hot, mode)
	cols := gridCols(len(boxes), c.W, minBoxWidth(mode))
	body, bottoms := gridLines(st, boxes, cols, c.W)
	if len(boxes) == 0 {
		body = []string{st.Faint.Render("no brokers")}
	}
	c.SetTotal(len(body))
	from, to := c.Window()
	shown := append([]string(nil), body[from:to]...)
	c.more = 0
	if to < len(body) && len(shown) > 0 {
		// The brokers whose boxes go on below: most are partly on screen,
		// so "more of", not "more brokers" (three brokers cut short read
		// as six).
		for _, b := range bottoms {
			if b >= to-1 {
				c.more++
			}
		}
		shown[len(shown)-1] = st.Accent.Render("▼ more of " + whatif.Plural(c.more, "broker") + " · tab here, ↓ scrolls")
	}
	return c.Frame(st, c.legend(st), shown)
}

// legend lists the marks the picture drew.
func (c *clusterPane) legend(st *theme.Styles) string {
	var b strings.Builder
	add := func(on bool, sym string, style func(...string) string, word string) {
		if on {
			b.WriteString(style(sym) + st.Faint.Render(word+" "))
		}
	}
	s := c.seen
	add(s.leader, symLeader, st.Leader.Render, "leader")
	add(s.isr, symInSync, st.InSync.Render, "ISR")
	add(s.outISR, symOutOfSync, st.OutOfSync.Render, "out")
	add(s.offline, SymOffline, st.Offline.Render, "down")
	add(s.ctrl, symCtrl, st.Accent.Render, "ctrl")
	add(s.slow, symSlow, st.Slow.Render, "slow")
	add(s.fenced, symFenced, st.OutOfSync.Render, "fenced")
	add(s.above, "▒", st.Faint.Render, ">HW")
	add(s.diverged, "▚", st.OutOfSync.Render, "diverged")
	add(s.deleted, "╌", st.Faint.Render, "deleted")
	return b.String()
}

// boxes builds one box per broker, then one per dedicated controller node.
func (c *clusterPane) boxes(st *theme.Styles, snap *sim.Snapshot, hot *Anim, mode clusterMode) []box {
	cols := gridCols(len(snap.Brokers)+len(snap.ControllerNodes), c.W, minBoxWidth(mode))
	inner := boxWidth(c.W, cols) - 2
	out := make([]box, 0, len(snap.Brokers)+len(snap.ControllerNodes))
	for i := range snap.Brokers {
		b := &snap.Brokers[i]
		bx := c.brokerBox(st, snap, b, hot)
		if mode == modeStrips {
			bx.lines = c.stripLines(st, snap, b, hot, inner)
		} else {
			bx.lines = c.tokenLines(st, snap, b, hot, inner)
		}
		out = append(out, bx)
	}
	for _, n := range snap.ControllerNodes {
		out = append(out, c.controllerBox(st, n))
	}
	return out
}

// brokerBox is a broker's border and title: its name, the controller star,
// and its state as a symbol and a word.
func (c *clusterPane) brokerBox(st *theme.Styles, snap *sim.Snapshot, b *sim.BrokerView, hot *Anim) box {
	bx := box{border: &st.Faint}
	title := "b" + components.Itoa(b.ID)
	if b.Controller || snap.Controller == b.ID {
		title = symCtrl + title
		c.seen.ctrl = true
	}
	style := &st.Bold
	switch {
	case b.Registering:
		title += " " + SymOffline + "wait"
		style, bx.border, bx.dashed = &st.Offline, &st.Offline, true
		c.seen.offline = true
	case b.State == sim.BrokerDown:
		title += " " + SymOffline + "DOWN"
		style, bx.border, bx.dashed = &st.Offline, &st.Offline, true
		c.seen.offline = true
	case b.State == sim.BrokerSlow:
		title += " " + symSlow + "slow"
		style, bx.border = &st.Slow, &st.Slow
		c.seen.slow = true
	case b.Fenced:
		title += " " + symFenced + "fenced"
		style = &st.OutOfSync
		c.seen.fenced = true
	case b.DropAcks > 0:
		title += " ⚠drop acks"
		style = &st.OutOfSync
	}
	if hot.Is(HotKey{Kind: hotBroker, N1: b.ID}) {
		style = &st.Hot
	}
	bx.title, bx.titleW = style.Render(title), ansi.StringWidth(title)
	return bx
}

// controllerBox is a dedicated KRaft controller node: it votes in the
// quorum and holds no partitions.
func (c *clusterPane) controllerBox(st *theme.Styles, n sim.ControllerNodeView) box {
	title := "n" + components.Itoa(n.ID)
	if n.Active {
		title = symCtrl + title
		c.seen.ctrl = true
	}
	bx := box{border: &st.Faint}
	style := &st.Bold
	if !n.Up {
		title += " " + SymOffline + "DOWN"
		style, bx.border, bx.dashed = &st.Offline, &st.Offline, true
		c.seen.offline = true
	}
	bx.title, bx.titleW = style.Render(title), ansi.StringWidth(title)
	bx.lines = []string{st.Faint.Render("controller: votes,"), st.Faint.Render("holds no partitions")}
	return bx
}

// replicaRole is a replica's symbol and style: leader, in the ISR, out of
// it, or offline.
func (c *clusterPane) replicaRole(st *theme.Styles, p *sim.PartitionView, r *sim.ReplicaView, b *sim.BrokerView) (string, *lipgloss.Style) {
	switch {
	case b.State == sim.BrokerDown || (r != nil && !r.Online):
		c.seen.offline = true
		return SymOffline, &st.Offline
	case p.Leader == b.ID:
		c.seen.leader = true
		return symLeader, &st.Leader
	case (r != nil && r.InSync) || containsInt(p.ISR, b.ID):
		c.seen.isr = true
		return symInSync, &st.InSync
	}
	c.seen.outISR = true
	return symOutOfSync, &st.OutOfSync
}

// tokenLines are "orders: 0◆ 1● 2○" wrapped to the box.
func (c *clusterPane) tokenLines(st *theme.Styles, snap *sim.Snapshot, b *sim.BrokerView, hot *Anim, inner int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	put := func(t string, w int) {
		if curW > 0 && curW+w > inner {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		cur.WriteString(t)
		curW += w
	}
	multi := len(snap.Topics) > 1
	for h := range heldReplicas(snap, b.ID) {
		p, t := h.p, h.topic
		if h.firstOfTopic && multi {
			name := components.Fit(components.Sanitize(t.Name), min(len(t.Name), inner-4)) + ":"
			put(st.Faint.Render(name)+" ", ansi.StringWidth(name)+1)
		}
		sym, style := c.replicaRole(st, p, h.r, b)
		text := components.Itoa(p.Partition) + sym
		if replicaLit(hot, p, b.ID) {
			style = &st.Hot
		}
		put(c.token(style, text)+c.tokenGap(st, hot, p, b.ID), len(components.Itoa(p.Partition))+1+1)
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	if len(lines) == 0 {
		lines = append(lines, st.Faint.Render("no replicas"))
	}
	return lines
}

// tokenKey names a replica token in its style.
type tokenKey struct {
	style *lipgloss.Style
	text  string
}

// token renders a replica token ("12◆"), from the cache when it can: a
// big cluster draws hundreds of them a frame, always the same few.
func (c *clusterPane) token(style *lipgloss.Style, text string) string {
	k := tokenKey{style, text}
	if s, ok := c.tokens[k]; ok {
		return s
	}
	s := style.Render(text)
	if len(c.tokens) < components.MaxRunCache {
		c.tokens[k] = s
	}
	return s
}

func FindReplica(p *sim.PartitionView, broker int) *sim.ReplicaView {
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
