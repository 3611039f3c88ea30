package scenarios

import (
	"sort"
	"strconv"
	"strings"
)

// Problem is one mistake in a scenario file. Its Error is
// "FILE:LINE: KEY: message (hint: ...)"; parts that are unknown are left
// out, so a Problem from TimelineEntry.Scheduled reads "KEY: message".
type Problem struct {
	File string
	Line int
	Key  string // dotted, as written: "topic.replication_factor"
	Msg  string
	Hint string
}

func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteByte(':')
		if p.Line > 0 {
			b.WriteString(strconv.Itoa(p.Line))
			b.WriteByte(':')
		}
		b.WriteByte(' ')
	}
	if p.Key != "" {
		b.WriteString(p.Key)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(p.Hint)
		b.WriteByte(')')
	}
	return SanitizeLine(b.String())
}

// Problems is every mistake found in one file, in line order. Parse returns
// one as its error; errors.As recovers it.
type Problems []*Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// sorted orders by line; problems on one line keep the order they were found.
func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	return ps
}

// suggest names the closest of the known words, or lists them all.
func suggest(word string, known []string) string {
	best, bestDist := "", 1<<30
	for _, k := range known {
		if d := editDistance(word, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" && bestDist <= len(word)/3+1 {
		return "did you mean " + strconv.Quote(best) + "?"
	}
	return "known keys: " + strings.Join(known, ", ")
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 { // only names are compared; keep it cheap
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
