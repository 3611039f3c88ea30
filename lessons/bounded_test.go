package lessons

import (
	"errors"
	"kafkasim/internal/cputime"
	"strings"
	"testing"
	"time"

	"kafkasim/scenarios"
)

// A lesson whose front matter nests ten thousand inline tables is refused
// at its line before the toml package spends gigabytes on it.
func TestLessonNestingBombIsRefused(t *testing.T) {
	front := "number = 1\ntitle = " + strings.Repeat("{a=", 10_000) + "1" + strings.Repeat("}", 10_000) + "\n"
	data := []byte("+++\n" + front + "+++\n## Text\nbody\n")
	var err error
	took := cputime.Of(func() { _, err = Parse("01-bomb.md", data) })
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || !strings.Contains(es[0].Msg, "nested too deep") {
		t.Fatalf("want nested too deep, got %v", err)
	}
	if es[0].Line != 3 {
		t.Errorf("line %d, want 3 (the file line of title)", es[0].Line)
	}
	if took > 2*time.Second {
		t.Errorf("took %v", took)
	}
}

// A syntax error in the front matter is blamed on the file line of the
// mistake and shows it with a caret.
func TestLessonSyntaxErrorAtItsLine(t *testing.T) {
	data := []byte("+++\nnumber = 1\n[challenge\ngoal = \"x\"\n+++\n## Text\nbody\n")
	_, err := Parse("01-x.md", data)
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Line != 3 {
		t.Fatalf("want one problem at line 3, got %v", err)
	}
	if !strings.Contains(err.Error(), "  3 | [challenge\n") {
		t.Errorf("no caret context in %q", err.Error())
	}
}

func TestLessonOverTheSizeLimitIsRefused(t *testing.T) {
	data := []byte("+++\n+++\n" + strings.Repeat("x", scenarios.MaxFileBytes))
	if _, err := Parse("01-big.md", data); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("want a size error, got %v", err)
	}
}

// Many unknown keys are matched to their lines in linear time.
func TestLessonManyUnknownKeysStayQuick(t *testing.T) {
	var b strings.Builder
	b.WriteString("+++\nnumber = 1\n")
	for range 20_000 {
		b.WriteString("[[stop]]\nbogus = 1\n")
	}
	b.WriteString("+++\n## T\nx\n")
	var err error
	took := cputime.Of(func() { _, err = Parse("01-many.md", []byte(b.String())) })
	if err == nil {
		t.Fatal("accepted unknown keys")
	}
	if took > 5*time.Second {
		t.Errorf("took %v", took)
	}
}
