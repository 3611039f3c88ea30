//go:build !unix

package cputime

import "time"

var start = time.Now()

// process falls back to wall time where getrusage is not at hand.
func process() time.Duration { return time.Since(start) }
