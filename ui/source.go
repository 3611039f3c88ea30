package ui

import (
	"errors"
	"strings"

	"kafkasim/sim"
)

// demoSource serves one built-in demo until the scenarios package is wired
// in (see source_scenarios.go once it builds).
type demoSource struct{}

// BuiltIn lists the demo.
func (demoSource) BuiltIn() []ScenarioEntry {
	return []ScenarioEntry{{Name: "demo", Title: "Leader failover", Description: "a broker dies, a follower takes over"}}
}

// Load returns the demo by name.
func (demoSource) Load(name string) (scenarioSpec, error) {
	if strings.TrimSpace(name) != "demo" {
		return scenarioSpec{}, errors.New("unknown scenario " + sanitize(name) + ": scenario files cannot be read yet")
	}
	return demoSpec(), nil
}

// demoSpec is the sandbox with a timeline: a leader crash and its return.
func demoSpec() scenarioSpec {
	s := sandboxSpec(3)
	s.Name, s.Title, s.Description = "demo", "Leader failover", "a broker dies, a follower takes over"
	s.DurationMs = 40_000
	say := func(at int64, text string) sim.Scheduled {
		return sim.Scheduled{AtMs: at, Cmd: sim.Command{Kind: sim.CmdNote, Say: text}}
	}
	s.Timeline = []sim.Scheduled{
		say(0, "Three brokers, one topic with three partitions, each copied three times. Watch the high watermark (H) follow the followers."),
		{AtMs: 10_000, Cmd: sim.Command{Kind: sim.CmdCrashBroker, Broker: 1, Say: "Broker 1 crashes. The controller picks new leaders from the in-sync replicas."}},
		{AtMs: 25_000, Cmd: sim.Command{Kind: sim.CmdRestartBroker, Broker: 1, Say: "Broker 1 is back. It truncates to the new leader's log, catches up and rejoins the ISR."}},
	}
	s.Config.Seed = s.Seed
	return s
}
