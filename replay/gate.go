package replay

import (
	"context"
	"math"
	"sync"
)

// timelineGate orders the clients' scheduled actions after the timeline
// commands due at or before them, however the goroutines are scheduled: a
// send due at 8s waits for a crash-producer at 8s, as in the simulator,
// where commands run before the clients' work of the same instant.
//
// It holds the other way too: a command waits until every producer has
// made the sends due before it, so a producer the machine runs late still
// sends what the scenario has it send before a fault.
type timelineGate struct {
	mu      sync.Mutex
	nextAt  int64            // virtual time of the next command not yet applied
	due     map[string]int64 // producer → virtual time of its next send
	changed chan struct{}    // closed when nextAt or a due time moves
}

func newTimelineGate(timeline []int64) *timelineGate {
	g := &timelineGate{nextAt: math.MaxInt64, due: map[string]int64{}, changed: make(chan struct{})}
	if len(timeline) > 0 {
		g.nextAt = timeline[0]
	}
	return g
}

// advance says every command before nextAt has been applied.
func (g *timelineGate) advance(nextAt int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.nextAt = nextAt
	g.broadcast()
}

// reached says a producer has made every send due before atMs
// (math.MaxInt64: it sends no more).
func (g *timelineGate) reached(producer string, atMs int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.due[producer] = atMs
	g.broadcast()
}

func (g *timelineGate) broadcast() {
	close(g.changed)
	g.changed = make(chan struct{})
}

// waitProducers blocks until every producer has made its sends due before
// atMs; false if ctx ended first.
func (g *timelineGate) waitProducers(ctx context.Context, atMs int64) bool {
	for {
		g.mu.Lock()
		ready, ch := true, g.changed
		for _, due := range g.due { // all of them: order does not matter
			ready = ready && due >= atMs
		}
		g.mu.Unlock()
		if ready {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-ch:
		}
	}
}

// waitPast blocks until every command due at or before atMs has been
// applied; false if ctx ended first.
func (g *timelineGate) waitPast(ctx context.Context, atMs int64) bool {
	for {
		g.mu.Lock()
		ready, ch := atMs < g.nextAt, g.changed
		g.mu.Unlock()
		if ready {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-ch:
		}
	}
}
