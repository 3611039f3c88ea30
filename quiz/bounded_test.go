package quiz

import (
	"kafkasim/internal/cputime"
	"strings"
	"testing"
	"time"
)

// A bank file nesting ten thousand arrays deep is refused at its line,
// quickly.
func TestBankNestingBombIsRefused(t *testing.T) {
	data := []byte("[[question]]\nid = \"x\"\nchoices = " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n")
	var errs Errors
	took := cputime.Of(func() { _, errs = decodeFile("bomb.toml", data) })
	if len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Msg, "nested too deep") {
		t.Fatalf("want nested too deep at line 3, got %v", errs)
	}
	if took > 2*time.Second {
		t.Errorf("took %v", took)
	}
}

func TestBankSyntaxErrorAtItsLine(t *testing.T) {
	_, errs := decodeFile("b.toml", []byte("[[question]]\nid = \"x\"\n[[question\n"))
	if len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Error(), "  3 | [[question\n") {
		t.Fatalf("want a caret at line 3, got %v", errs)
	}
}

// --generated 100000000 grew without bound (5 GB in 15 s); it is now
// refused at once with the limit.
func TestGeneratedIsCapped(t *testing.T) {
	var out, errOut strings.Builder
	var code int
	took := cputime.Of(func() { code = Command([]string{"--print", "--generated", "100000000"}, &out, &errOut) })
	if code == 0 || !strings.Contains(errOut.String(), "limit of 1000") || out.Len() != 0 {
		t.Fatalf("code %d, stderr %q", code, errOut.String())
	}
	if took > time.Second {
		t.Errorf("took %v", took)
	}
	if err := Print(&out, PrintOptions{Generated: MaxGenerated + 1}); err == nil {
		t.Error("Print took more than MaxGenerated")
	}
	if code := Command([]string{"--print", "--generated", "1000"}, &out, &errOut); code != 0 {
		t.Errorf("the limit itself is refused: %s", errOut.String())
	}
}
