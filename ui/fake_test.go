package ui

import (
	"errors"

	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	"kafkasim/ui/simrun"
	"kafkasim/ui/simview"
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

// fixtureDeps serve the fixture for any scenario name.
func fixtureDeps(brokers, partitions, records int) deps {
	return deps{
		source: fixtureSource{},
		start: func(spec simrun.Spec) (simrun.Runner, error) {
			if spec.Name == "broken" {
				return nil, errors.New("broken on purpose")
			}
			return newFakeRunner(fixtureSnapshot(brokers, partitions, records), 400), nil
		},
	}
}

type fixtureSource struct{}

func (fixtureSource) BuiltIn() []nav.ScenarioEntry {
	return []nav.ScenarioEntry{
		{Name: "fixture", Title: "Leader failover", Description: "a broker dies"},
		{Name: "at-least-once", Title: "At least once", Description: "commit after processing"},
	}
}

func (fixtureSource) Load(name string) (simrun.Spec, error) {
	if name == "missing" {
		return simrun.Spec{}, errors.New("missing: no such scenario")
	}
	s := fixtureSpec()
	s.Name = name
	return s, nil
}

// newFixtureSim is a simulator screen on the fixture, paused, at w×h.
func newFixtureSim(w, h, brokers, partitions, records int) *simview.Screen {
	d := fixtureDeps(brokers, partitions, records)
	m := simview.New(plainStyles(), keys.NewSim(keys.NewGlobal()), fixtureSpec(), d.start)
	m.SetSize(w, h)
	return m
}
