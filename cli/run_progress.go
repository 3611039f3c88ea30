package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"time"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// progressAfter is how long a run goes before it shows a progress bar, when
// its estimate did not already say it would take that long.
const progressAfter = time.Second

// redrawEvery throttles the bar.
const redrawEvery = 100 * time.Millisecond

// runWatch draws a run's progress bar on a terminal's stderr and turns
// Ctrl-C into a clean stop: the run ends at its next check, prints the
// summary of what ran, and the command exits 130.
type runWatch struct {
	stderr   io.Writer
	terminal bool
	show     bool // the estimate says the run takes more than progressAfter
	start    time.Time
	last     time.Time
	drawn    bool
	stop     atomic.Bool
	signals  chan os.Signal
}

func newRunWatch(stderr io.Writer, estimate time.Duration) *runWatch {
	w := &runWatch{stderr: stderr, terminal: isTerminalOut(stderr), show: estimate > progressAfter, start: time.Now()}
	w.signals = make(chan os.Signal, 1)
	signal.Notify(w.signals, os.Interrupt)
	go func() {
		if _, ok := <-w.signals; ok {
			w.stop.Store(true)
		}
	}()
	return w
}

// close stops listening for Ctrl-C and clears the bar.
func (w *runWatch) close() {
	signal.Stop(w.signals)
	close(w.signals)
	w.clear()
}

// interrupted reports whether Ctrl-C stopped the run.
func (w *runWatch) interrupted() bool { return w.stop.Load() }

// progress is the run's Progress hook.
func (w *runWatch) progress(p scenarios.Progress) bool {
	if w.stop.Load() {
		return false
	}
	now := time.Now()
	if !w.terminal || now.Sub(w.last) < redrawEvery || !w.show && now.Sub(w.start) < progressAfter {
		return true
	}
	w.last = now
	frac := 0.0
	if p.UntilMs > 0 {
		frac = float64(p.NowMs) / float64(p.UntilMs)
	}
	rate := float64(p.Acked) / max(now.Sub(w.start).Seconds(), 0.001)
	fmt.Fprintf(w.stderr, "\r\x1b[K%s %s / %s virtual · %s records · %s records/s · Ctrl-C stops",
		bar(frac, 24), sim.FormatMs(p.NowMs), sim.FormatMs(p.UntilMs),
		scenarios.Thousands(p.Acked), scenarios.Thousands(int64(rate)))
	w.drawn = true
	return true
}

// clear removes the bar so other output starts on a clean line.
func (w *runWatch) clear() {
	if w.drawn {
		fmt.Fprint(w.stderr, "\r\x1b[K")
		w.drawn = false
	}
}

// output wraps stdout so the bar is cleared before anything is printed.
func (w *runWatch) output(stdout io.Writer) io.Writer { return clearingWriter{w, stdout} }

type clearingWriter struct {
	w   *runWatch
	out io.Writer
}

func (c clearingWriter) Write(p []byte) (int, error) {
	c.w.clear()
	return c.out.Write(p)
}

// bar draws frac (0..1) as a bar of width cells.
func bar(frac float64, width int) string {
	full := int(min(max(frac, 0), 1) * float64(width))
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// isTerminalOut reports whether w is a terminal.
func isTerminalOut(w io.Writer) bool {
	r, ok := w.(io.Reader)
	return ok && isTerminal(r)
}
