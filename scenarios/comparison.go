package scenarios

import (
	"fmt"
	"strconv"
	"strings"
)

// Comparison is a test on one number: "> 0", "== 3", "<= 2".
type Comparison struct {
	Op    string // one of >, >=, ==, !=, <, <=
	Value int64
}

var comparisonOps = []string{">=", "<=", "==", "!=", ">", "<"} // two-letter ops first

// ParseComparison reads "OP N" with OP one of > >= == != < <= (spaces
// optional). A bare number means "== N".
func ParseComparison(s string) (Comparison, error) {
	t := strings.TrimSpace(s)
	op := "=="
	for _, o := range comparisonOps {
		if rest, ok := strings.CutPrefix(t, o); ok {
			op, t = o, strings.TrimSpace(rest)
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return Comparison{}, fmt.Errorf("%q is not a comparison: write an operator (> >= == != < <=) and a whole number, such as \"> 0\"", s)
	}
	return Comparison{Op: op, Value: n}, nil
}

// Holds reports whether v satisfies the comparison.
func (c Comparison) Holds(v int64) bool {
	switch c.Op {
	case ">":
		return v > c.Value
	case ">=":
		return v >= c.Value
	case "==":
		return v == c.Value
	case "!=":
		return v != c.Value
	case "<":
		return v < c.Value
	case "<=":
		return v <= c.Value
	}
	return false
}

func (c Comparison) String() string { return c.Op + " " + strconv.FormatInt(c.Value, 10) }
