package quiz

import (
	"bytes"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Command(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		out, err   string // parts expected in stdout / stderr
		noOut      bool
		answerLine bool
	}{
		{name: "help", args: []string{"--help"}, code: 0, out: "Usage: kafkasim quiz"},
		{name: "short help", args: []string{"-h"}, code: 0, out: "--no-answers"},
		{name: "no print opens the TUI", args: nil, code: 2, err: "terminal UI", noOut: true},
		{name: "print", args: []string{"--print", "--topic", "keys"}, code: 0, out: "# Kafka quiz", answerLine: true},
		{name: "print without answers", args: []string{"--print", "--topic", "keys", "--no-answers"}, code: 0, out: "Topics: keys"},
		{name: "print generated", args: []string{"--print", "--topic", "replication,durability", "--generated", "3", "--seed", "9"}, code: 0, out: "3 generated", answerLine: true},
		{name: "unknown topic", args: []string{"--print", "--topic", "consumers"}, code: 2, err: "hint:", noOut: true},
		{name: "unknown flag", args: []string{"--colour"}, code: 2, err: "kafkasim quiz --help", noOut: true},
		{name: "bad number", args: []string{"--print", "--generated", "many"}, code: 2, err: "invalid value", noOut: true},
		{name: "negative generated", args: []string{"--print", "--generated", "-1"}, code: 2, err: "0 or more", noOut: true},
		{name: "stray argument", args: []string{"--print", "extra"}, code: 2, err: `unexpected argument "extra"`, noOut: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("stdout lacks %q:\n%.300s", tt.out, out)
			}
			if !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr %q lacks %q", errOut, tt.err)
			}
			if tt.noOut && out != "" {
				t.Errorf("unexpected stdout %.200q", out)
			}
			if got := answerLines(out) > 0; got != tt.answerLine {
				t.Errorf("answer lines present = %t, want %t", got, tt.answerLine)
			}
		})
	}
}
