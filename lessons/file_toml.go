package lessons

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"kafkasim/scenarios"
)

// rawScenarioLesson is a scenario file read as a lesson: the lesson keys,
// and the description that is its text.
type rawScenarioLesson struct {
	rawLesson
	Description string `toml:"description"`
}

// IsScenarioLesson reports whether a file name is a scenario file, which
// LoadFile reads as a lesson when it has [[stop]]s and a [challenge].
func IsScenarioLesson(file string) bool {
	return strings.HasSuffix(strings.ToLower(file), ".toml")
}

// parseScenarioLesson reads a scenario file with [[stop]]s and a
// [challenge] as a lesson of its own run: the scenario is the file itself,
// its title the lesson's, its description the lesson's text. number and
// summary are optional here (1, and the description's first line).
func parseScenarioLesson(name string, data []byte) (*Lesson, error) {
	if len(data) > scenarios.MaxFileBytes {
		return nil, Errors{{File: name, Line: 1, Key: "file",
			Msg: fmt.Sprintf("the file is %d bytes, more than the limit of %d", len(data), scenarios.MaxFileBytes)}}
	}
	front := strings.ReplaceAll(string(data), "\r\n", "\n")
	if deep := scenarios.NestingProblem(name, front, 1); deep != nil {
		return nil, Errors{deep}
	}
	p := &parser{file: name, tomlStart: 1, lines: newLineFinder(front)}
	var raw rawScenarioLesson
	md, err := toml.Decode(front, &raw)
	if err != nil {
		return nil, Errors{p.tomlError(front, err)}
	}
	if !md.IsDefined("challenge") {
		return nil, Errors{{File: name, Line: 1, Key: "challenge", Msg: "a scenario played as a lesson needs a [challenge]",
			Hint: "add [challenge] with goal, hint, [[challenge.expect]] and [[challenge.solution]] (and [[stop]]s to pause at)"}}
	}
	if raw.Number == 0 {
		raw.Number = 1
	}
	if raw.Summary == "" {
		raw.Summary = summaryLine(raw.Description, 90)
	}
	raw.Scenario = name
	l := &Lesson{File: name, Body: raw.Description}
	p.header(l, &raw.rawLesson, name, false)
	p.stops(l, raw.Stop)
	p.challenge(l, &raw.Challenge, &md)
	p.undecodedBeyond(&md, scenarios.TopKeys())
	l.Sections = sections(raw.Description, p.lineOf("description"))
	if strings.TrimSpace(raw.Description) == "" {
		p.fail("the lesson has no text", `write description = """...""" in Markdown: what to watch and why`, "description")
	}
	slices.SortStableFunc(p.errs, func(a, b *Error) int { return a.Line - b.Line })
	if err := orNil(p.errs); err != nil {
		return nil, err
	}
	return l, nil
}

// undecodedBeyond reports unknown keys, except under the top-level keys
// another reader owns (a scenario's cluster, topics, timeline...).
func (p *parser) undecodedBeyond(md *toml.MetaData, owned []string) {
	var left []toml.Key
	for _, k := range md.Undecoded() {
		if !slices.Contains(owned, k[0]) || k[0] == "stop" || k[0] == "challenge" {
			left = append(left, k)
		}
	}
	p.reportUnknown(left)
}

// summaryLine is the first line of Markdown text with its marks trimmed,
// cut to at most n bytes at a word.
func summaryLine(text string, n int) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = strings.Trim(line, "#*_ `")
	if len(line) <= n {
		return line
	}
	if i := strings.LastIndex(line[:n-1], " "); i > 0 {
		return line[:i] + "…"
	}
	return line[:n-1] + "…"
}
