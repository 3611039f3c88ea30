package ui

import (
	"syscall"
	"time"
)

// onCPU runs f and returns the CPU time the whole test process spent
// meanwhile (the engine work of a job runs on its own goroutine, so one
// thread's time would miss it). Unlike wall time, it does not grow when
// other processes share the machine's cores, so a bound on it holds on a
// loaded machine.
func onCPU(f func()) time.Duration {
	before := processCPU()
	f()
	return processCPU() - before
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
