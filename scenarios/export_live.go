package scenarios

import (
	"fmt"
	"sort"

	"kafkasim/sim"
)

// ExportLive writes a live session (kafkasim serve) as a scenario file:
// sc's cluster, topics, clients and timeline (the scenario served, or an
// empty cluster), and the session's client requests, waiting Fetches
// answered and faults given (live, in the order the engine took them),
// ending at durationMs, when the session was exported. Played, the file
// hands the engine the same requests at the same virtual times, so it
// decides the same: the same records acknowledged, read and committed.
// A session longer than a scenario file may hold is an error.
func ExportLive(sc *Scenario, seed uint64, live []sim.Scheduled, durationMs int64) ([]byte, error) {
	timeline := make([]sim.Scheduled, 0, len(sc.Timeline)+len(live))
	for _, e := range sc.Timeline {
		if e.AtMs <= durationMs { // the session ended before the rest
			timeline = append(timeline, e)
		}
	}
	timeline = append(timeline, live...)
	// Stable: the live entries keep their order within a millisecond.
	sort.SliceStable(timeline, func(i, j int) bool { return timeline[i].AtMs < timeline[j].AtMs })
	if len(timeline) > MaxTimeline {
		return nil, fmt.Errorf("the session made %d requests and faults, more than the %d a scenario file holds: export a shorter session",
			len(timeline), MaxTimeline)
	}
	w := &tomlWriter{}
	w.comment(fmt.Sprintf("A live kafkasim session (kafkasim serve) on %q, seed %d, written as a scenario:\n"+
		"%d request(s) its clients sent and fault(s) given, each at the virtual time the\n"+
		"engine took it. `kafkasim run FILE` or `kafkasim play FILE` replays them through\n"+
		"the same protocol handlers, so the ledger comes out as it was at %s.",
		sc.Name, seed, len(live), ms(durationMs)))
	w.opening(sc, seed, durationMs)
	for _, s := range timeline {
		w.blank()
		if text := describeRequest(s.Cmd); text != "" {
			w.comment(SanitizeLine(text))
		} else if s.Cmd.Late {
			w.comment("given on the live run")
		}
		w.entry(s)
	}
	data := []byte(w.b.String())
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("the session is %d bytes as a scenario file, more than the limit of %d: export a shorter session",
			len(data), MaxFileBytes)
	}
	if _, err := Parse(sc.Name+".toml", data); err != nil {
		return nil, fmt.Errorf("the exported session does not load: %w", err)
	}
	return data, nil
}

// DigestOf runs a scenario file quietly and returns the digest that
// `kafkasim run FILE` prints for it.
func DigestOf(file string, data []byte) (string, error) { return digestOf(file, data) }
