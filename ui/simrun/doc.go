// Package simrun is the run a screen plays: the scenario spec, the Runner
// interface over the engine's time-travelling sim.Run, and its adapter.
package simrun
