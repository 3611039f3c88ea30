//go:build !simengine

package ui

import "errors"

// defaultDeps are the scenario source and run factory Run uses. This file
// stands in until the engine (sim.New and friends) builds.
func defaultDeps() deps {
	return deps{source: demoSource{}, start: func(scenarioSpec) (runner, error) {
		return nil, errors.New("the simulation engine is not built yet")
	}}
}
