package scenarios

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// Context, when set, is the offending line of the file with a caret
	// under the mistake, printed below the message.
	Context string
}

// Bounds on what one problem, and one file's problems, print: a file of
// sixty thousand unknown keys must not print sixty thousand hint lists.
const (
	// MaxProblemsShown is how many problems of one file Problems.Error lists
	// before summing up the rest.
	MaxProblemsShown = 20
	// maxHintLen and maxMsgLen cut a hint or message quoting a huge value.
	maxHintLen = 200
	maxMsgLen  = 300
)

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
	b.WriteString(cutText(p.Msg, maxMsgLen))
	if p.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(cutText(p.Hint, maxHintLen))
		b.WriteByte(')')
	}
	line := SanitizeLine(b.String())
	if p.Context != "" {
		line += "\n" + p.Context
	}
	return line
}

// cutText shortens s to about n bytes on a rune boundary, marking the cut.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Problems is every mistake found in one file, in line order. Parse returns
// one as its error; errors.As recovers it.
type Problems []*Problem

func (ps Problems) Error() string {
	shown := min(len(ps), MaxProblemsShown)
	lines := make([]string, shown, shown+1)
	for i, p := range ps[:shown] {
		lines[i] = p.Error()
	}
	if rest := len(ps) - shown; rest > 0 {
		lines = append(lines, "… and "+Thousands(int64(rest))+" more")
	}
	return strings.Join(lines, "\n")
}

// Thousands writes n with commas between groups of three digits: 59,990.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
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
