// Package cputime measures how much CPU the process spends on a piece of
// work. Tests bound that instead of wall time: on a machine whose cores
// other programs share, wall time swings two or three times over while the
// CPU a piece of work needs stays put.
package cputime

import "time"

// Of runs f and returns the CPU time (user and system, every thread of the
// process) spent meanwhile. Work that f hands to other goroutines counts
// too, as does the garbage collector's share.
func Of(f func()) time.Duration {
	before := process()
	f()
	return process() - before
}
