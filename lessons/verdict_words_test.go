package lessons

import (
	"slices"
	"strings"
	"testing"

	"kafkasim/scenarios"
)

// TestPlainVerdictSaysItInWords: lesson 5's challenge judged after its
// solution reads in English, with no metric name in it.
func TestPlainVerdictSaysItInWords(t *testing.T) {
	l, err := Get(5)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPlayer(l, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.StartChallenge(); err != nil {
		t.Fatal(err)
	}
	if err := playSolution(p); err != nil {
		t.Fatal(err)
	}
	if ok, _ := p.CheckChallenge(); !ok {
		t.Fatal("the solution failed")
	}
	got := p.PlainVerdict()
	if len(got) != 1 || !strings.HasPrefix(got[0], "✔ billing processed ") ||
		!strings.HasSuffix(got[0], " more than once (wanted: more than 0)") || strings.Contains(got[0], "duplicated") {
		t.Errorf("plain verdict = %q", got)
	}
	words := []string{}
	for _, c := range []string{"> 0", ">= 3", "< 2", "<= 1", "!= 4", "== 0", "== 7"} {
		cmp, _ := parseCmp(c)
		words = append(words, ComparisonWords(cmp))
	}
	want := []string{"more than 0", "3 or more", "fewer than 2", "1 or fewer", "anything but 4", "none", "exactly 7"}
	if !slices.Equal(words, want) {
		t.Errorf("comparison words %q, want %q", words, want)
	}
}

func parseCmp(s string) (scenarios.Comparison, error) { return scenarios.ParseComparison(s) }
