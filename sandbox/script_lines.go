package sandbox

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// maxScriptLine is the longest line a script may hold, and the longest
// command its continuation lines may join into.
const maxScriptLine = 1 << 20

// lineReader reads a script line by line, counting lines so an error can
// say where it is. Unlike bufio.Scanner, a line over the limit is an error
// naming its line, not "token too long".
type lineReader struct {
	r    *bufio.Reader
	n    int // lines read
	text string
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// Scan reads the next line; false at the end of input or on an error.
func (lr *lineReader) Scan() bool {
	if lr.err != nil {
		return false
	}
	var buf []byte
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if len(buf)+len(chunk) > maxScriptLine+1 { // +1: the newline
			lr.fail("line %d is longer than the limit of %d bytes", lr.n+1, maxScriptLine)
			return false
		}
		buf = append(buf, chunk...)
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			if len(buf) == 0 {
				return false
			}
		default:
			lr.err = err
			return false
		}
		lr.n++
		lr.text = strings.TrimSuffix(string(buf), "\n")
		return true
	}
}

func (lr *lineReader) Text() string { return lr.text }
func (lr *lineReader) Err() error   { return lr.err }

// Line is the number of the last line read.
func (lr *lineReader) Line() int { return lr.n }

func (lr *lineReader) fail(format string, args ...any) {
	if lr.err == nil {
		lr.err = fmt.Errorf(format, args...)
	}
}

// joinContinued reads the continuation lines of line (each ending in a
// backslash continues on the next, as in a shell) and returns the whole
// command, in time linear in its length.
func (sr *scriptRun) joinContinued(line string) string {
	if !strings.HasSuffix(line, "\\") {
		return line
	}
	first, size := sr.sc.Line(), 0
	var parts []string
	for strings.HasSuffix(line, "\\") && sr.sc.Scan() {
		part := strings.TrimRight(strings.TrimSuffix(line, "\\"), " \t")
		parts = append(parts, part)
		line = strings.TrimSpace(sr.sc.Text())
		if size += len(part) + 1; size > maxScriptLine {
			sr.sc.fail("the command continued from line %d is longer than the limit of %d bytes at line %d", first, maxScriptLine, sr.sc.Line())
			return ""
		}
	}
	return strings.Join(append(parts, line), " ")
}
