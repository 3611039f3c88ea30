package lessons

import (
	"fmt"
	"strings"
)

// Error is one problem in a lesson file, reported as
// "file:line: key: message (hint)" so editors can jump to it.
type Error struct {
	File string
	Line int    // 1-based line in the file; 0 when unknown
	Key  string // the front-matter key at fault, e.g. "stop.predict.metric"
	Msg  string
	Hint string // how to fix it; may be empty
}

// Error formats the problem the way compilers do.
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

// err returns nil for no problems, avoiding the typed-nil trap.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
