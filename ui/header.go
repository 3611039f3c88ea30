package ui

import "strings"

// headerInfo is what the header line shows.
type headerInfo struct {
	Title   string
	NowMs   int64
	Step    int
	Speed   string
	Playing bool
	Ended   bool
	Seed    uint64
	Status  string // a short message: the last error, "fault injected"...
}

// renderHeader draws the one-line header.
func renderHeader(st *Styles, w int, h headerInfo) string {
	state := "❚❚ paused"
	switch {
	case h.Ended:
		state = "■ end"
	case h.Playing:
		state = "▶ playing"
	}
	sep := st.Faint.Render(" │ ")
	parts := []string{
		st.Title.Render("kafkasim") + " " + st.Bold.Render(sanitize(h.Title)),
		"t " + fmtMs(h.NowMs),
		"step " + itoa(h.Step),
		st.Bold.Render(state) + " " + h.Speed,
		"seed " + u64(h.Seed),
	}
	line := strings.Join(parts, sep)
	if h.Status != "" {
		line += sep + st.Error.Render(sanitize(h.Status))
	}
	return fit(line, w)
}
