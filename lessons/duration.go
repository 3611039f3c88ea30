package lessons

import (
	"fmt"
	"time"
)

// parseMs reads a virtual time such as "4s", "1500ms" or "1m30s" as
// milliseconds. Lesson files write times as Go durations because "4s" reads
// better than 4000 next to prose.
func parseMs(s string) (int64, error) {
	if s == "" {
		return 0, fmt.Errorf("missing time")
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a time", s)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative", s)
	}
	if d%time.Millisecond != 0 {
		return 0, fmt.Errorf("%q is finer than a millisecond", s)
	}
	return d.Milliseconds(), nil
}

// formatMs writes milliseconds back the way lesson files do: "4s", "1.5s".
func formatMs(ms int64) string {
	return (time.Duration(ms) * time.Millisecond).String()
}
