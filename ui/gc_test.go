package ui

import (
	"runtime/debug"
	"testing"

	"kafkasim/ui/simview"
)

// The screen lowers the collector's target (a playing screen's garbage
// would otherwise let the heap double what is live), unless GOGC names one.
func TestScreenTunesTheCollectorUnlessGOGCIsSet(t *testing.T) {
	was := debug.SetGCPercent(100)
	defer debug.SetGCPercent(was)
	tuneGCForScreen(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != simview.ScreenGCPercent {
		t.Errorf("without GOGC the screen runs at GC percent %d, want %d", got, simview.ScreenGCPercent)
	}
	tuneGCForScreen(func(k string) string {
		if k == "GOGC" {
			return "100"
		}
		return ""
	})
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=100 the screen runs at GC percent %d, want the user's 100", got)
	}
}
