//go:build !linux

package ui

import "time"

// onCPU falls back to wall time where per-thread CPU time is not at hand.
func onCPU(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
