package sandbox

import (
	"bufio"
	"fmt"
	"io"
	"strings"
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
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	failed := 0
	// reading is set while the script's lines are a producer's records; it
	// outlasts the producer when that stops early (a bad line), so the
	// rest of its records are not run as commands.
	reading := false
	var werr error
	write := func(format string, args ...any) {
		if werr == nil {
			_, werr = fmt.Fprintf(w, format, args...)
		}
	}
	report := func(res Result) {
		write("%s", res.Output)
		if res.Err {
			failed++
		}
	}
	for werr == nil {
		if interactive {
			if s.InputMode() {
				write(">")
			} else {
				write("$ ")
			}
		}
		if !sc.Scan() {
			break
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if reading && !interactive {
			switch {
			case line == EndOfInput || line == "":
				reading = false
				report(s.EndInput())
			case s.InputMode():
				write(">%s\n", line)
				report(s.Input(line))
			}
			continue
		}
		if s.InputMode() {
			if line == EndOfInput {
				report(s.EndInput())
				continue
			}
			report(s.Input(line))
			continue
		}
		for strings.HasSuffix(line, "\\") && sc.Scan() {
			line = strings.TrimRight(strings.TrimSuffix(line, "\\"), " \t") + " " + strings.TrimSpace(sc.Text())
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			continue
		case strings.HasPrefix(trimmed, "#"):
			if !interactive {
				write("%s\n", trimmed)
			}
			continue
		}
		if !interactive {
			write("$ %s\n", trimmed)
		}
		res := s.Exec(trimmed)
		report(res)
		reading = res.InputMode
	}
	if s.InputMode() {
		if interactive {
			write("\n")
		}
		report(s.EndInput())
	}
	if werr != nil {
		return failed, werr
	}
	return failed, sc.Err()
}
