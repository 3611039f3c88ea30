package simview

import (
	"kafkasim/scenarios"
	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	"kafkasim/ui/simrun"
	"kafkasim/ui/uitest"
)

// The shared fixture (kafkasim/ui/uitest), under the names these tests use.
var (
	newFakeRunner   = uitest.NewFakeRunner
	fixtureSnapshot = uitest.FixtureSnapshot
	fixtureSpec     = uitest.FixtureSpec
	plainStyles     = uitest.PlainStyles
	keyMsg          = uitest.KeyMsg
)

// newFixtureSim is a simulator screen on the fixture, paused, at w×h.
func newFixtureSim(w, h, brokers, partitions, records int) *Screen {
	start := func(simrun.Spec) (simrun.Runner, error) {
		return newFakeRunner(fixtureSnapshot(brokers, partitions, records), 400), nil
	}
	m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), fixtureSpec(), start)
	m.SetSize(w, h)
	return m
}

// library reads scenarios as the app does: built-in names, or files.
type library struct{}

// BuiltIn lists the built-in scenarios.
func (library) BuiltIn() []nav.ScenarioEntry {
	var out []nav.ScenarioEntry
	for _, s := range scenarios.BuiltIn() {
		out = append(out, nav.ScenarioEntry{Name: s.Name, Title: s.Title})
	}
	return out
}

// Load reads a scenario by name or path.
func (library) Load(nameOrPath string) (simrun.Spec, error) {
	s, err := scenarios.Load(nameOrPath)
	if err != nil {
		return simrun.Spec{}, err
	}
	return simrun.FromScenario(s), nil
}
