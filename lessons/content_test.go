package lessons

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// wantLessons is the curriculum's length: one lesson per topic, in order.
const wantLessons = 14

// parseBuiltins parses the embedded lessons without the scenario checks.
func parseBuiltins(t *testing.T) []*Lesson {
	t.Helper()
	names, err := fs.Glob(contentFS, "content/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []*Lesson
	for _, n := range names {
		data, err := fs.ReadFile(contentFS, n)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Parse(n, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b *Lesson) int { return a.Number - b.Number })
	return out
}

// TestBuiltinLessonsParse checks the lesson files on their own: numbering,
// shape and house style.
func TestBuiltinLessonsParse(t *testing.T) {
	ls := parseBuiltins(t)
	if len(ls) != wantLessons {
		t.Fatalf("%d lessons parse, want %d", len(ls), wantLessons)
	}
	for i, l := range ls {
		t.Run(l.Slug, func(t *testing.T) {
			if l.Number != i+1 {
				t.Errorf("lesson %d is at position %d: numbers must run 1..%d", l.Number, i+1, wantLessons)
			}
			if len(l.Sections) < 3 {
				t.Errorf("%d sections; write at least three short ## sections", len(l.Sections))
			}
			if len(l.Stops) < 2 {
				t.Errorf("%d stops; pause the run at least twice", len(l.Stops))
			}
			predicts := 0
			for _, s := range l.Stops {
				if s.Predict != nil {
					predicts++
				}
			}
			if predicts == 0 {
				t.Error("no predict-then-observe question")
			}
			checkParagraphs(t, l)
		})
	}
}

// maxParagraphWords keeps lessons readable in a terminal pane: a learner
// reads a paragraph, then watches.
const maxParagraphWords = 110

// checkParagraphs flags walls of text.
func checkParagraphs(t *testing.T, l *Lesson) {
	t.Helper()
	for _, s := range l.Sections {
		for _, para := range strings.Split(s.Text, "\n\n") {
			if n := len(strings.Fields(para)); n > maxParagraphWords {
				t.Errorf("section %q: a paragraph of %d words (at most %d): %.60s...", s.Title, n, maxParagraphWords, para)
			}
		}
	}
}

// TestListMatchesAll checks the home-screen list against the lessons.
func TestListMatchesAll(t *testing.T) {
	requireScenarios(t)
	all, list := All(), List()
	if len(all) != wantLessons || len(list) != wantLessons {
		t.Fatalf("All() has %d, List() has %d, want %d", len(all), len(list), wantLessons)
	}
	for i, e := range list {
		if e.Number != all[i].Number || e.Title != all[i].Title || e.Summary != all[i].Summary {
			t.Errorf("entry %d = %+v, lesson %d %q", i, e, all[i].Number, all[i].Title)
		}
	}
	if l, err := Get(5); err != nil || l.Number != 5 {
		t.Errorf("Get(5) = %v, %v", l, err)
	}
	if _, err := Get(99); err == nil {
		t.Error("Get(99) found a lesson")
	}
}

// lessonsByNumber formats lesson numbers for messages.
func lessonName(l *Lesson) string { return fmt.Sprintf("%02d-%s", l.Number, l.Slug) }

// builtinScenarios are the scenario names the course is built on. Every
// one must be reachable from a lesson: as its run, its challenge, or named
// in its text.
var builtinScenarios = []string{
	"the-log", "partitions", "keys", "consumer-groups", "offsets-restart", "rebalances",
	"replication", "acks", "unclean-election", "at-most-once", "at-least-once",
	"producer-retries", "exactly-once", "retention", "compaction", "controller-failover",
	"controller-zookeeper", "microservices", "activity-tracking", "log-aggregation",
	"stream-processing", "mlops", "auto-commit", "controller-quorum",
	"slow-processing", "static-membership", "truncation-detection", "transaction-failover", "producer-backlog",
}

func TestEveryScenarioIsReachable(t *testing.T) {
	ls := parseBuiltins(t)
	for _, name := range builtinScenarios {
		found := false
		for _, l := range ls {
			if l.Scenario == name || l.Challenge.Scenario == name || strings.Contains(l.Body, "`"+name+"`") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no lesson runs or names scenario %q", name)
		}
	}
}
