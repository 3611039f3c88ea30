package simview

import (
	"testing"
	"time"
)

// Frames start FrameInterval apart: a frame that worked longer waits less
// for the next one, but always rests a little so keys get their turn.
func TestFrameDelayKeepsTheFrameRate(t *testing.T) {
	for _, c := range []struct{ took, want time.Duration }{
		{0, FrameInterval},
		{5 * time.Millisecond, FrameInterval - 5*time.Millisecond},
		{FrameInterval - minFrameRest, minFrameRest},
		{FrameInterval, minFrameRest},
		{time.Second, minFrameRest},
	} {
		if got := FrameDelay(c.took); got != c.want {
			t.Errorf("FrameDelay(%v) = %v, want %v", c.took, got, c.want)
		}
	}
}
