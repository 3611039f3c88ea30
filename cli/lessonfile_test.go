package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleLesson is the README's lesson example.
const exampleLesson = "../lessons/testdata/first-lesson.md"

// teacherBank is a question bank of a teacher's own.
const teacherBank = "../quiz/testdata/teacher/my-class.toml"

// writeTemp writes a file in a fresh folder and returns its path.
func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDispatchLessonFile(t *testing.T) {
	open, ui, code, out, errOut := dispatch("lesson", exampleLesson, "--seed", "7")
	if !ui || code != 0 || out != "" || errOut != "" || open.LessonFile != exampleLesson || open.Lesson != 0 || open.Seed == nil {
		t.Fatalf("open %+v ui %v code %d out %q err %q", open, ui, code, out, errOut)
	}
	if open, ui, _, _, _ := dispatch("lesson", "2"); !ui || open.Lesson != 2 || open.LessonFile != "" {
		t.Errorf("a built-in number: %+v", open)
	}
	// A broken file is refused before the UI opens, with file:line: key.
	bad := writeTemp(t, "mine.md", "+++\nnumber = 1\ntitle = \"T\"\nscenario = \"the-log\"\nsummary = \"s\"\ncolour = 3\n[challenge]\ngoal = \"g\"\nhint = \"h\"\n+++\nBody.\n")
	_, ui, code, _, errOut = dispatch("lesson", bad)
	if ui || code != 2 || !strings.Contains(errOut, bad+":6: colour: unknown key") {
		t.Errorf("bad file: ui %v code %d err %q", ui, code, errOut)
	}
	if _, ui, code, _, errOut := dispatch("lesson", "nowhere.md"); ui || code != 2 || !strings.Contains(errOut, "nowhere.md:1: file:") {
		t.Errorf("missing file: ui %v code %d err %q", ui, code, errOut)
	}
}

func TestValidateLessonFiles(t *testing.T) {
	code, out, errOut := invoke(Validate, exampleLesson)
	if code != 0 || !strings.Contains(out, "first-lesson.md: ok: lesson: Reading does not remove records") || errOut != "" {
		t.Fatalf("good lesson: code %d out %q err %q", code, out, errOut)
	}
	// Front matter, not the name, marks a lesson: this one is .txt and
	// names a metric the engine does not have.
	data, err := os.ReadFile(exampleLesson)
	if err != nil {
		t.Fatal(err)
	}
	bad := writeTemp(t, "lesson.txt", strings.Replace(string(data), "group.from-beginning.processed", "group.from-beginning.happiness", 1))
	code, _, errOut = invoke(Validate, bad, "the-log")
	if code != 2 || !strings.Contains(errOut, bad+":14: stop.predict.metric:") || !strings.Contains(errOut, "(hint:") {
		t.Errorf("bad lesson: code %d err %q", code, errOut)
	}
}

func TestQuizBankFile(t *testing.T) {
	open, ui, code, _, errOut := dispatch("quiz", "--bank", teacherBank)
	if !ui || code != 0 || !open.Quiz || open.QuizBank != teacherBank {
		t.Fatalf("interactive: open %+v ui %v code %d err %q", open, ui, code, errOut)
	}
	_, ui, code, out, errOut := dispatch("quiz", "--print", "--bank", teacherBank)
	if ui || code != 0 || !strings.Contains(out, "2 questions") || !strings.Contains(out, "Reading a record removes it") {
		t.Fatalf("print: ui %v code %d out %.200q err %q", ui, code, out, errOut)
	}
	bad := writeTemp(t, "bank.toml", "[[question]]\nid = \"x\"\ntopic = \"log\"\nkind = \"numeric\"\nprompt = \"p\"\nanswr = 1\nexplanation = \"e\"\n")
	for _, args := range [][]string{{"quiz", "--bank", bad}, {"quiz", "--print", "--bank", bad}} {
		_, ui, code, _, errOut := dispatch(args...)
		if ui || code != 2 || !strings.Contains(errOut, bad+":6: answr: unknown key (hint: did you mean \"answer\"?)") {
			t.Errorf("%v: ui %v code %d err %q", args, ui, code, errOut)
		}
	}
}

// TestDispatchScenarioLesson: a scenario file with a [challenge] plays as
// a lesson and validates as one.
func TestDispatchScenarioLesson(t *testing.T) {
	const file = "../lessons/testdata/scenario-lesson.toml"
	open, ui, code, _, errOut := dispatch("lesson", file)
	if !ui || code != 0 || errOut != "" || open.LessonFile != file {
		t.Fatalf("open %+v ui %v code %d err %q", open, ui, code, errOut)
	}
	if _, _, code, out, _ := dispatch("validate", file); code != 0 || !strings.Contains(out, "ok: lesson: A crash between processing and committing") {
		t.Errorf("validate: code %d out %q", code, out)
	}
}
