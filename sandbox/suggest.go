package sandbox

import (
	"sort"
	"strings"

	"kafkasim/internal/fuzzy"
)

// nearest picks the candidate closest to what was typed, or "" when none
// is close enough to be a plausible typo.
func nearest(typed string, candidates []string) string {
	typed = strings.ToLower(typed)
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		d := fuzzy.Distance(typed, strings.ToLower(c))
		// A missing "kafka-" prefix, a truncated name or a part of one is
		// still a match.
		if strings.HasSuffix(c, "-"+typed) || (len(typed) >= 3 && strings.HasPrefix(c, typed)) ||
			(len(typed) >= 5 && strings.Contains(c, typed)) {
			d = min(d, 1)
		}
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(2, len(typed)/3) {
		return ""
	}
	return best
}

func sortStrings(s []string) { sort.Strings(s) }
