package quiz

import (
	"strings"
	"testing"
	"time"
)

// A bank file nesting ten thousand arrays deep is refused at its line,
// quickly.
func TestBankNestingBombIsRefused(t *testing.T) {
	data := []byte("[[question]]\nid = \"x\"\nchoices = " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n")
	start := time.Now()
	_, errs := decodeFile("bomb.toml", data)
	if len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Msg, "nested too deep") {
		t.Fatalf("want nested too deep at line 3, got %v", errs)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
}

func TestBankSyntaxErrorAtItsLine(t *testing.T) {
	_, errs := decodeFile("b.toml", []byte("[[question]]\nid = \"x\"\n[[question\n"))
	if len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Error(), "  3 | [[question\n") {
		t.Fatalf("want a caret at line 3, got %v", errs)
	}
}
