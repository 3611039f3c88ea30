package lessons

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"kafkasim/internal/lazyregexp"
	"kafkasim/scenarios"
)

// rawLesson is the front matter as written, before times are parsed and
// references checked. Every field has a toml tag so unknown keys stand out.
type rawLesson struct {
	Number    int          `toml:"number"`
	Title     string       `toml:"title"`
	Scenario  string       `toml:"scenario"`
	Summary   string       `toml:"summary"`
	Real      string       `toml:"in_real_kafka"`
	Stop      []rawStop    `toml:"stop"`
	Challenge rawChallenge `toml:"challenge"`
}

type rawStop struct {
	At      string      `toml:"at"`
	Text    string      `toml:"text"`
	Watch   []string    `toml:"watch"`
	When    string      `toml:"when"`
	Code    string      `toml:"code"`
	Else    string      `toml:"else"`
	Predict *rawPredict `toml:"predict"`
}

type rawPredict struct {
	Question string   `toml:"question"`
	Metric   string   `toml:"metric"`
	Reveal   string   `toml:"reveal"`
	Choices  []string `toml:"choices"`
	Means    []string `toml:"means"`
	Explain  string   `toml:"explain"`
}

type rawChallenge struct {
	Goal     string           `toml:"goal"`
	Hint     string           `toml:"hint"`
	Setup    string           `toml:"setup"`
	Scenario string           `toml:"scenario"`
	Timeline string           `toml:"timeline"`
	By       string           `toml:"by"`
	Expect   []toml.Primitive `toml:"expect"`
	Solution []toml.Primitive `toml:"solution"`
}

// reFileName is the shape of a lesson file's name: 05-offsets-and-commits.md.
var reFileName = lazyregexp.New(`^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$`)

// parser holds what is needed to report errors for one file.
type parser struct {
	file      string
	tomlStart int // file line of the front matter's first line
	lines     *lineFinder
	errs      Errors
}

// fail records a problem at a key given with positions (stop.1.at).
func (p *parser) fail(msg, hint string, path ...string) {
	line := 0
	if n := p.lines.line(path...); n > 0 {
		line = n + p.tomlStart - 1
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Key: keyName(path), Msg: msg, Hint: hint})
}

// keyName writes a path without its positions: stop.predict.metric.
func keyName(path []string) string {
	if len(path) == 0 {
		return "front matter"
	}
	return strings.Join(withoutPositions(path), ".")
}

// Parse reads one lesson file. name is used in error messages and to find
// the lesson's number and slug; data is the file's content. It checks the
// file on its own; references to scenarios are checked by [Validate].
func Parse(name string, data []byte) (*Lesson, error) {
	return parse(name, data, true)
}

// parse reads one lesson file. builtIn lessons must be named NN-slug.md;
// a lesson from disk may have any name (see LoadFile).
func parse(name string, data []byte, builtIn bool) (*Lesson, error) {
	if len(data) > scenarios.MaxFileBytes {
		return nil, Errors{{File: name, Line: 1, Key: "file",
			Msg: fmt.Sprintf("the file is %d bytes, more than the limit of %d", len(data), scenarios.MaxFileBytes)}}
	}
	front, body, tomlStart, bodyStart, ferr := splitFile(name, data)
	if ferr != nil {
		return nil, Errors{ferr}
	}
	if deep := scenarios.NestingProblem(name, front, tomlStart); deep != nil {
		return nil, Errors{deep}
	}
	p := &parser{file: name, tomlStart: tomlStart, lines: newLineFinder(front)}
	var raw rawLesson
	md, err := toml.Decode(front, &raw)
	if err != nil {
		return nil, Errors{p.tomlError(front, err)}
	}
	l := &Lesson{File: name, Body: body}
	p.header(l, &raw, name, builtIn)
	p.stops(l, raw.Stop)
	p.challenge(l, &raw.Challenge, &md)
	p.undecoded(&md)
	l.Sections = sections(body, bodyStart)
	if strings.TrimSpace(body) == "" {
		p.errs = append(p.errs, &Error{File: name, Line: bodyStart, Key: "body",
			Msg: "the lesson has no text", Hint: "write short ## sections after the closing +++"})
	}
	slices.SortStableFunc(p.errs, func(a, b *Error) int { return a.Line - b.Line })
	if err := orNil(p.errs); err != nil {
		return nil, err
	}
	return l, nil
}

// tomlError turns a TOML syntax or type error into an Error with a file line.
func (p *parser) tomlError(front string, err error) *Error {
	if e, ok := scenarios.SyntaxProblem(p.file, front, p.tomlStart, err); ok {
		if e.Key == "" {
			e.Key = "toml"
		}
		return e
	}
	// Type mismatches come back as plain errors:
	// toml: line 1 (last key "number"): incompatible types: ...
	if m := reTypeErr.FindStringSubmatch(err.Error()); m != nil {
		line := p.lines.plainLine(splitKey(m[2]))
		if n, _ := strconv.Atoi(m[1]); line == 0 && n > 0 {
			line = n
		}
		return &Error{File: p.file, Line: line + p.tomlStart - 1, Key: m[2], Msg: m[3],
			Hint: "check the value's type: quotes for text and times, none for numbers"}
	}
	return &Error{File: p.file, Line: p.tomlStart, Key: "toml", Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// reTypeErr matches the toml package's type errors.
var reTypeErr = lazyregexp.New(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// header checks the top-level keys and the file name.
func (p *parser) header(l *Lesson, raw *rawLesson, name string, builtIn bool) {
	l.Number, l.Title, l.Summary, l.Scenario = raw.Number, raw.Title, raw.Summary, raw.Scenario
	l.InRealKafka = strings.TrimSpace(raw.Real)
	m := reFileName.FindStringSubmatch(path.Base(name))
	switch {
	case !builtIn:
		// A lesson from disk may be called anything; LoadFile gives it
		// its progress key.
	case m == nil:
		p.errs = append(p.errs, &Error{File: name, Line: 1, Key: "file name",
			Msg: fmt.Sprintf("%q is not NN-slug.md", path.Base(name)), Hint: "name it like 05-offsets-and-commits.md"})
	default:
		l.Slug = m[2]
		if n, _ := strconv.Atoi(m[1]); n != raw.Number {
			p.fail(fmt.Sprintf("number is %d but the file name says %d", raw.Number, n),
				"make the number match the file name's prefix", "number")
		}
	}
	if raw.Number < 1 {
		p.fail("missing or below 1", "number = 5", "number")
	}
	required := []struct{ key, val, hint string }{
		{"title", raw.Title, `title = "Offsets and commits"`},
		{"summary", raw.Summary, "one line for the home screen"},
		{"scenario", raw.Scenario, `scenario = "offsets-restart"`},
	}
	for _, r := range required {
		if strings.TrimSpace(r.val) == "" {
			p.fail("missing", r.hint, r.key)
		}
	}
	if strings.ContainsRune(raw.Summary, '\n') || len(raw.Summary) > 90 {
		p.fail("must be one short line (90 characters at most)", "move detail into the body", "summary")
	}
}
