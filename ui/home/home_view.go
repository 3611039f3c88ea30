package home

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/ui/components"
)

// Home list widths: the list takes two fifths of the screen within these,
// the preview the rest.
const (
	homeListMin = 28
	homeListMax = 46
)

// View draws the launcher: title, the section tabs, the section's items
// beside the preview of the highlighted one, and the keys.
func (h *Screen) View() string {
	if h.w < components.MinWidth || h.h < components.MinHeight {
		return components.TooSmallView(h.st, h.w, h.h)
	}
	st := h.st
	lines := []string{
		st.Title.Render("kafkasim") + st.Faint.Render(" — learn Apache Kafka by watching a cluster work and break"),
		h.tabLine(),
	}
	lines = append(lines, h.warningLines()...)
	lines = append(lines, "")
	bodyH := max(h.h-len(lines)-1, 1)
	listW := min(max(h.w*2/5, homeListMin), homeListMax)
	prevW := h.w - listW - 3
	sep := make([]string, bodyH)
	for i := range sep {
		sep[i] = st.Faint.Render(" │ ")
	}
	lines = append(lines, components.SideBySide(components.Block(h.listLines(listW, bodyH), listW, bodyH), sep,
		components.Block(h.previewLines(prevW, bodyH), prevW, bodyH))...)
	out := components.Block(lines, h.w, h.h-1)
	out = append(out, components.Fit(h.help.ShortHelpView(h.KeyMap.ShortHelp()), h.w))
	if h.Prompt.IsOpen() {
		out = components.Overlay(out, h.Prompt.View(st), h.w)
	}
	return strings.Join(out, "\n")
}

// tabLine names every section, the current one highlighted, each with
// its count: "Lessons 2/12 done", "Scenarios 30".
func (h *Screen) tabLine() string {
	cur := h.section()
	var tabs []string
	for i, s := range homeSections {
		label := s
		switch s {
		case "Lessons":
			done, n := 0, 0
			for _, it := range h.Items {
				if it.Kind == HomeLesson {
					n++
					if it.Mark == "✓" {
						done++
					}
				}
			}
			label += " " + components.Itoa(done) + "/" + components.Itoa(n) + " done"
		case "Scenarios":
			label += " " + components.Itoa(len(h.sectionItems(i))-1)
		}
		if i == cur {
			tabs = append(tabs, h.st.Selected.Render(" "+label+" "))
		} else {
			tabs = append(tabs, h.st.Bold.Render(" "+label+" "))
		}
	}
	return strings.Join(tabs, h.st.Faint.Render("│"))
}

// listLines are the section's items, scrolled to keep the cursor in view,
// each cut to w with "…".
func (h *Screen) listLines(w, rows int) []string {
	idx := h.sectionItems(h.section())
	pos := 0
	for i, v := range idx {
		if v == h.Cursor {
			pos = i
		}
	}
	from := 0
	if len(idx) > rows {
		from = min(max(pos-rows/2, 0), len(idx)-rows)
	}
	var out []string
	for i := from; i < len(idx) && i < from+rows; i++ {
		it := h.Items[idx[i]]
		text := it.Label
		if it.Mark != "" {
			text = it.Mark + " " + text
		}
		if idx[i] == h.Cursor {
			out = append(out, h.st.Selected.Render(components.Fit("▸ "+text, w)))
			continue
		}
		if it.detail != "" {
			text += h.st.Faint.Render("  " + it.detail)
		}
		out = append(out, components.Fit("  "+text, w))
	}
	if from > 0 {
		out[0] = h.st.Faint.Render(components.Fit("  ↑ "+components.Itoa(from)+" more", w))
	}
	if rest := len(idx) - from - rows; rest > 0 {
		out[rows-1] = h.st.Faint.Render(components.Fit("  ↓ "+components.Itoa(rest+1)+" more", w))
	}
	return out
}

// previewLines describe the highlighted item: its title, progress, what
// it is about, what it teaches, its challenge, and the command that opens
// it. What does not fit is cut, and the cut line ends in "…".
func (h *Screen) previewLines(w, rows int) []string {
	st, it := h.st, h.Items[h.Cursor]
	var out []string
	para := func(style func(...string) string, text string) {
		for _, l := range components.Wrap(text, w) {
			out = append(out, style(l))
		}
	}
	para(st.Title.Render, strings.TrimPrefix(it.Label, it.arg+". "))
	if it.Kind == HomeLesson && it.extra != "" { // a lesson, not the placeholder
		progress := map[string]string{"✓": "✓ done", "◐": "◐ started"}[it.Mark]
		if progress == "" {
			progress = "○ not started"
		}
		out = append(out, st.Faint.Render("progress ")+progress)
	}
	if it.progress != "" {
		out = append(out, components.Wrap("progress "+it.progress, w)...)
	}
	if it.about != "" {
		out = append(out, "")
		para(func(s ...string) string { return strings.Join(s, "") }, it.about)
	}
	if len(it.teaches) > 0 {
		out = append(out, "", st.Bold.Render(map[bool]string{true: "Topics", false: "What it teaches"}[it.Kind == homeQuiz]))
		out = append(out, components.Wrap(strings.Join(it.teaches, " · "), w)...)
	}
	if it.goal != "" {
		out = append(out, "")
		para(st.Faint.Render, "Challenge: "+it.goal)
	}
	if it.extra != "" {
		out = append(out, "", st.Faint.Render("$ "+it.extra))
	}
	if len(out) > rows {
		out = out[:rows]
		last := ansi.Strip(out[rows-1])
		out[rows-1] = ansi.Truncate(last, max(w-1, 0), "") + "…"
	}
	return out
}
