package whatif

import (
	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
)

// Request is everything a what-if needs, copied off the screen so
// the branches can run off the UI goroutine.
type Request struct {
	Spec    simrun.Spec
	Hand    []sim.Applied
	Setting WhatIfSetting
	Target  string
	Value   string
	UntilMs int64
	Gen     int
}

// WhatIfSide is one branch's outcome.
type WhatIfSide struct {
	Label   string // "commit after processing"
	Ledger  sim.LedgerSummary
	Skipped []string // hand commands this branch could not take
	Err     error    // the branch could not start
	// Events are the branch's first events from where the two part.
	Events []sim.Event
	// Batches counts each producer's batch sends (retries included) and
	// the records they carried, from its produce-request events.
	Batches map[string]BatchTally
	Cfg     sim.Config // the config the branch ran with
	all     []sim.Event
}

// partedKeep is how many events from the parting point each side keeps.
const partedKeep = 40

// Result is both branches and the verdict.
type Result struct {
	Req     Request
	From    string // the value as played
	A, B    WhatIfSide
	Verdict string
	PartMs  int64 // when the branches first differ; -1 never
}

// Run plays the scenario twice from the start with the same seed,
// timeline and hand commands: as it was, and with the one change. Both
// branches give each hand command at the virtual time it was given
// (sim.PlayBranch says why).
//
// pause is called between pieces of the work with how far it got (side 0
// is A, 1 is B); when it returns false the what-if stops and reports false.
func Run(req Request, pause func(side int, nowMs int64) bool) (Result, bool) {
	base := req.Spec.Config
	base.Seed = req.Spec.Seed
	world := WhatIfWorld{Cfg: &base, Hand: req.Hand}
	res := Result{Req: req, From: req.Setting.Current(world, req.Target)}
	ok := true
	res.A, ok = runSide(base, req.Hand, req, req.Setting.Label(res.From), func(ms int64) bool { return pause(0, ms) })
	if !ok {
		return res, false
	}
	changed := world.copy()
	res.B = WhatIfSide{Label: req.Setting.Label(req.Value)}
	if err := req.Setting.apply(changed, req.Target, req.Value); err != nil {
		res.B.Err = err
	} else if res.B, ok = runSide(*changed.Cfg, changed.Hand, req, res.B.Label, func(ms int64) bool { return pause(1, ms) }); !ok {
		return res, false
	}
	res.Verdict = verdict(faultNoun(req.Spec.Timeline, req.Hand, req.UntilMs), res.A, res.B, req.Setting, req.Target)
	res.PartMs = part(&res.A, &res.B)
	return res, true
}

// part compares the branches (sim.PartBranches), keeps for each side the
// events the other never had, and returns the parting time, -1 when the
// two never differ.
func part(a, b *WhatIfSide) int64 {
	at, onlyA, onlyB := sim.PartBranches(a.all, b.all, partedKeep)
	a.Events, b.Events = onlyA, onlyB
	a.all, b.all = nil, nil
	return at
}

// runSide plays one branch (sim.PlayBranch), with its own copy of the
// hand commands, to req.UntilMs, cmdline.EngineBatch steps at a time with a pause
// between; false when a pause called it off.
func runSide(cfg sim.Config, hand []sim.Applied, req Request, label string, pause func(nowMs int64) bool) (WhatIfSide, bool) {
	side := WhatIfSide{Label: label, Cfg: cfg}
	br, ok, err := sim.PlayBranch(cfg, req.Spec.Timeline, hand, req.UntilMs, cmdline.EngineBatch, pause)
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

// BatchTally is one producer's batch sends and the records in them.
type BatchTally struct{ Batches, Records int }

// tallyBatches counts the batches each producer sent: one produce-request
// event per batch per attempt.
func tallyBatches(events []sim.Event) map[string]BatchTally {
	out := map[string]BatchTally{}
	for i := range events {
		if e := &events[i]; e.Type == sim.EvProduceRequest {
			t := out[e.Producer]
			t.Batches++
			t.Records += e.Count
			out[e.Producer] = t
		} else if e.Type == sim.EvFetched {
			// A group's fetches, under a key no producer id can have.
			t := out[FetchTallyKey(e.Group)]
			t.Batches++
			t.Records += e.Count
			out[FetchTallyKey(e.Group)] = t
		}
	}
	return out
}

// FetchTallyKey is where tallyBatches counts group g's fetches.
func FetchTallyKey(g string) string { return "group " + g }
