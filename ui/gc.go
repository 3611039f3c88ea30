package ui

import (
	"runtime/debug"

	"kafkasim/ui/simview"
)

// tuneGCForScreen sets the collector's target for the screen
// (simview.ScreenGCPercent), unless
// GOGC (from getenv) names one already: the user's choice stands.
func tuneGCForScreen(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(simview.ScreenGCPercent)
	}
}
