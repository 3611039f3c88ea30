package scenarios

import (
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// Version is kafkasim's version, written into exported scenarios as
// kafkasim_version. Release builds set it with
// -ldflags "-X kafkasim/scenarios.Version=v1.2.3"; otherwise it comes from
// the build's module or VCS information, and is "dev" without either.
var Version = ""

// version is Version, or what the build knows about itself.
func version() string {
	if Version != "" {
		return Version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}

// Exported is a run written out as a scenario file, and what checking it
// found.
type Exported struct {
	Data []byte
	// Digest is what `kafkasim run` prints for the file; OriginalDigest is
	// the run it was exported from, replayed to the same time.
	Digest, OriginalDigest string
	// Exact says the two digests agree. When they do not, the file says so
	// at the top and beside the commands that moved.
	Exact bool
	// DurationMs is the file's duration: the scenario's, or longer when a
	// command was given after its end.
	DurationMs int64
}

// Export writes a run as a scenario file: the scenario's cluster, topics,
// producers and groups (with Kafka's config names), the seed, and its
// timeline with every command given by hand added as a timeline entry at
// the time it was given. See ExportRun.
func Export(sc *Scenario, seed uint64, hand []sim.Applied) ([]byte, error) {
	e, err := ExportRun(sc, seed, hand)
	return e.Data, err
}

// ExportRun is Export, checked: it replays the original run (hand
// commands at their steps, as sim.Run does) and runs the file it wrote, and
// compares the digests.
//
// A hand command was given between two steps; a timeline entry runs as a
// step of its own, before whatever else is due in its millisecond. When
// nothing else happened or was queued in the command's millisecond the two
// are the same run. Otherwise the order within that millisecond can
// change, and the run with it: the file then says so. The simulator screen
// moves the clock to a free millisecond before it injects a fault, so its
// exports are exact.
//
// Expectations are left out: they describe the scenario as written, not
// the run with its faults. Commands the timeline has no form for (the
// sandbox's create-topic and the like) are an error.
func ExportRun(sc *Scenario, seed uint64, hand []sim.Applied) (Exported, error) {
	if err := exportable(sc, hand); err != nil {
		return Exported{}, err
	}
	dur := sc.DurationMs
	for _, h := range hand {
		dur = max(dur, h.AtMs)
	}
	orig, err := replayHand(sc, seed, hand, dur)
	if err != nil {
		return Exported{}, err
	}
	e := Exported{OriginalDigest: orig.s.Digest(), DurationMs: dur}
	e.Data = encode(sc, seed, hand, dur, e.OriginalDigest, nil)
	e.Digest, err = digestOf(sc.Name+".toml", e.Data)
	if err != nil {
		return Exported{}, fmt.Errorf("the exported file does not run: %w", err)
	}
	e.Exact = e.Digest == e.OriginalDigest
	if !e.Exact {
		e.Data = encode(sc, seed, hand, dur, e.OriginalDigest, orig.crowded)
	}
	return e, nil
}

// exportable rejects what a scenario file cannot hold.
func exportable(sc *Scenario, hand []sim.Applied) error {
	for _, h := range hand {
		if _, ok := commandFields[h.Cmd.Kind]; !ok {
			return fmt.Errorf("%s at %s has no timeline form in a scenario file", h.Cmd.Kind, ms(h.AtMs))
		}
		if c := h.Cmd; c.Kind == sim.CmdResetOffsets && (c.Partition >= 0 || (c.Reset != sim.ResetToEarliest && c.Reset != sim.ResetToLatest)) {
			return fmt.Errorf("%s at %s: a scenario file resets every partition to the earliest or latest offset only", c.Kind, ms(h.AtMs))
		}
	}
	return nil
}

// digestOf parses a scenario file and runs it quietly.
func digestOf(file string, data []byte) (string, error) {
	sc, err := Parse(file, data)
	if err != nil {
		return "", err
	}
	res, err := Run(sc, RunOptions{Quiet: true}, io.Discard)
	return res.Digest, err
}

// opening writes what every written scenario starts with: its version,
// title, description, seed and duration, then the cluster, topics,
// producers and groups it runs.
func (w *tomlWriter) opening(sc *Scenario, seed uint64, durationMs int64) {
	w.str("kafkasim_version", version())
	w.str("title", sc.Title)
	if sc.Description != "" {
		w.multiline("description", sc.Description)
	}
	if seed > math.MaxInt64 {
		w.str("seed", strconv.FormatUint(seed, 10)) // past TOML's largest integer
	} else {
		w.integer("seed", int64(seed))
	}
	w.dur("duration", durationMs)
	w.blank()
	w.cluster(sc.Config.Cluster)
	for _, t := range sc.Config.Topics {
		w.blank()
		w.topic(t)
	}
	for _, p := range sc.Config.Producers {
		w.blank()
		w.producer(p)
	}
	for _, g := range sc.Config.Groups {
		w.blank()
		w.group(g)
	}
}

// encode writes the file; crowded, when set, marks the hand commands whose
// millisecond was shared, for a run that is not exact.
func encode(sc *Scenario, seed uint64, hand []sim.Applied, durationMs int64, digest string, crowded []bool) []byte {
	w := &tomlWriter{}
	w.comment(fmt.Sprintf("A kafkasim run: the scenario %q with seed %d and %d command(s) given by hand,\n"+
		"written as a scenario. `kafkasim play FILE` replays it; `kafkasim run FILE` prints\n"+
		"the digest of its events, which for the original run to %s was\n%s",
		sc.Name, seed, len(hand), ms(durationMs), digest))
	if crowded != nil {
		w.comment("NOTE: not an exact replay. Some commands were given in a millisecond in which\n" +
			"other things had already happened (marked below). As timeline entries they run\n" +
			"first in that millisecond, so from there on this run can differ from the original.")
	}
	w.opening(sc, seed, durationMs)
	for _, it := range merged(sc.Timeline, hand) {
		w.blank()
		if it.hand >= 0 {
			note := fmt.Sprintf("given by hand at step %d", hand[it.hand].Step)
			if crowded != nil && crowded[it.hand] {
				note += ": other things happened in this millisecond first, so this may run earlier"
			}
			w.comment(note)
		}
		w.entry(it.s)
	}
	return []byte(w.b.String())
}

// timelineItem is a timeline entry and, for a hand command, its index.
type timelineItem struct {
	s    sim.Scheduled
	hand int // -1 for the scenario's own entries
}

// merged is the scenario's timeline and the hand commands in time order;
// at equal times the scenario's entries first (they were queued first).
func merged(timeline []sim.Scheduled, hand []sim.Applied) []timelineItem {
	out := make([]timelineItem, 0, len(timeline)+len(hand))
	for _, s := range timeline {
		out = append(out, timelineItem{s: s, hand: -1})
	}
	for i, h := range hand {
		out = append(out, timelineItem{s: sim.Scheduled{AtMs: h.AtMs, Cmd: h.Cmd}, hand: i})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].s.AtMs < out[j].s.AtMs })
	return out
}

// ExportFileName is the file name the export suggests for a scenario and
// seed: "at-least-once-seed7.toml".
func ExportFileName(scenario string, seed uint64) string {
	base := strings.TrimSuffix(nameOf(scenario), "-seed"+fmt.Sprint(seed))
	var b strings.Builder
	for _, c := range strings.ToLower(base) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		b.WriteString("run")
	}
	return fmt.Sprintf("%s-seed%d.toml", b.String(), seed)
}
