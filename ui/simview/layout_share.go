package simview

import "kafkasim/sim"

// growable is a pane's claim on rows: a minimum, then levels it can
// use whole (the cluster with replica symbols, then with log strips); a
// level that does not fit whole is not taken, so rows go where they
// show something.
type growable struct {
	levels []int
	min    int
}

// top is the most the pane can use.
func (g *growable) top() int { return max(g.levels[len(g.levels)-1], g.min) }

// cut reports whether h rows cut its content.
func (g *growable) cut(h int) bool { return h < g.top() }

// share hands out rows: first every minimum (with tight, only as far as
// rows go, in order: under a lesson box the panes it is about come first
// and the last ones give way; otherwise the narration below gives way),
// then, in order, each pane's levels that fit whole; then what is left to
// the first pane whose first level is cut (its content scrolls, so every
// row shows something).
func share(rows int, order []*growable, tight bool) map[*growable]int {
	got := make(map[*growable]int, len(order))
	left := rows
	for _, g := range order {
		got[g] = min(g.min, g.top())
		if tight {
			got[g] = max(min(got[g], left), 0)
		}
		left -= got[g]
	}
	for pass := range 2 {
		for _, g := range order {
			for i, lv := range g.levels {
				extra := lv - got[g]
				switch {
				case extra <= 0:
					continue
				case extra <= left:
					got[g] += extra
					left -= extra
				case pass == 1 && i == 0 && left > 0: // what is left goes to a cut pane
					got[g] += left
					left = 0
				}
			}
		}
	}
	return got
}

// paneFocus is what a scenario is about, so its panes get rows first.
type paneFocus uint8

const (
	focusGroups paneFocus = iota
	focusCluster
	focusLogs
	focusProducers
)

// order lists the growables by the focus: a, b, c are cluster row,
// logs, groups row (narrow) or the column's panes (wide) in their usual
// order.
func (f paneFocus) order(gs ...*growable) []*growable {
	out := append([]*growable(nil), gs...)
	if len(gs) == 2 { // cluster, logs
		if f == focusLogs {
			out[0], out[1] = gs[1], gs[0]
		}
		return out
	}
	switch f {
	case focusGroups:
		return []*growable{gs[2], gs[0], gs[1]}
	case focusLogs:
		return []*growable{gs[1], gs[2], gs[0]}
	}
	return out
}

// scenarioFocus guesses what a scenario is about from its timeline: the
// kind of command it uses most (brokers, consumers, producers, topics).
func scenarioFocus(cfg sim.Config, timeline []sim.Scheduled) paneFocus {
	var counts [4]int
	for _, s := range timeline {
		switch s.Cmd.Kind {
		case sim.CmdCrashBroker, sim.CmdRestartBroker, sim.CmdCrashController, sim.CmdRestartController,
			sim.CmdSlowBroker, sim.CmdDropAcks:
			counts[focusCluster]++
		case sim.CmdCrashConsumer, sim.CmdRestartConsumer, sim.CmdAddConsumer, sim.CmdCloseConsumer,
			sim.CmdPauseConsumer, sim.CmdResumeConsumer, sim.CmdAddGroup, sim.CmdResetOffsets:
			counts[focusGroups]++
		case sim.CmdCrashProducer, sim.CmdAddProducer, sim.CmdProduce:
			counts[focusProducers]++
		case sim.CmdAlterTopic, sim.CmdAddPartitions, sim.CmdCreateTopic, sim.CmdDeleteTopic:
			counts[focusLogs]++
		}
	}
	best := focusGroups
	for f := range counts {
		if counts[f] > counts[best] {
			best = paneFocus(f)
		}
	}
	if counts[best] == 0 && len(cfg.Groups) == 0 {
		return focusLogs // nobody consumes: the log is the story
	}
	return best
}
