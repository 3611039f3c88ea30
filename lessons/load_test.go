package lessons

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBadFiles parses each broken lesson in testdata/bad and checks the
// error names the file and the line, as the .want file beside it says.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad files: %v", err)
	}
	located := regexp.MustCompile(`^[^:]+\.md:[1-9]\d*: `)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".md") + ".want")
			if err != nil {
				t.Fatalf("missing .want file: %v", err)
			}
			_, perr := Parse(name, data)
			if perr == nil {
				t.Fatal("Parse accepted a broken lesson")
			}
			var es Errors
			if !errors.As(perr, &es) {
				t.Fatalf("error is %T, want Errors", perr)
			}
			for _, e := range es {
				if !located.MatchString(e.Error()) {
					t.Errorf("error without file and line: %q", e.Error())
				}
			}
			for _, w := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if !strings.Contains(perr.Error(), w) {
					t.Errorf("errors:\n%s\nwant a line containing:\n%s", perr, w)
				}
			}
		})
	}
}

// minimal is a valid lesson used as a base by the tests below.
const minimal = `+++
number = 1
title = "T"
scenario = "the-log"
summary = "S"
[[stop]]
at = "1s"
text = "look"
watch = ["brokers_up"]
  [stop.predict]
  question = "How many brokers?"
  metric = "brokers_up"
  reveal = "2s"
  choices = ["yes", "no"]
  means = ["> 0", "== 0"]
  explain = "There are {value}."
[[stop]]
at = "3s"
text = "again"
[challenge]
goal = "g"
hint = "h"
by = "10s"
  [[challenge.expect]]
  brokers_up = "< 3"
  [[challenge.solution]]
  at = "1s"
  do = "crash-broker"
  broker = 1
+++
Intro line.

## First

One.

` + "```" + `
## not a heading
` + "```" + `

## Second

Two.
`

func TestParseMinimal(t *testing.T) {
	l, err := Parse("01-minimal.md", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if l.Number != 1 || l.Slug != "minimal" || l.Title != "T" || l.Scenario != "the-log" {
		t.Errorf("header: %+v", l)
	}
	if len(l.Stops) != 2 || l.Stops[0].AtMs != 1000 || l.Stops[1].AtMs != 3000 {
		t.Fatalf("stops: %+v", l.Stops)
	}
	if l.Stops[0].Line != 6 || l.Stops[1].Line != 17 {
		t.Errorf("stop lines = %d, %d; want 6, 17", l.Stops[0].Line, l.Stops[1].Line)
	}
	p := l.Stops[0].Predict
	if p == nil || p.RevealMs != 2000 || len(p.Means) != 2 || p.Means[0].Op != ">" {
		t.Fatalf("predict: %+v", p)
	}
	c := l.Challenge
	if c.Timeline != TimelineTraffic || c.ByMs != 10000 || len(c.Expect) != 1 || len(c.Solution) != 1 {
		t.Errorf("challenge: %+v", c)
	}
	if c.Line != 20 {
		t.Errorf("challenge line = %d, want 20", c.Line)
	}
	var titles []string
	for _, s := range l.Sections {
		titles = append(titles, s.Title)
	}
	if strings.Join(titles, "|") != "|First|Second" {
		t.Errorf("sections = %q", titles)
	}
	if l.Sections[1].Line != 33 {
		t.Errorf("section First at line %d, want 33", l.Sections[1].Line)
	}
}

func TestParseCRLF(t *testing.T) {
	crlf := strings.ReplaceAll(minimal, "\n", "\r\n")
	if _, err := Parse("01-minimal.md", []byte(crlf)); err != nil {
		t.Fatal(err)
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	src := strings.Replace(minimal, `at = "1s"`, `at = "soon"`, 1)
	src = strings.Replace(src, `title = "T"`, `title = ""`, 1)
	_, err := Parse("01-minimal.md", []byte(src))
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
	if es[0].Line != 3 || es[1].Line != 7 {
		t.Errorf("lines %d, %d; want 3, 7 (sorted)", es[0].Line, es[1].Line)
	}
}
