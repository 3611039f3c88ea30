package sandbox

import (
	"fmt"
	"io"
	"strings"

	"kafkasim/scenarios"
)

// EndOfInput is the script line that ends a console producer's input, as
// Ctrl-D does at a terminal. A blank line ends it too.
const EndOfInput = "^D"

// RunScript runs command lines read from r and writes a transcript to w.
//
// The conventions, for teachers' scripts and tests:
//   - each line is one command; a line ending in a backslash continues on
//     the next, as in a shell;
//   - blank lines are skipped and lines starting with '#' are copied to the
//     transcript as they are;
//   - after a kafka-console-producer line, the following lines are its
//     records, until a line "^D" or a blank line ends the input (so a
//     script cannot send an empty record); if the producer stops early
//     (a line it cannot parse, a failed --sync send), the rest of its
//     records are skipped;
//   - the transcript shows "$ " and each command before its output, and
//     ">" before each record, as a terminal would.
//
// With interactive set (a learner typing at a terminal), nothing is
// echoed: the prompts "$ " and ">" are printed before each line is read;
// a producer takes every line, empty ones included, until a line "^D" or
// end of input (Ctrl-D), which otherwise ends the session.
//
// It returns how many commands failed, and the first read or write error.
func (s *Session) RunScript(r io.Reader, w io.Writer, interactive bool) (int, error) {
	sr := &scriptRun{s: s, w: w, interactive: interactive, sc: newLineReader(r)}
	for sr.werr == nil {
		if interactive {
			if s.InputMode() {
				sr.write(">")
			} else {
				sr.write("$ ")
			}
		}
		if !sr.sc.Scan() {
			break
		}
		line := strings.TrimRight(sr.sc.Text(), "\r")
		if sr.reading || s.InputMode() {
			sr.record(line)
			continue
		}
		sr.command(line)
	}
	if s.InputMode() {
		if interactive {
			sr.write("\n")
		}
		sr.report(s.EndInput())
	}
	if sr.werr != nil {
		return sr.failed, sr.werr
	}
	return sr.failed, sr.sc.Err()
}

// scriptRun is one RunScript in progress.
type scriptRun struct {
	s           *Session
	sc          *lineReader
	w           io.Writer
	interactive bool
	failed      int
	werr        error
	// reading is set while the script's lines are a producer's records; it
	// outlasts the producer when that stops early (a bad line), so the
	// rest of its records are not run as commands.
	reading bool
}

func (sr *scriptRun) write(format string, args ...any) {
	if sr.werr == nil {
		_, sr.werr = fmt.Fprintf(sr.w, format, args...)
	}
}

func (sr *scriptRun) report(res Result) {
	sr.write("%s", res.Output)
	if res.Err {
		sr.failed++
	}
}

// record handles a line of producer input.
func (sr *scriptRun) record(line string) {
	s := sr.s
	switch {
	case sr.interactive && line == EndOfInput:
		sr.report(s.EndInput())
	case sr.interactive:
		sr.report(s.Input(line))
	case line == EndOfInput || line == "":
		sr.reading = false
		sr.report(s.EndInput())
	case s.InputMode():
		sr.write(">%s\n", scenarios.Sanitize(line))
		sr.report(s.Input(line))
	}
}

// command handles a command line, joining continuation lines first.
func (sr *scriptRun) command(line string) {
	trimmed := strings.TrimSpace(sr.joinContinued(line))
	switch {
	case trimmed == "":
		return
	case strings.HasPrefix(trimmed, "#"):
		if !sr.interactive {
			sr.write("%s\n", scenarios.Sanitize(trimmed))
		}
		return
	}
	if !sr.interactive {
		sr.write("$ %s\n", scenarios.Sanitize(trimmed))
	}
	res := sr.s.Exec(trimmed)
	sr.report(res)
	sr.reading = res.InputMode && !sr.interactive
}
