package lessons

import (
	"strings"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// Narrate says a scripted line as the run in snap allows. A line whose
// condition holds is said as written. When it fails, the line's else is
// said instead; with no else the line is kept, after a mark that says it
// is scripted and what the engine says happened (first, so a pane that
// shows only a line's start still shows it), so the learner's faults never
// leave a false sentence on screen unmarked.
func Narrate(text string, when scenarios.Condition, other string, snap sim.Snapshot) string {
	failing := when.Failing(snap)
	if len(failing) == 0 {
		return text
	}
	if other != "" {
		return other
	}
	facts := make([]string, 0, len(failing))
	for _, f := range failing {
		if f.Err != nil {
			facts = append(facts, "the engine cannot say what "+f.Metric+" is now")
			continue
		}
		facts = append(facts, MetricWords(f.Metric, f.Value))
	}
	return DiffersMark + strings.Join(facts, "; ") + ") " + text
}

// DiffersMark opens the note after a scripted line the run contradicts.
const DiffersMark = "(scripted — your run differs: "
