package sandbox

import (
	"fmt"
	"strconv"

	"kafkasim/sim"
)

// step and play move virtual time and report what happened.

// defaultPlayMs is how far "play" alone moves time.
const defaultPlayMs = 5000

// maxEventLines caps how many events one step or play lists.
const maxEventLines = 30

func (s *Session) stepVerb(o *output, args []string) {
	n := 1
	if len(args) > 1 {
		verbMistake(o, "step", "too many arguments")
		return
	}
	if len(args) == 1 {
		v, err := strconv.Atoi(args[0])
		if err != nil || v < 1 || v > 100000 {
			verbMistake(o, "step", fmt.Sprintf("%q is not a number of steps (1..100000)", args[0]))
			return
		}
		n = v
	}
	seen := s.run.Sim().EventCount()
	done := 0
	interrupted := false
	for done < n && s.run.Step() {
		done++
		if done%pauseEvery == 0 && !s.pause() {
			interrupted = true
			break
		}
	}
	if interrupted {
		s.interruptedHint(o)
	}
	if done == 0 {
		o.hint("nothing is left to happen")
		return
	}
	s.printEvents(o, s.run.Sim().EventsSince(seen))
	o.linef("%d step(s); the clock is at %s.", done, clock(s.run.Sim().Now()))
}

func (s *Session) playVerb(o *output, args []string) {
	ms := int64(defaultPlayMs)
	if len(args) > 1 {
		verbMistake(o, "play", "too many arguments")
		return
	}
	if len(args) == 1 {
		v, err := parseVirtualMs(args[0], false)
		if err != nil {
			verbMistake(o, "play", err.Error())
			return
		}
		ms = v
	}
	seen := s.run.Sim().EventCount()
	start := s.run.Sim().Now()
	stopped := s.stepUntil(until(start+ms), nil, func() bool { return false })
	s.printEvents(o, s.run.Sim().EventsSince(seen))
	if stopped == stopInterrupted {
		s.interruptedHint(o)
	}
	if stopped == stopBudget || stopped == stopInterrupted {
		o.linef("Played %s of %s; the clock is at %s.", sim.FormatMs(s.run.Sim().Now()-start), sim.FormatMs(ms), clock(s.run.Sim().Now()))
		s.budgetHint(o)
		return
	}
	o.linef("Played %s; the clock is at %s.", sim.FormatMs(ms), clock(s.run.Sim().Now()))
}

// quietEvent are the routine events a play leaves out: replication
// traffic and consumer polls, which would drown the interesting ones.
func quietEvent(t sim.EventType) bool {
	switch t {
	case sim.EvReplicated, sim.EvHWAdvanced, sim.EvFetched, sim.EvProcessed, sim.EvProduceRequest, sim.EvAppended:
		return true
	}
	return false
}

// printEvents lists what happened, one line per event: virtual time, then
// the engine's plain-English explanation.
func (s *Session) printEvents(o *output, evs []sim.Event) {
	shown, quiet := 0, 0
	for _, e := range evs {
		if quietEvent(e.Type) {
			quiet++
			continue
		}
		if shown == maxEventLines {
			shown++
			continue
		}
		if shown < maxEventLines {
			o.linef("%10s  %s", clock(e.AtMs), cleanLine(e.Why()))
		}
		shown++
	}
	if shown > maxEventLines {
		o.linef("... and %d more events", shown-maxEventLines)
	}
	if shown == 0 && quiet > 0 {
		o.linef("(%d routine replication and polling events)", quiet)
	}
}

// clock writes a virtual time as seconds with milliseconds: "12.345s".
func clock(ms int64) string {
	return fmt.Sprintf("%d.%03ds", ms/1000, ms%1000)
}
