package simrun

import (
	"kafkasim/scenarios"
)

// ScenarioOf is the scenario the screen plays, as package scenarios holds it.
func ScenarioOf(spec Spec) *scenarios.Scenario {
	cfg := spec.Config
	cfg.Seed = spec.Seed
	return &scenarios.Scenario{Name: spec.Name, File: spec.Name, Title: spec.Title, Description: spec.Description,
		Seed: spec.Seed, DurationMs: spec.DurationMs, Config: cfg, Timeline: spec.Timeline}
}
