package lessons

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleLesson is the lesson the README shows as the format's example.
const exampleLesson = "testdata/first-lesson.md"

// TestExampleLessonPlays loads the README's example from disk, answers its
// prediction and passes its challenge with its own solution, so the
// example a teacher copies is known to work.
func TestExampleLessonPlays(t *testing.T) {
	l, err := LoadFile(exampleLesson)
	if err != nil {
		t.Fatal(err)
	}
	if !IsFile(l) || l.Slug != FileKey(exampleLesson) || len(l.Stops) != 1 || l.Stops[0].Predict == nil {
		t.Fatalf("lesson: slug %q, stops %+v", l.Slug, l.Stops)
	}
	p, err := NewPlayer(l, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.RunToNextStop(); !ok {
		t.Fatal("the run never reached the stop")
	}
	r, err := p.Predict("yes, all 100")
	if err != nil || !r.Right {
		t.Fatalf("the example's right answer: %+v, %v", r, err)
	}
	if err := p.StartChallenge(); err != nil {
		t.Fatal(err)
	}
	if ok, _ := p.CheckChallenge(); ok {
		t.Fatal("doing nothing passed the example's challenge")
	}
	if err := p.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := playSolution(p); err != nil {
		t.Fatal(err)
	}
	if ok, d := p.CheckChallenge(); !ok {
		t.Errorf("the example's solution fails its challenge: %v", d)
	}
}

// TestExampleLessonIsTheReadme keeps the README's example and the tested
// file the same text.
func TestExampleLessonIsTheReadme(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exampleLesson)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```markdown\n"+string(data)+"```\n") {
		t.Errorf("README.md does not show %s word for word in a ```markdown block", exampleLesson)
	}
}

// TestFileKeyNeverClashes checks a disk lesson's progress key against
// every built-in slug, and that a file's name is free.
func TestFileKeyNeverClashes(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(exampleLesson)
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the example under a built-in lesson's own file name.
	copyPath := filepath.Join(dir, "01-event-streaming-and-the-log.md")
	if err := os.WriteFile(copyPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := LoadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range All() {
		if b.Slug == l.Slug {
			t.Errorf("lesson file %s shares progress key %q with built-in lesson %d", copyPath, l.Slug, b.Number)
		}
	}
	if other := FileKey(exampleLesson); other == l.Slug {
		t.Error("two files share a progress key")
	}
}

// TestLoadFileErrors reports a broken file from disk the way scenarios
// are reported: file:line: key: message.
func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "my lesson.md")
	text := "+++\nnumber = 1\ntitle = \"T\"\nscenario = \"the-log\"\nsummary = \"s\"\n[[stop]]\nat = \"99m\"\ntext = \"late\"\n[challenge]\ngoal = \"g\"\nhint = \"h\"\n+++\nBody.\n"
	if err := os.WriteFile(bad, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(bad)
	if err == nil {
		t.Fatal("a challenge with no expectations was accepted")
	}
	if want := bad + ":9: challenge: no [[challenge.expect]]"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.md")); err == nil || !strings.Contains(err.Error(), "missing.md:1: file:") {
		t.Errorf("missing file: %v", err)
	}
}

// TestLoadFileFindsItsScenarioBeside: a scenario named by a relative path
// is read from the lesson's own folder, whatever the working directory.
func TestLoadFileFindsItsScenarioBeside(t *testing.T) {
	dir := t.TempDir()
	sc, err := os.ReadFile("../scenarios/library/the-log.toml")
	if err != nil {
		t.Fatal(err)
	}
	lesson, err := os.ReadFile(exampleLesson)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(lesson), `scenario = "the-log"`, `scenario = "my-log.toml"`, 1)
	for name, data := range map[string][]byte{"my-log.toml": sc, "lesson.md": []byte(text)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	l, err := LoadFile(filepath.Join(dir, "lesson.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "my-log.toml"); l.Scenario != want {
		t.Errorf("scenario = %q, want %q", l.Scenario, want)
	}
	if _, err := NewPlayer(l, 0); err != nil {
		t.Errorf("the lesson does not play with its own scenario file: %v", err)
	}
}
