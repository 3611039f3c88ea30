// Package fuzzy finds the known name nearest to a mistyped one, for the
// "did you mean" hints of every loader and command line.
package fuzzy

// maxLen bounds the words compared: only names are, so this keeps a hostile
// input from costing quadratic time.
const maxLen = 64

// Distance is the Levenshtein distance between a and b: the fewest
// single-character insertions, deletions and substitutions that turn one
// into the other. Words longer than 64 bytes are treated as unlike anything.
func Distance(a, b string) int {
	if len(a) > maxLen || len(b) > maxLen {
		return 1 << 20
	}
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

// Nearest returns the known word closest to word and its distance; the
// first of equally close words wins. With no known words it returns "", -1.
func Nearest(word string, known []string) (string, int) {
	best, bestDist := "", -1
	for _, k := range known {
		if d := Distance(word, k); bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	return best, bestDist
}
