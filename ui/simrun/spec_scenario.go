package simrun

import (
	"kafkasim/scenarios"
	"kafkasim/sim"
)

// ScenarioOf is the scenario the screen plays, as package scenarios holds it.
func ScenarioOf(spec Spec) *scenarios.Scenario {
	cfg := spec.Config
	cfg.Seed = spec.Seed
	return &scenarios.Scenario{Name: spec.Name, File: spec.Name, Title: spec.Title, Description: spec.Description,
		Seed: spec.Seed, DurationMs: spec.DurationMs, Config: cfg, Timeline: spec.Timeline}
}

// FromScenario is what the screens need of a loaded scenario.
func FromScenario(s *scenarios.Scenario) Spec {
	return Spec{Name: s.Name, Title: s.Title, Description: s.Description, Seed: s.Seed,
		DurationMs: s.DurationMs, Config: s.Config, Timeline: append([]sim.Scheduled(nil), s.Timeline...), Narration: s.Narration}
}
