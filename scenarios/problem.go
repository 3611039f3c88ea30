package scenarios

import (
	"sort"
	"strconv"
	"strings"

	"kafkasim/internal/fuzzy"
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
	best, bestDist := fuzzy.Nearest(word, known)
	if best != "" && bestDist <= len(word)/3+1 {
		return "did you mean " + strconv.Quote(best) + "?"
	}
	return "known keys: " + strings.Join(known, ", ")
}
