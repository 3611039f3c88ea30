package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/ui/theme"
)

// HeaderInfo is what the header line shows.
type HeaderInfo struct {
	Title   string
	NowMs   int64
	Step    int
	Speed   string
	Playing bool
	Ended   bool
	Live    bool // real clients drive the run: time follows the wall clock
	Seed    uint64
}

// RenderHeader draws the one-line header.
func RenderHeader(st *theme.Styles, w int, h HeaderInfo) string {
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
		"t " + FmtMs(h.NowMs),
		"step " + Itoa(h.Step),
		st.Bold.Render(state) + " " + h.Speed,
		"seed " + U64(h.Seed),
	}, sep)
	// The title gives way first: the clock, state and seed always show.
	titleW := max(w-ansi.StringWidth(rest)-ansi.StringWidth("kafkasim  │ "), 8)
	title := ansi.Truncate(Sanitize(h.Title), titleW, "…")
	return Fit(st.Title.Render("kafkasim")+" "+st.Bold.Render(title)+sep+rest, w)
}
