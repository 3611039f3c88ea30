package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/quiz"
	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	quizui "kafkasim/ui/quiz"
)

// TestQuizInputKinds answers one question of each kind through the keys,
// as the learner would, and checks what reaches ParseResponse.
func TestQuizInputKinds(t *testing.T) {
	abc := []string{"x", "y", "z"}
	tests := []struct {
		name string
		q    quiz.Question
		keys []string
		want string // the typed answer submitted
	}{
		{"single by letter", quiz.Question{Kind: quiz.Single, Choices: abc}, []string{"b", "enter"}, "B"},
		{"single by arrows", quiz.Question{Kind: quiz.Single, Choices: abc}, []string{"down", "down", "down", "enter"}, "C"},
		{"multi ticks", quiz.Question{Kind: quiz.Multi, Choices: abc}, []string{"c", "up", "up", "space", "enter"}, "A C"},
		{"multi untick", quiz.Question{Kind: quiz.Multi, Choices: abc}, []string{"a", "a", "b", "enter"}, "B"},
		{"true", quiz.Question{Kind: quiz.TrueFalse}, []string{"t", "enter"}, "true"},
		{"false by arrows", quiz.Question{Kind: quiz.TrueFalse}, []string{"down", "down", "enter"}, "false"},
		{"order typed", quiz.Question{Kind: quiz.Order, Choices: abc}, []string{"c", "a", "enter"}, "C A B"},
		{"order moved", quiz.Question{Kind: quiz.Order, Choices: abc}, []string{"down", "down", "shift+up", "enter"}, "B A C"},
		{"order undo", quiz.Question{Kind: quiz.Order, Choices: abc}, []string{"b", "backspace", "c", "enter"}, "C B A"},
		{"number", quiz.Question{Kind: quiz.Numeric}, []string{"-", "4", "2", "9", "backspace", "enter"}, "-42"},
	}
	k := quizui.NewQuizKeys(keys.NewGlobal())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := quizui.NewQuizInput(tt.q)
			var got string
			var done bool
			for _, key := range tt.keys {
				msg := keyMsg(key)
				if key == "shift+up" {
					msg = tea.KeyMsg{Type: tea.KeyShiftUp}
				}
				got, done = in.Update(msg, k)
			}
			if !done || got != tt.want {
				t.Fatalf("submitted %q (%v), want %q", got, done, tt.want)
			}
			if _, err := tt.q.ParseResponse(got); err != nil {
				t.Fatalf("ParseResponse(%q): %v", got, err)
			}
		})
	}
}

// TestQuizInputMistakes: nothing is submitted for a letter out of range or
// an empty multi answer, and the learner is told why.
func TestQuizInputMistakes(t *testing.T) {
	k := quizui.NewQuizKeys(keys.NewGlobal())
	in := quizui.NewQuizInput(quiz.Question{Kind: quiz.Single, Choices: []string{"x", "y"}})
	if _, done := in.Update(keyMsg("e"), k); done || !strings.Contains(in.Err, "A to B") {
		t.Fatalf("letter out of range: done %v err %q", done, in.Err)
	}
	in = quizui.NewQuizInput(quiz.Question{Kind: quiz.Multi, Choices: []string{"x", "y"}})
	if _, done := in.Update(keyMsg("enter"), k); done || in.Err == "" {
		t.Fatal("an empty multi answer should not be submitted")
	}
}

// TestQuizEnterAloneNeverAnswers: with nothing picked, typed or placed,
// enter says so and submits nothing, for every kind of question.
func TestQuizEnterAloneNeverAnswers(t *testing.T) {
	k := quizui.NewQuizKeys(keys.NewGlobal())
	abc := []string{"x", "y", "z"}
	for _, kind := range []quiz.Kind{quiz.Single, quiz.Multi, quiz.TrueFalse, quiz.Order, quiz.Numeric} {
		in := quizui.NewQuizInput(quiz.Question{Kind: kind, Choices: abc})
		if _, done := in.Update(keyMsg("enter"), k); done || in.Err == "" {
			t.Errorf("%s: enter alone answered (err %q)", kind, in.Err)
		}
	}
}

// rightAnswer is the keys that answer the current question correctly.
func rightAnswer(q quiz.Question) []string {
	switch q.Kind {
	case quiz.Single:
		return []string{strings.ToLower(quiz.Label(q.Correct[0])), "enter"}
	case quiz.Multi, quiz.Order:
		var keys []string
		for _, i := range q.Correct {
			keys = append(keys, strings.ToLower(quiz.Label(i)))
		}
		return append(keys, "enter")
	case quiz.TrueFalse:
		if q.Truth {
			return []string{"t", "enter"}
		}
		return []string{"f", "enter"}
	}
	return append(strings.Split(strconv.Itoa(q.Number), ""), "enter")
}

// TestQuizWholeModel answers a whole quiz right and one wrong, then checks
// the score, the review and what was saved.
func TestQuizWholeModel(t *testing.T) {
	dir := t.TempDir()
	m := openOn(t, nav.ScreenQuiz, "", dir, 80, 24)
	q := m.quiz
	m = drive(t, m, "enter")
	if q.Phase != quizui.QuizAsking || q.Session.Len() != quizui.QuizCount+quizui.QuizGenerated {
		t.Fatalf("want %d questions, phase %v", quizui.QuizCount+quizui.QuizGenerated, q.Phase)
	}
	first := true
	for q.Phase == quizui.QuizAsking {
		keys := rightAnswer(q.Input.Q)
		if first && q.Input.Q.Kind == quiz.Single {
			wrong := (q.Input.Q.Correct[0] + 1) % len(q.Input.Q.Choices)
			keys = []string{strings.ToLower(quiz.Label(wrong)), "enter"}
			first = false
		}
		m = drive(t, m, keys...)
		if q.Phase != quizui.QuizShowing {
			t.Fatalf("%s (%s) not answered by %v: %q", q.Input.Q.ID, q.Input.Q.Kind, keys, q.Input.Err)
		}
		m = drive(t, m, "enter")
	}
	o := q.Session.Score().Overall
	if q.Phase != quizui.QuizFinished || o.Wrong != 1 || o.Right != o.Total()-1 {
		t.Fatalf("phase %v score %+v", q.Phase, o)
	}
	v := m.View()
	if !contains(v, "Score: 11 of 12 right (92%)") || !contains(v, "Review: the 1 you missed") {
		t.Fatalf("summary:\n%s", v)
	}
	p, warn := quiz.NewStore(dir).Load()
	if warn != nil || p.Quizzes != 1 || p.Best["all"].Right != 11 {
		t.Fatalf("saved %+v (%v)", p, warn)
	}
	m = drive(t, m, "enter")
	if q.Phase != quizui.QuizChoosing || !contains(m.View(), "best 11/12 (92%)") {
		t.Fatalf("back at the menu with the best score:\n%s", m.View())
	}
}

// TestQuizEndEarlyAndScenario ends a quiz after one answer and opens a
// question's scenario, coming back to the quiz.
func TestQuizEndEarlyAndScenario(t *testing.T) {
	m := openOn(t, nav.ScreenQuiz, "", "", 80, 24)
	q := m.quiz
	m = drive(t, m, "enter")
	for q.Phase == quizui.QuizAsking || q.Result.Question.Scenario == "" {
		if q.Phase == quizui.QuizShowing {
			m = drive(t, m, "enter")
			continue
		}
		m = drive(t, m, rightAnswer(q.Input.Q)...)
	}
	m = drive(t, m, "o")
	if m.current != nav.ScreenSim || m.sim == nil || m.sim.Spec.Name != q.Result.Question.Scenario {
		t.Fatalf("o should open %q, on %v", q.Result.Question.Scenario, m.current)
	}
	m = drive(t, m, "esc")
	if m.current != nav.ScreenQuiz || q.Phase != quizui.QuizShowing {
		t.Fatalf("esc should come back to the quiz, on %v", m.current)
	}
	m = drive(t, m, "e")
	if q.Phase != quizui.QuizFinished || !contains(m.View(), "ended after") {
		t.Fatalf("e should end the quiz:\n%s", m.View())
	}
}

// TestQuizCorruptProgress: a damaged file is a warning and a fresh start.
func TestQuizCorruptProgress(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "quiz.json"), []byte(`{"version": 99}`), 0o644); err != nil {
		t.Fatal(err)
	}
	m := openOn(t, nav.ScreenQuiz, "", dir, 80, 24)
	if v := m.View(); !contains(v, "! ") || !contains(v, "no answers saved yet") {
		t.Fatalf("want a warning and a fresh menu:\n%s", v)
	}
	m = drive(t, m, "enter", "a")
	if m.quiz.Saved != "" {
		t.Fatalf("saving after a damaged file was backed up should work: %s", m.quiz.Saved)
	}
}

// TestQuizWeakTopics draws from the worst topics saved.
func TestQuizWeakTopics(t *testing.T) {
	dir := t.TempDir()
	p := quiz.NewProgress()
	p.Topics["keys"] = quiz.Tally{Right: 0, Wrong: 3}
	if err := quiz.NewStore(dir).Save(p); err != nil {
		t.Fatal(err)
	}
	m := openOn(t, nav.ScreenQuiz, "", dir, 80, 24)
	m = drive(t, m, "down", "enter")
	if got := m.quiz.Session.Topics(); !slices.Equal(got, []string{"keys"}) {
		t.Fatalf("weak topics %v, want [keys]", got)
	}
}

func TestQuizQuestionGolden80x24(t *testing.T) {
	m := openOn(t, nav.ScreenQuiz, "", "", 80, 24)
	m = drive(t, m, "enter")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestQuizQuestionGolden120x36(t *testing.T) {
	m := openOn(t, nav.ScreenQuiz, "", "", 120, 36)
	m = drive(t, m, "enter", "t", "enter") // t picks True, enter confirms
	golden.RequireEqual(t, []byte(m.View()))
}

func TestQuizMenuGolden80x24(t *testing.T) {
	m := openOn(t, nav.ScreenQuiz, "", "", 80, 24)
	golden.RequireEqual(t, []byte(m.View()))
}

// TestQuizTopicOption: `kafkasim quiz --topic T` opens the quiz asking
// questions on T; enter at the end goes back to the menu.
func TestQuizTopicOption(t *testing.T) {
	seed := uint64(7)
	for _, topics := range []string{"offsets", "keys, offsets"} {
		t.Run(topics, func(t *testing.T) {
			m := newModel(Options{Quiz: true, QuizTopic: topics, Seed: &seed}, plainStyles(), defaultDeps())
			next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			m = feed(next.(Model), next.(Model).Init())
			q := m.quiz
			if m.current != nav.ScreenQuiz || q == nil || q.Phase != quizui.QuizAsking {
				t.Fatalf("want a question on %s, on %v", topics, m.current)
			}
			want := splitTopics(topics)
			cur, _ := q.Session.Current()
			if !slices.Contains(want, cur.Topic) {
				t.Fatalf("question %s has topic %q, want one of %v", cur.ID, cur.Topic, want)
			}
			if !contains(m.View(), "Topic") || !contains(m.View(), "offsets") {
				t.Fatalf("the header should name the topic:\n%s", m.View())
			}
		})
	}
}
