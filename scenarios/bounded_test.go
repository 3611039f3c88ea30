package scenarios

import (
	"errors"
	"fmt"
	"kafkasim/internal/cputime"
	"runtime"
	"strings"
	"testing"
	"time"
)

// measure runs f and returns how long it took and how many bytes it
// allocated.
func measure(f func()) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	took := cputime.Of(f)
	runtime.ReadMemStats(&after)
	return took, after.TotalAlloc - before.TotalAlloc
}

// nestingBombs are files that nest ten thousand levels deep in each way
// TOML allows: arrays, inline tables, dotted keys and table headers.
func nestingBombs(levels int) map[string]string {
	dotted := strings.TrimSuffix(strings.Repeat("a.", levels), ".")
	return map[string]string{
		"arrays":        "title = " + strings.Repeat("[", levels) + strings.Repeat("]", levels) + "\n",
		"inline tables": "title = " + strings.Repeat("{a=", levels) + "1" + strings.Repeat("}", levels) + "\n",
		"dotted keys":   "seed = 1\n" + dotted + " = 1\n",
		"table header":  "seed = 1\n[" + dotted + "]\n",
		"unclosed":      "title = " + strings.Repeat("[{a=", levels) + "\n",
	}
}

// A file nesting ten thousand levels deep is refused at the line where it
// goes too deep, quickly and in little memory. Before the depth limit a
// 20 KB file of nested arrays took 6.5 s and 1 GB to validate, and the
// toml package alone takes gigabytes on nested inline tables.
func TestNestingBombIsRefusedQuickly(t *testing.T) {
	for name, src := range nestingBombs(10_000) {
		t.Run(name, func(t *testing.T) {
			var err error
			took, alloc := measure(func() { _, err = Parse("bomb.toml", []byte(src)) })
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].Msg, "nested too deep") {
				t.Fatalf("want one nested-too-deep problem, got %v", err)
			}
			if got := ps[0].Error(); !strings.HasPrefix(got, "bomb.toml:") || len(got) > 400 {
				t.Errorf("message %q: want FILE:LINE: KEY: nested too deep, short", got)
			}
			// Generous margins: the work is a few milliseconds and a few MB.
			if took > 2*time.Second || alloc > 64<<20 {
				t.Errorf("took %v and %d MB, want under 2s and 64 MB", took, alloc>>20)
			}
		})
	}
}

// The skim is linear in the file: ten times the nesting within the file
// limit costs about ten times as much, not a hundred.
func TestPositionsScanIsLinear(t *testing.T) {
	small := strings.Repeat("x = [[1, [2, {a = [3]}]]]\n", 4_000)
	large := strings.Repeat("x = [[1, [2, {a = [3]}]]]\n", 40_000)
	// Allocation is the measure: it is what the old scanner grew
	// quadratically (a key path copied at every level), and unlike wall
	// time it does not swing with the machine's load.
	_, aSmall := measure(func() { scanPositions(small) })
	_, aLarge := measure(func() { scanPositions(large) })
	if aLarge > 20*aSmall+1<<20 {
		t.Errorf("allocations grew from %d to %d bytes for 10x the input", aSmall, aLarge)
	}
}

func TestDepthLimitAllowsWhatScenariosNeed(t *testing.T) {
	src := "[[topic]]\nname = \"t\"\nconfig = { \"retention.ms\" = 1 }\nx = " +
		strings.Repeat("[", MaxDepth-2) + strings.Repeat("]", MaxDepth-2) + "\n"
	if p := NestingProblem("ok.toml", src, 1); p != nil {
		t.Fatalf("depth %d refused: %v", MaxDepth, p)
	}
	src = "x = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + "\n"
	if p := NestingProblem("deep.toml", src, 1); p == nil {
		t.Fatalf("depth %d accepted", MaxDepth+1)
	}
}

// An unclosed [cluster on line 4 is blamed on line 4, not on the line the
// toml package stopped at, and the message shows the line with a caret.
func TestSyntaxErrorAtTheLineOfTheMistake(t *testing.T) {
	src := "title = \"x\"\nseed = 1\n\n[cluster\nbrokers = 3\n"
	_, err := Parse("s.toml", []byte(src))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	if ps[0].Line != 4 {
		t.Errorf("line %d, want 4", ps[0].Line)
	}
	want := "  4 | [cluster\n    |         ^"
	if !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %q\nwant it to end with %q", err.Error(), want)
	}
}

func TestSyntaxErrorOnAHugeLineIsCut(t *testing.T) {
	src := "title = \"" + strings.Repeat("\x1b]52;c;", 20_000) + "\n"
	_, err := Parse("s.toml", []byte(src))
	if err == nil || len(err.Error()) > 1000 || strings.Contains(err.Error(), "\x1b") {
		t.Fatalf("want a short, escaped error, got %d bytes: %.200q", len(err.Error()), err)
	}
}

// Sixty thousand unknown keys print twenty problems and a count of the
// rest, and no hint quotes more than a line's worth.
func TestProblemsPrintedPerFileAreCapped(t *testing.T) {
	var b strings.Builder
	for i := range 60_000 {
		fmt.Fprintf(&b, "u%d=1\n", i)
	}
	_, err := Parse("many.toml", []byte(b.String()))
	if err == nil {
		t.Fatal("accepted unknown keys")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != MaxProblemsShown+1 || lines[len(lines)-1] != "… and 59,980 more" {
		t.Fatalf("got %d lines ending %q", len(lines), lines[len(lines)-1])
	}
	for _, l := range lines {
		if len(l) > 400 {
			t.Errorf("line of %d bytes: %.100s", len(l), l)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 59990: "59,990", -1234567: "-1,234,567"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
