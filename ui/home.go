package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// homeItemKind is what choosing a home item does.
type homeItemKind int

// The kinds of home items.
const (
	homeLesson homeItemKind = iota
	homeScenario
	homeOpenFile
	homeSandbox
	homeQuiz
)

// homeItem is one line of the home menu.
type homeItem struct {
	kind    homeItemKind
	section string
	label   string
	mark    string // a progress mark: ✓ done, ◐ started, ○ not started
	detail  string
	arg     string
}

// homeScreen is the first screen: lessons, scenarios, a file, the sandbox,
// the quiz.
type homeScreen struct {
	st     *Styles
	keys   homeKeys
	help   help.Model
	items  []homeItem
	cursor int
	prompt prompt
	// warnings are shown under the title (a damaged progress file...).
	warnings []string
	w, h     int
}

func newHomeScreen(st *Styles, g globalKeys, lessons []LessonEntry, scenarios []ScenarioEntry) *homeScreen {
	h := &homeScreen{st: st, keys: homeKeys{menu: newMenuKeys(), global: g}, help: help.New(), prompt: newPrompt()}
	h.help.Styles.ShortKey, h.help.Styles.ShortDesc = st.Bold, st.Faint
	for _, l := range lessons {
		mark, word := lessonMark(l.Status)
		h.items = append(h.items, homeItem{kind: homeLesson, section: "Lessons", label: itoa(l.Number) + ". " + sanitize(l.Title),
			mark: mark, detail: word, arg: itoa(l.Number)})
	}
	if len(lessons) == 0 {
		h.items = append(h.items, homeItem{kind: homeLesson, section: "Lessons", label: "Lessons are on their way", mark: "○", arg: "1"})
	}
	for _, s := range scenarios {
		h.items = append(h.items, homeItem{kind: homeScenario, section: "Scenarios", label: sanitize(s.Title),
			detail: sanitize(s.Description), arg: s.Name})
	}
	h.items = append(h.items,
		homeItem{kind: homeOpenFile, section: "More", label: "Open a scenario file…"},
		homeItem{kind: homeSandbox, section: "More", label: "Sandbox: a free cluster to break"},
		homeItem{kind: homeQuiz, section: "More", label: "Quiz: test yourself"},
	)
	return h
}

// lessonMark is the progress mark and word for a lesson status.
func lessonMark(status string) (string, string) {
	switch status {
	case LessonDone:
		return "✓", "done"
	case LessonStarted:
		return "◐", "started"
	}
	return "○", ""
}

// SetSize records the terminal size.
func (h *homeScreen) SetSize(w, hh int) { h.w, h.h = w, hh; h.help.Width = w }

// capturesKeys reports whether the path prompt has the keyboard.
func (h *homeScreen) capturesKeys() bool { return h.prompt.IsOpen() }

// Keys is the help keymap of what is showing.
func (h *homeScreen) Keys() help.KeyMap {
	if h.prompt.IsOpen() {
		return h.prompt.keys
	}
	return h.keys
}

// Update moves the cursor and opens the chosen item.
func (h *homeScreen) Update(msg tea.Msg) tea.Cmd {
	if h.prompt.IsOpen() {
		var cmd tea.Cmd
		h.prompt, cmd = h.prompt.Update(msg)
		return cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := h.keys.menu
	switch {
	case key.Matches(km, k.Up):
		h.cursor = (h.cursor + len(h.items) - 1) % len(h.items)
	case key.Matches(km, k.Down):
		h.cursor = (h.cursor + 1) % len(h.items)
	case key.Matches(km, k.Select):
		return h.choose()
	}
	return nil
}

func (h *homeScreen) choose() tea.Cmd {
	it := h.items[h.cursor]
	open := func(s Screen, arg string) tea.Cmd {
		return func() tea.Msg { return openScreenMsg{Screen: s, Arg: arg} }
	}
	switch it.kind {
	case homeLesson:
		return open(ScreenLesson, it.arg)
	case homeScenario:
		return open(ScreenSim, it.arg)
	case homeSandbox:
		return open(ScreenSandbox, "")
	case homeQuiz:
		return open(ScreenQuiz, "")
	}
	h.prompt = h.prompt.Open("Open a scenario file", "a path to a .toml scenario", "", func(v string) tea.Msg {
		if v == "" {
			return nil
		}
		return openScreenMsg{Screen: ScreenSim, Arg: v}
	})
	return nil
}

// View draws the menu.
func (h *homeScreen) View() string {
	if h.w < minWidth || h.h < minHeight {
		return tooSmallView(h.st, h.w, h.h)
	}
	st := h.st
	lines := []string{
		st.Title.Render("kafkasim") + st.Faint.Render(" — learn Apache Kafka by watching a cluster work and break"),
		"",
	}
	lines = append(lines, h.warningLines()...)
	section := ""
	for i, it := range h.items {
		if it.section != section {
			if section != "" {
				lines = append(lines, "")
			}
			section = it.section
			lines = append(lines, st.Bold.Render(section))
		}
		lines = append(lines, h.itemLine(i, it))
	}
	body := lines
	// Keep the cursor on screen when the list is long.
	room := h.h - 2
	if len(body) > room {
		pos := h.cursorLine(body)
		from := min(max(pos-room/2, 0), len(body)-room)
		body = body[from : from+room]
	}
	out := block(body, h.w, h.h-1)
	out = append(out, fit(h.help.ShortHelpView(h.keys.ShortHelp()), h.w))
	if h.prompt.IsOpen() {
		out = overlay(out, h.prompt.View(st), h.w)
	}
	return strings.Join(out, "\n")
}

func (h *homeScreen) itemLine(i int, it homeItem) string {
	st := h.st
	text := it.label
	if it.mark != "" {
		text = it.mark + " " + text
	}
	if i == h.cursor {
		text = st.Selected.Render("▸ " + text)
	} else {
		text = "  " + text
	}
	if it.detail != "" {
		text += st.Faint.Render("  " + it.detail)
	}
	return text
}

// cursorLine finds the selected item's line among the drawn lines.
func (h *homeScreen) cursorLine(lines []string) int {
	n := 2 + len(h.warningLines())
	section := ""
	for i, it := range h.items {
		if it.section != section {
			if section != "" {
				n++
			}
			section = it.section
			n++
		}
		if i == h.cursor {
			return n
		}
		n++
	}
	return 0
}

// setLessonStatus updates a lesson's progress mark.
func (h *homeScreen) setLessonStatus(number int, status string) {
	for i := range h.items {
		if it := &h.items[i]; it.kind == homeLesson && it.arg == itoa(number) {
			it.mark, it.detail = lessonMark(status)
		}
	}
}

// warningLines draws the warnings, each wrapped to at most three lines.
func (h *homeScreen) warningLines() []string {
	var out []string
	for _, w := range h.warnings {
		if w == "" {
			continue
		}
		for i, l := range wrap(sanitize(w), max(h.w-2, 10)) {
			if i == 3 {
				break
			}
			if i == 0 {
				out = append(out, h.st.Error.Render("! ")+l)
			} else {
				out = append(out, "  "+l)
			}
		}
		out = append(out, "")
	}
	return out
}
