package sandbox

import (
	"fmt"
	"strings"
	"time"

	"kafkasim/scenarios"
)

// output collects what one command prints. Kafka's tools write to stdout
// and stderr; a terminal shows both interleaved, and so does the sandbox.
type output struct {
	b      strings.Builder
	failed bool
	nowMs  int64 // virtual time, for log lines
	// lastHints are hints found early (while parsing) that belong after
	// everything Kafka prints.
	lastHints []string
}

// hintLast adds a hint to print after the command's own output. It is
// sanitized here, as line sanitizes, since it often echoes the input.
func (o *output) hintLast(format string, args ...any) {
	o.lastHints = append(o.lastHints, scenarios.Sanitize(hintPrefix+fmt.Sprintf(format, args...)))
}

// line prints one line.
//
// Everything a command prints passes here or through raw, and is
// sanitized: record keys and values, topic names, config values and
// echoed input can hold escape sequences or bidirectional overrides that
// a terminal would act on, and are written out visibly instead.
func (o *output) line(s string) {
	o.b.WriteString(scenarios.Sanitize(s))
	o.b.WriteByte('\n')
}

func (o *output) linef(format string, args ...any) { o.line(fmt.Sprintf(format, args...)) }

// raw prints text as is (Kafka's printf calls that start with a newline).
func (o *output) raw(s string) { o.b.WriteString(scenarios.Sanitize(s)) }

// hintPrefix marks the sandbox's own explanations, so they are never
// mistaken for Kafka's output.
const hintPrefix = "hint: "

// hint adds a plain-English explanation after Kafka's own output.
func (o *output) hint(format string, args ...any) {
	o.line(hintPrefix + fmt.Sprintf(format, args...))
}

// fail marks the command as failed (Kafka would exit with status 1).
func (o *output) fail() { o.failed = true }

// logEpoch is where the sandbox's virtual clock starts when log lines show
// a date: run time 0 is 2024-01-01 00:00:00.
var logEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// logLine prints a line as Kafka's tools log it with their log4j layout
// "[%d] %p %m (%c)%n", stamped with the virtual clock.
func (o *output) logLine(level, msg, logger string) {
	ts := logEpoch.Add(time.Duration(o.nowMs) * time.Millisecond).Format("2006-01-02 15:04:05,000")
	if logger == "" { // the message ends in a line break: the logger follows on the next line
		o.linef("[%s] %s %s", ts, level, msg)
		return
	}
	o.linef("[%s] %s %s (%s)", ts, level, msg, logger)
}

func (o *output) String() string {
	s := o.b.String()
	for _, h := range o.lastHints {
		s += h + "\n"
	}
	return s
}
