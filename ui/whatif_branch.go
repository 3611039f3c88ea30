package ui

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
)

// whatIfRequest is everything a what-if needs, copied off the screen so
// the branches can run off the UI goroutine.
type whatIfRequest struct {
	Spec    simrun.Spec
	Hand    []sim.Applied
	Setting whatIfSetting
	Target  string
	Value   string
	UntilMs int64
	Gen     int
}

// whatIfSide is one branch's outcome.
type whatIfSide struct {
	Label   string // "commit after processing"
	Ledger  sim.LedgerSummary
	Skipped []string // hand commands this branch could not take
	Err     error    // the branch could not start
	// Events are the branch's first events from where the two part.
	Events []sim.Event
	// Batches counts each producer's batch sends (retries included) and
	// the records they carried, from its produce-request events.
	Batches map[string]batchTally
	cfg     sim.Config // the config the branch ran with
	all     []sim.Event
}

// partedKeep is how many events from the parting point each side keeps.
const partedKeep = 40

// whatIfResult is both branches and the verdict.
type whatIfResult struct {
	Req     whatIfRequest
	From    string // the value as played
	A, B    whatIfSide
	Verdict string
	PartMs  int64 // when the branches first differ; -1 never
}

// runWhatIf plays the scenario twice from the start with the same seed,
// timeline and hand commands: as it was, and with the one change. Both
// branches give each hand command at the virtual time it was given
// (sim.PlayBranch says why).
//
// pause is called between pieces of the work with how far it got (side 0
// is A, 1 is B); when it returns false the what-if stops and reports false.
func runWhatIf(req whatIfRequest, pause func(side int, nowMs int64) bool) (whatIfResult, bool) {
	base := req.Spec.Config
	base.Seed = req.Spec.Seed
	world := whatIfWorld{cfg: &base, hand: req.Hand}
	res := whatIfResult{Req: req, From: req.Setting.current(world, req.Target)}
	ok := true
	res.A, ok = runSide(base, req.Hand, req, req.Setting.label(res.From), func(ms int64) bool { return pause(0, ms) })
	if !ok {
		return res, false
	}
	changed := world.copy()
	res.B = whatIfSide{Label: req.Setting.label(req.Value)}
	if err := req.Setting.apply(changed, req.Target, req.Value); err != nil {
		res.B.Err = err
	} else if res.B, ok = runSide(*changed.cfg, changed.hand, req, res.B.Label, func(ms int64) bool { return pause(1, ms) }); !ok {
		return res, false
	}
	res.Verdict = verdict(faultNoun(req.Spec.Timeline, req.Hand, req.UntilMs), res.A, res.B, req.Setting, req.Target)
	res.PartMs = part(&res.A, &res.B)
	return res, true
}

// part compares the branches (sim.PartBranches), keeps for each side the
// events the other never had, and returns the parting time, -1 when the
// two never differ.
func part(a, b *whatIfSide) int64 {
	at, onlyA, onlyB := sim.PartBranches(a.all, b.all, partedKeep)
	a.Events, b.Events = onlyA, onlyB
	a.all, b.all = nil, nil
	return at
}

// runSide plays one branch (sim.PlayBranch), with its own copy of the
// hand commands, to req.UntilMs, engineBatch steps at a time with a pause
// between; false when a pause called it off.
func runSide(cfg sim.Config, hand []sim.Applied, req whatIfRequest, label string, pause func(nowMs int64) bool) (whatIfSide, bool) {
	side := whatIfSide{Label: label, cfg: cfg}
	br, ok, err := sim.PlayBranch(cfg, req.Spec.Timeline, hand, req.UntilMs, engineBatch, pause)
	if err != nil {
		side.Err = err
		return side, true
	}
	if !ok {
		return side, false
	}
	for _, sk := range br.Skipped {
		side.Skipped = append(side.Skipped, components.CommandLabel(sk.Cmd)+" at "+components.FmtMs(sk.AtMs)+": "+components.Sanitize(sk.Err.Error()))
	}
	side.Ledger = br.Run.Sim().Snapshot().Ledger
	side.all = br.Run.Sim().Events()
	side.Batches = tallyBatches(side.all)
	return side, true
}

// batchTally is one producer's batch sends and the records in them.
type batchTally struct{ batches, records int }

// tallyBatches counts the batches each producer sent: one produce-request
// event per batch per attempt.
func tallyBatches(events []sim.Event) map[string]batchTally {
	out := map[string]batchTally{}
	for i := range events {
		if e := &events[i]; e.Type == sim.EvProduceRequest {
			t := out[e.Producer]
			t.batches++
			t.records += e.Count
			out[e.Producer] = t
		} else if e.Type == sim.EvFetched {
			// A group's fetches, under a key no producer id can have.
			t := out[fetchTallyKey(e.Group)]
			t.batches++
			t.records += e.Count
			out[fetchTallyKey(e.Group)] = t
		}
	}
	return out
}

// fetchTallyKey is where tallyBatches counts group g's fetches.
func fetchTallyKey(g string) string { return "group " + g }
