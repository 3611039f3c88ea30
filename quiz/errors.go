package quiz

import (
	"fmt"
	"strings"
)

// Error is one problem found in a bank file, reported as
// "file:line: key: message (hint)".
type Error struct {
	File string
	Line int    // 1-based; 0 when no line could be found
	Key  string // the TOML key at fault, e.g. "answer"; "toml" for syntax errors
	Msg  string
	Hint string // how to fix it; may be empty
}

// Error formats the problem the way compilers do, so editors can jump to it.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
	if e.Hint != "" {
		fmt.Fprintf(&b, " (%s)", e.Hint)
	}
	return b.String()
}

// Errors is every problem found while loading, in file and line order.
type Errors []*Error

// Error joins the problems, one a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// err returns nil for no problems, so callers can return it as an error
// without the typed-nil trap.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
