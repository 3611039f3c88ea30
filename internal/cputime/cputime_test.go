package cputime

import (
	"testing"
	"time"
)

// Busy work is counted; sleeping is not.
func TestCountsWorkNotWaiting(t *testing.T) {
	busy := Of(func() {
		for end := time.Now().Add(50 * time.Millisecond); time.Now().Before(end); {
		}
	})
	idle := Of(func() { time.Sleep(100 * time.Millisecond) })
	if busy <= idle {
		t.Errorf("busy %v, idle %v: a busy loop should cost more CPU than a sleep", busy, idle)
	}
	if idle > 50*time.Millisecond {
		t.Errorf("a 100 ms sleep cost %v of CPU", idle)
	}
}
