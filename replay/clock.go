package replay

import (
	"context"
	"time"
)

// clock maps the scenario's virtual milliseconds onto the wall clock:
// virtual time v happens at start + v/speed.
type clock struct {
	start time.Time
	speed float64
}

// real is a virtual duration in wall-clock time at this speed.
func (c clock) real(ms int64) time.Duration {
	return time.Duration(float64(ms) / c.speed * float64(time.Millisecond))
}

// nowMs is the virtual time now.
func (c clock) nowMs() int64 {
	return int64(float64(time.Since(c.start)) * c.speed / float64(time.Millisecond))
}

// sleepUntil waits for virtual time ms; false if ctx ended first. It is a
// schedule, not a synchronisation: nothing waits on it for correctness.
func (c clock) sleepUntil(ctx context.Context, ms int64) bool {
	return sleepCtx(ctx, time.Until(c.start.Add(c.real(ms))))
}

// sleepCtx sleeps d unless ctx ends first.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
