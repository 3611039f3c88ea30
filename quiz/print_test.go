package quiz

import (
	"bytes"
	"strings"
	"testing"
)

func printed(t *testing.T, opts PrintOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Print(&b, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// answerLines counts lines beginning "**Answer:**".
func answerLines(md string) int {
	n := 0
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "**Answer:**") {
			n++
		}
	}
	return n
}

func TestPrintWithAnswers(t *testing.T) {
	bank := loadBank(t)
	md := printed(t, PrintOptions{Generated: 4, Seed: 7})
	if got, want := strings.Count(md, "\n## "), len(bank)+4; got != want {
		t.Errorf("%d questions printed, want %d", got, want)
	}
	if got, want := answerLines(md), len(bank)+4; got != want {
		t.Errorf("%d answer lines, want %d", got, want)
	}
	// Each answer line is followed by its explanation.
	first := bank[0]
	if !strings.Contains(md, "**Answer:** "+mdEscape(first.AnswerText())+"\n\n"+mdText(first.Explanation)) {
		t.Errorf("answer and explanation of %s not found", first.ID)
	}
	if !strings.HasPrefix(md, "# Kafka quiz\n") {
		t.Errorf("header: %q", md[:40])
	}
}

func TestPrintNoAnswers(t *testing.T) {
	md := printed(t, PrintOptions{NoAnswers: true, Generated: 3, Seed: 7})
	if answerLines(md) != 0 || strings.Contains(md, "**Answer:**") {
		t.Error("answers printed with NoAnswers")
	}
	for _, q := range loadBank(t)[:5] {
		if strings.Contains(md, mdText(q.Explanation)) {
			t.Errorf("explanation of %s printed with NoAnswers", q.ID)
		}
	}
}

func TestPrintTopicAndSeed(t *testing.T) {
	md := printed(t, PrintOptions{Topics: []string{"durability"}, Generated: 6, Seed: 11})
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "## ") && !strings.HasSuffix(line, ". durability") {
			t.Errorf("other topic printed: %q", line)
		}
	}
	if again := printed(t, PrintOptions{Topics: []string{"durability"}, Generated: 6, Seed: 11}); again != md {
		t.Error("the same seed printed differently")
	}
	if other := printed(t, PrintOptions{Topics: []string{"durability"}, Generated: 6, Seed: 12}); other == md {
		t.Error("a different seed printed the same generated questions")
	}
	var b bytes.Buffer
	if err := Print(&b, PrintOptions{Topics: []string{"nope"}}); err == nil {
		t.Error("unknown topic should fail")
	}
}

func TestPrintEscapesMarkdown(t *testing.T) {
	q := Question{ID: "esc", Topic: "log", Kind: TrueFalse, Prompt: "Is __consumer_offsets a *topic*?\nSecond line", Truth: true, Explanation: "Yes <really>."}
	md := printed(t, PrintOptions{Bank: []Question{q}})
	for _, want := range []string{`\_\_consumer\_offsets a \*topic\*?  ` + "\nSecond line", `Yes \<really\>.`, "**Answer:** True"} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
}
