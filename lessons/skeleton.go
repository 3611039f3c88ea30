package lessons

import (
	"fmt"
	"slices"
	"strings"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// SkeletonRun is a run as a screen holds it, to start a lesson from.
type SkeletonRun struct {
	Title    string          // the lesson or scenario the run came from
	Scenario string          // the scenario file written beside the lesson, as the lesson names it
	Timeline []sim.Scheduled // the scenario's own timeline
	Hand     []sim.Applied   // what the learner did by hand
	Snapshot sim.Snapshot    // the run now
}

// maxSkeletonStops keeps a skeleton short enough to edit.
const maxSkeletonStops = 8

// Skeleton writes a lesson file of a run for a teacher to finish: a stop
// one second after each moment the run marks (a fault, a note, a command
// given by hand), a challenge judged now whose expectations are what the
// engine measured, and whose solution is the run's faults. Every "TODO"
// is the teacher's to write; the file validates and its solution passes
// as it stands.
func Skeleton(r SkeletonRun) []byte {
	now := r.Snapshot.NowMs
	faults := r.faults()
	var b strings.Builder
	b.WriteString("+++\nnumber = 1\n")
	b.WriteString("title = " + scenarios.QuoteTOML(r.Title+": a lesson of my run") + "\n")
	b.WriteString("scenario = " + scenarios.QuoteTOML(r.Scenario) + "\n")
	b.WriteString(`summary = "TODO: one line for the home screen."` + "\n")
	b.WriteString("\n# One stop a second after each moment the run marks. Say what to look at;\n")
	b.WriteString("# watch shows live values; add [stop.predict] where a guess teaches.\n")
	r.writeStops(&b, faults, now)
	b.WriteString("\n[challenge]\n")
	b.WriteString(`goal = "TODO: what the learner must make happen."` + "\n")
	b.WriteString(`hint = "TODO: a nudge in the first sentence. Then the mechanism."` + "\n")
	b.WriteString(`setup = "The run keeps its traffic but not its faults: the faults are yours."` + "\n")
	b.WriteString("by = " + scenarios.QuoteTOML(formatMs(now)) + "\n")
	writeExpects(&b, r.Snapshot)
	for _, f := range faults {
		b.WriteString(indent(scenarios.CommandTOML("[[challenge.solution]]", f)))
	}
	if len(faults) == 0 { // a challenge needs a solution; this run had no faults yet
		b.WriteString("  [[challenge.solution]]\n  at = \"0s\"\n  do = \"note\"\n" +
			"  say = \"TODO: the run had no faults yet: write the steps that pass.\"\n")
	}
	b.WriteString("+++\n\n# " + r.Title + "\n\nTODO: the idea in two or three sentences.\n\n")
	b.WriteString("## What to watch\n\nTODO: what the run shows, and why Kafka does it.\n")
	return []byte(b.String())
}

// faults are the run's commands other than traffic, scripted and by hand,
// in time order: the challenge's solution, since its run keeps traffic only.
func (r SkeletonRun) faults() []sim.Scheduled {
	var out []sim.Scheduled
	for _, s := range r.Timeline {
		if s.Cmd.Kind != sim.CmdProduce && s.Cmd.Kind != sim.CmdNote && s.AtMs <= r.Snapshot.NowMs {
			out = append(out, s)
		}
	}
	for _, h := range r.Hand {
		out = append(out, sim.Scheduled{AtMs: h.AtMs, Cmd: h.Cmd})
	}
	slices.SortStableFunc(out, func(a, b sim.Scheduled) int { return int(a.AtMs - b.AtMs) })
	return out
}

// writeStops writes a stop after each fault and note, in time order.
func (r SkeletonRun) writeStops(b *strings.Builder, faults []sim.Scheduled, now int64) {
	moments := slices.Clone(faults)
	for _, s := range r.Timeline {
		if s.Cmd.Kind == sim.CmdNote {
			moments = append(moments, s)
		}
	}
	slices.SortStableFunc(moments, func(a, b sim.Scheduled) int { return int(a.AtMs - b.AtMs) })
	last, n := int64(-1), 0
	for _, m := range moments {
		at := m.AtMs + 1000
		if at <= last || at > now || n == maxSkeletonStops {
			continue
		}
		last, n = at, n+1
		said := m.Cmd.Say
		if m.Cmd.Kind != sim.CmdNote {
			said = "At " + formatMs(m.AtMs) + ": " + stepWords(entryOf(m.Cmd)) + "."
			if m.Cmd.Say != "" {
				said += " " + m.Cmd.Say
			}
		}
		fmt.Fprintf(b, "\n[[stop]]\nat = %s\ntext = %s\n", scenarios.QuoteTOML(formatMs(at)),
			scenarios.QuoteTOML(said+" TODO: what should the learner notice now?"))
		if w := watchFor(m.Cmd, r.Snapshot); len(w) > 0 {
			b.WriteString("watch = [" + strings.Join(w, ", ") + "]\n")
		}
	}
}

// watchFor names metrics worth watching after a command.
func watchFor(c sim.Command, snap sim.Snapshot) []string {
	var names []string
	switch {
	case c.Group != "":
		names = []string{"group." + c.Group + ".lag", "group." + c.Group + ".duplicated", "group." + c.Group + ".lost"}
	case c.Producer != "":
		names = []string{"producer." + c.Producer + ".acked", "producer." + c.Producer + ".failed"}
	case c.Kind == sim.CmdCrashBroker || c.Kind == sim.CmdRestartBroker:
		names = []string{"brokers_up", "log_duplicates"}
	default:
		return nil
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		if _, err := scenarios.Metric(snap, n); err == nil {
			out = append(out, scenarios.QuoteTOML(n))
		}
	}
	return out
}

// writeExpects writes what the engine measured for each group, as
// conditions that hold for this run: none, or some, of each outcome.
func writeExpects(b *strings.Builder, snap sim.Snapshot) {
	for _, g := range snap.Groups {
		b.WriteString("  [[challenge.expect]]\n  group = " + scenarios.QuoteTOML(g.ID) + "\n")
		for _, f := range []string{"duplicated", "lost", "pending"} {
			v, err := scenarios.Metric(snap, "group."+g.ID+"."+f)
			if err != nil {
				continue
			}
			cond := "== 0"
			if v > 0 {
				cond = "> 0"
			}
			b.WriteString("  " + f + " = " + scenarios.QuoteTOML(cond) + "\n")
		}
	}
}

// entryOf is a command as a timeline entry, for stepWords.
func entryOf(c sim.Command) scenarios.TimelineEntry {
	e := scenarios.TimelineEntry{Do: string(c.Kind), Broker: c.Broker, Producer: c.Producer, Group: c.Group,
		Consumer: c.Consumer, Topic: c.Topic, Partitions: c.Partitions, Count: c.Count, Key: c.Key}
	if c.DelayMs > 0 {
		e.Delay = formatMs(c.DelayMs)
	}
	return e
}

// indent puts two spaces before each line.
func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "")
}
