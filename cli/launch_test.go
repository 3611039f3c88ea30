package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dispatch runs Dispatch with captured output.
func dispatch(args ...string) (Launch, bool, int, string, string) {
	var out, errOut bytes.Buffer
	open, ui, code := Dispatch(args, strings.NewReader(""), &out, &errOut)
	return open, ui, code, out.String(), errOut.String()
}

func TestDispatchOpensTheUI(t *testing.T) {
	seed := uint64(42)
	tests := []struct {
		name string
		args []string
		want Launch
	}{
		{"home", nil, Launch{}},
		{"play", []string{"play", "acks"}, Launch{Scenario: "acks"}},
		{"play seed after", []string{"play", "acks", "--seed", "42"}, Launch{Scenario: "acks", Seed: &seed}},
		{"lesson", []string{"lesson", "10"}, Launch{Lesson: 10}},
		{"play no motion", []string{"play", "acks", "--no-motion"}, Launch{Scenario: "acks", NoMotion: true}},
		{"lesson no motion", []string{"lesson", "--no-motion", "3"}, Launch{Lesson: 3, NoMotion: true}},
		{"lesson seed before", []string{"lesson", "--seed=42", "3"}, Launch{Lesson: 3, Seed: &seed}},
		{"quiz", []string{"quiz"}, Launch{Quiz: true}},
		{"quiz seed", []string{"quiz", "--seed", "42"}, Launch{Quiz: true, Seed: &seed}},
		{"quiz topic", []string{"quiz", "--topic", "offsets"}, Launch{Quiz: true, QuizTopic: "offsets"}},
		{"quiz topics and seed", []string{"quiz", "--topic=keys,offsets", "--seed", "42"},
			Launch{Quiz: true, QuizTopic: "keys,offsets", Seed: &seed}},
		{"sandbox", []string{"sandbox"}, Launch{Sandbox: true, Brokers: 3}},
		{"sandbox brokers", []string{"sandbox", "--brokers", "5"}, Launch{Sandbox: true, Brokers: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open, ui, code, out, errOut := dispatch(tt.args...)
			if !ui || code != 0 || out != "" || errOut != "" {
				t.Fatalf("ui %v code %d out %q err %q", ui, code, out, errOut)
			}
			if open.Scenario != tt.want.Scenario || open.Lesson != tt.want.Lesson || open.Quiz != tt.want.Quiz ||
				open.QuizTopic != tt.want.QuizTopic ||
				open.Sandbox != tt.want.Sandbox || open.Brokers != tt.want.Brokers || (open.Seed == nil) != (tt.want.Seed == nil) ||
				(open.Seed != nil && *open.Seed != *tt.want.Seed) {
				t.Fatalf("got %+v, want %+v", open, tt.want)
			}
		})
	}
}

func TestDispatchHelpAndMistakes(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		out, inErr string
	}{
		{[]string{"play", "--help"}, 0, "Usage: kafkasim play SCENARIO", ""},
		{[]string{"lesson", "-h"}, 0, "Usage: kafkasim lesson N", ""},
		{[]string{"sandbox", "--help"}, 0, "Usage: kafkasim sandbox", ""},
		{[]string{"quiz", "--help"}, 0, "Usage: kafkasim quiz", ""},
		{[]string{"help", "lesson"}, 0, "Usage: kafkasim lesson N", ""},
		{[]string{"play"}, 2, "", "give one scenario"},
		{[]string{"play", "no-such-scenario"}, 2, "", "no such file"},
		{[]string{"lesson", "99"}, 2, "", "no lesson 99"},
		{[]string{"lesson", "x\x1b[2J"}, 2, "", `no lesson`},
		{[]string{"lesson", "1", "--seed", "x"}, 2, "", "invalid value"},
		{[]string{"quiz", "extra"}, 2, "", "unexpected argument"},
		{[]string{"quiz", "--topic", "nope\x1b[2J"}, 2, "", `no quiz topic "nope`},
		{[]string{"quiz", "--topic", "keys", "--no-answers"}, 2, "", "add --print"},
		{[]string{"sandbox", "--brokers", "0"}, 2, "", "--brokers must be"},
		{[]string{"sandbox", "--script", "no-such-file.txt"}, 2, "", "no-such-file.txt"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, ui, code, out, errOut := dispatch(tt.args...)
			if ui || code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.inErr) {
				t.Fatalf("ui %v code %d out %q err %q", ui, code, out, errOut)
			}
			if strings.Contains(errOut, "\x1b") {
				t.Fatalf("an escape sequence reached the terminal: %q", errOut)
			}
		})
	}
}

func TestDispatchQuizPrintGoesToTheQuizCommand(t *testing.T) {
	_, ui, code, out, _ := dispatch("quiz", "--print", "--topic", "keys")
	if ui || code != 0 || !strings.Contains(out, "#") {
		t.Fatalf("ui %v code %d out %.80q", ui, code, out)
	}
}

func TestDispatchOtherCommandsRunMain(t *testing.T) {
	_, ui, code, out, _ := dispatch("list")
	if ui || code != 0 || !strings.Contains(out, "the-log") {
		t.Fatalf("ui %v code %d out %.80q", ui, code, out)
	}
}

func TestDispatchSandboxScriptRunsHeadless(t *testing.T) {
	script := filepath.Join(t.TempDir(), "s.txt")
	if err := os.WriteFile(script, []byte("kafka-topics --bootstrap-server localhost:9092 --list\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, ui, code, out, errOut := dispatch("sandbox", "--script", script)
	if ui || code != 0 || !strings.Contains(out, "$ kafka-topics") {
		t.Fatalf("ui %v code %d out %q err %q", ui, code, out, errOut)
	}
}
