package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// headerInfo is what the header line shows.
type headerInfo struct {
	Title   string
	NowMs   int64
	Step    int
	Speed   string
	Playing bool
	Ended   bool
	Live    bool // real clients drive the run: time follows the wall clock
	Seed    uint64
}

// renderHeader draws the one-line header.
func renderHeader(st *Styles, w int, h headerInfo) string {
	state := "❚❚ paused"
	switch {
	case h.Live:
		state = "● live"
	case h.Ended:
		state = "■ end"
	case h.Playing:
		state = "▶ playing"
	}
	sep := st.Faint.Render(" │ ")
	rest := strings.Join([]string{
		"t " + fmtMs(h.NowMs),
		"step " + itoa(h.Step),
		st.Bold.Render(state) + " " + h.Speed,
		"seed " + u64(h.Seed),
	}, sep)
	// The title gives way first: the clock, state and seed always show.
	titleW := max(w-ansi.StringWidth(rest)-ansi.StringWidth("kafkasim  │ "), 8)
	title := ansi.Truncate(sanitize(h.Title), titleW, "…")
	return fit(st.Title.Render("kafkasim")+" "+st.Bold.Render(title)+sep+rest, w)
}
