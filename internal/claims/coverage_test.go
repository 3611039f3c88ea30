package claims

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kafkasim/lessons"
	"kafkasim/quiz"
	"kafkasim/scenarios"
)

// coverageFile is the table of where the course is taught.
const coverageFile = "../../lessons/COVERAGE.md"

// coverageRow is one table row of COVERAGE.md.
type coverageRow struct {
	line                       int
	item, course, where, depth string
}

// coverageRows reads every four-column table row of COVERAGE.md.
func coverageRows(t *testing.T) []coverageRow {
	t.Helper()
	data, err := os.ReadFile(coverageFile)
	if err != nil {
		t.Fatal(err)
	}
	var rows []coverageRow
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| item ") || strings.HasPrefix(line, "| ---") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 4 {
			t.Errorf("COVERAGE.md:%d: %d cells, want item | course | where | depth", i+1, len(cells))
			continue
		}
		rows = append(rows, coverageRow{i + 1, cells[0], cells[1], cells[2], cells[3]})
	}
	if len(rows) < 150 {
		t.Fatalf("COVERAGE.md has %d rows; the course has about 150 items", len(rows))
	}
	return rows
}

// courseSource is a course document by prefix and a section heading.
var courseSource = regexp.MustCompile(`^00[0-4] § \S`)

var (
	lessonRef  = regexp.MustCompile(`L(\d+)\b`)
	stopRef    = regexp.MustCompile(`^L(\d+) stops? at ((?:\d+s(?:, | and )?)+)`)
	quizRef    = regexp.MustCompile(`^quiz ([a-z0-9-]+(?:, [a-z0-9-]+)*)`)
	sceneRef   = regexp.MustCompile(`^scenarios? ([a-z0-9-]+(?:, [a-z0-9-]+)*)`)
	sandboxRef = regexp.MustCompile("^sandbox: `([a-z-]+)")
	secondsRef = regexp.MustCompile(`(\d+)s`)
)

// coveragePlaces is what exists to be cited: lessons with their section
// titles and stop times, scenario names, question ids, sandbox tools.
type coveragePlaces struct {
	lessons   map[int]*lessons.Lesson
	scenarios []string
	questions map[string]bool
	tools     string // the sandbox's source, where each tool is named
}

func loadCoveragePlaces(t *testing.T) coveragePlaces {
	t.Helper()
	p := coveragePlaces{lessons: map[int]*lessons.Lesson{}, scenarios: scenarios.Names(), questions: map[string]bool{}}
	for _, l := range lessons.All() {
		p.lessons[l.Number] = l
	}
	bank, err := quiz.Bank()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range bank {
		p.questions[q.ID] = true
	}
	src, err := os.ReadFile("../../sandbox/session.go")
	if err != nil {
		t.Fatal(err)
	}
	p.tools = string(src)
	return p
}

// TestCoverageCitesRealPlaces opens every place COVERAGE.md names: each
// lesson section, stop, challenge, scenario, question and sandbox tool
// must exist, each row must cite a course document by section, and a row
// marked "shown" must point at something that runs.
func TestCoverageCitesRealPlaces(t *testing.T) {
	places := loadCoveragePlaces(t)
	rows := coverageRows(t)
	for _, doc := range []string{"000", "001", "002", "003", "004"} {
		if !slices.ContainsFunc(rows, func(r coverageRow) bool { return strings.HasPrefix(r.course, doc+" ") }) {
			t.Errorf("COVERAGE.md has no row from course document %s", doc)
		}
	}
	for _, r := range rows {
		at := fmt.Sprintf("COVERAGE.md:%d (%s)", r.line, r.item)
		if r.course != "none" && !courseSource.MatchString(r.course) {
			t.Errorf("%s: course %q must name a course document and section, like \"002 § Kafka Connect\"", at, r.course)
		}
		if strings.Contains(r.course+r.where, "KAFKA.md") {
			t.Errorf("%s: cites KAFKA.md; cite the course documents and the lessons", at)
		}
		shown, explained := 0, 0
		for _, ref := range strings.Split(r.where, "; ") {
			s, e, err := places.check(ref)
			if err != nil {
				t.Errorf("%s: %q: %v", at, ref, err)
			}
			shown, explained = shown+s, explained+e
		}
		switch r.depth {
		case "shown":
			if shown == 0 {
				t.Errorf("%s: marked shown but cites no stop, challenge, scenario or sandbox command", at)
			}
		case "explained", "named only":
			if explained == 0 {
				t.Errorf("%s: marked %s but cites no lesson section or question", at, r.depth)
			}
		case "missing":
		default:
			t.Errorf("%s: depth %q, want shown, explained, named only or missing", at, r.depth)
		}
	}
}

// check verifies one citation and says whether it shows (runs) or
// explains the item.
func (p coveragePlaces) check(ref string) (shown, explained int, err error) {
	switch {
	case strings.Contains(ref, " § "):
		return 0, 1, p.checkSections(ref)
	case stopRef.MatchString(ref):
		m := stopRef.FindStringSubmatch(ref)
		return 1, 0, p.checkStops(m[1], m[2])
	case regexp.MustCompile(`^L\d+ challenge`).MatchString(ref):
		l, err := p.lesson(lessonRef.FindStringSubmatch(ref)[1])
		if err == nil && l.Challenge.Goal == "" {
			err = fmt.Errorf("lesson %d has no challenge", l.Number)
		}
		return 1, 0, err
	case quizRef.MatchString(ref):
		for _, id := range strings.Split(quizRef.FindStringSubmatch(ref)[1], ", ") {
			if !p.questions[id] {
				return 0, 1, fmt.Errorf("no question %q in the bank", id)
			}
		}
		return 0, 1, nil
	case sceneRef.MatchString(ref):
		for _, name := range strings.Split(sceneRef.FindStringSubmatch(ref)[1], ", ") {
			if !slices.Contains(p.scenarios, name) {
				return 1, 0, fmt.Errorf("no built-in scenario %q", name)
			}
		}
		return 1, 0, nil
	case sandboxRef.MatchString(ref):
		tool := sandboxRef.FindStringSubmatch(ref)[1]
		if !strings.Contains(p.tools, `"`+tool+`"`) {
			return 1, 0, fmt.Errorf("the sandbox has no tool %q", tool)
		}
		return 1, 0, nil
	}
	return 0, 0, fmt.Errorf("not a place: write L<n> § Title, L<n> stop at <t>s, L<n> challenge, quiz <id>, scenario <name> or sandbox: `tool`")
}

func (p coveragePlaces) lesson(number string) (*lessons.Lesson, error) {
	n, _ := strconv.Atoi(number)
	if l, ok := p.lessons[n]; ok {
		return l, nil
	}
	return nil, fmt.Errorf("no lesson %s", number)
}

// checkSections checks "L5 § A, § B": every title after a § must begin
// with a section title of the lesson named before it.
func (p coveragePlaces) checkSections(ref string) error {
	m := lessonRef.FindStringSubmatch(ref)
	if m == nil || !strings.HasPrefix(ref, "L") {
		return fmt.Errorf("a section without its lesson")
	}
	l, err := p.lesson(m[1])
	if err != nil {
		return err
	}
	for _, part := range strings.Split(ref, "§ ")[1:] {
		found := false
		for _, s := range l.Sections {
			if s.Title != "" && strings.HasPrefix(part, s.Title) {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("lesson %d has no section %q", l.Number, strings.TrimSuffix(part, ", "))
		}
	}
	return nil
}

// checkStops checks that lesson number pauses at each listed time.
func (p coveragePlaces) checkStops(number, times string) error {
	l, err := p.lesson(number)
	if err != nil {
		return err
	}
	for _, m := range secondsRef.FindAllStringSubmatch(times, -1) {
		sec, _ := strconv.ParseInt(m[1], 10, 64)
		if !slices.ContainsFunc(l.Stops, func(s lessons.Stop) bool { return s.AtMs == sec*1000 }) {
			return fmt.Errorf("lesson %d has no stop at %ds", l.Number, sec)
		}
	}
	return nil
}
