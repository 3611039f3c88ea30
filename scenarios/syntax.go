package scenarios

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// SyntaxProblem turns the toml package's syntax error into a Problem at the
// line of the mistake, with that line and a caret under it. The package's
// own line number counts the newline it stopped at, so an unclosed
// "[cluster" on line 4 would be blamed on line 5; the byte offset it keeps
// is exact and the line is worked out from it. src is the text that was
// decoded and firstLine the file line it starts on. ok is false when err
// is not a syntax error.
func SyntaxProblem(file, src string, firstLine int, err error) (p *Problem, ok bool) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return nil, false
	}
	start := min(max(pe.Position.Start, 0), len(src))
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	lineEnd := strings.IndexByte(src[start:], '\n')
	if lineEnd < 0 {
		lineEnd = len(src)
	} else {
		lineEnd += start
	}
	line := strings.Count(src[:lineStart], "\n") + firstLine
	hint := ""
	if u := strings.TrimSpace(pe.Usage); u != "" {
		hint = strings.SplitN(u, "\n", 2)[0]
	}
	return &Problem{File: file, Line: line, Key: pe.LastKey, Msg: pe.Message, Hint: hint,
		Context: caretContext(line, src[lineStart:lineEnd], start-lineStart)}, true
}

// caretContext shows one line of a file, cut to a window around col (a
// byte offset), with a caret under col:
//
//	4 | [cluster
//	  |         ^
func caretContext(line int, text string, col int) string {
	const window = 100
	text = strings.TrimRight(text, "\r")
	col = min(col, len(text))
	before, after := text[:col], text[col:]
	lead := ""
	if len(before) > window {
		cut := len(before) - window
		for cut < len(before) && !utf8.RuneStart(before[cut]) {
			cut++
		}
		before, lead = before[cut:], "…"
	}
	after = cutText(after, window)
	shown := lead + SanitizeLine(before)
	num := strconv.Itoa(line)
	pad := strings.Repeat(" ", len(num))
	return "  " + num + " | " + shown + SanitizeLine(after) + "\n" +
		"  " + pad + " | " + strings.Repeat(" ", utf8.RuneCountInString(shown)) + "^"
}

// NestingProblem reports a TOML text whose keys or values nest deeper than
// MaxDepth, at the line where it happens, or nil. Run it before decoding:
// the toml package itself takes gigabytes for ten thousand nested inline
// tables. firstLine is the file line src starts on.
func NestingProblem(file, src string, firstLine int) *Problem {
	return scanPositions(src).deepProblem(file, firstLine)
}

func (p *positions) deepProblem(file string, firstLine int) *Problem {
	if p.deep == nil {
		return nil
	}
	return &Problem{File: file, Line: p.deep.line + firstLine - 1, Key: p.deep.key,
		Msg:  "nested too deep (more than " + strconv.Itoa(MaxDepth) + " levels of tables, arrays or dotted keys)",
		Hint: "a scenario needs only a few levels; write the value flat"}
}
