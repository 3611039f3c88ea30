package sandbox

import (
	"sort"
	"strings"
)

// nearest picks the candidate closest to what was typed, or "" when none
// is close enough to be a plausible typo.
func nearest(typed string, candidates []string) string {
	typed = strings.ToLower(typed)
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		d := editDistance(typed, strings.ToLower(c))
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

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func sortStrings(s []string) { sort.Strings(s) }
