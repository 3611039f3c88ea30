package claims

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kafkasim/quiz"
)

// passage is one file's text (or one generated question), normalized: TOML
// line continuations joined and runs of white space made one space, so a
// phrase split across lines still matches.
type passage struct {
	where string
	text  string
	// scenario is the raw text of the scenario the passage runs (its own
	// file, or a lesson's scenario); empty for questions.
	scenario string
	// generated questions quote their own made-up settings.
	generated bool
}

// sets reports whether the passage's scenario sets config name itself, so
// a value quoted for it may be the scenario's own rather than a default.
func (p passage) sets(name string) bool {
	return p.scenario != "" && (strings.Contains(p.scenario, `"`+name+`" =`) || strings.Contains(p.scenario, name+" ="))
}

var (
	continuation = regexp.MustCompile(`\\\n\s*`)
	whiteSpace   = regexp.MustCompile(`\s+`)
)

func normalize(s string) string {
	s = continuation.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "`", "")
	return whiteSpace.ReplaceAllString(s, " ")
}

// corpus reads the bank, the lessons, the scenarios and a run of
// generated questions.
func corpus(t *testing.T) []passage {
	t.Helper()
	var out []passage
	for _, glob := range []string{"../../quiz/bank/*.toml", "../../lessons/content/*.md", "../../scenarios/library/*.toml"} {
		names, err := filepath.Glob(glob)
		if err != nil || len(names) == 0 {
			t.Fatalf("no files at %s: %v", glob, err)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, passage{where: strings.TrimPrefix(n, "../../"), text: normalize(string(data)), scenario: scenarioOf(t, n, string(data))})
		}
	}
	for seed := range uint64(20) {
		for _, q := range quiz.Generate(seed, 3*len(quiz.GeneratorKinds()), nil) {
			text := q.Prompt + " " + strings.Join(q.Choices, " ") + " " + q.Explanation
			out = append(out, passage{where: fmt.Sprintf("generated %s (seed %d)", q.ID, seed), text: normalize(text), generated: true})
		}
	}
	return out
}

var lessonScenario = regexp.MustCompile(`(?m)^scenario = "([^"]+)"`)

// scenarioOf is the scenario text behind a file: a scenario's own text,
// a lesson's scenario (and its challenge's), nothing for the bank.
func scenarioOf(t *testing.T, file, data string) string {
	switch {
	case strings.Contains(file, "scenarios/library/"):
		return data
	case strings.Contains(file, "lessons/content/"):
		var all string
		for _, m := range lessonScenario.FindAllStringSubmatch(data, -1) {
			b, err := os.ReadFile("../../scenarios/library/" + m[1] + ".toml")
			if err != nil {
				t.Fatalf("%s: scenario %s: %v", file, m[1], err)
			}
			all += string(b)
		}
		return all
	}
	return ""
}
