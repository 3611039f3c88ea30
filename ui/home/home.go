package home

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	"kafkasim/ui/theme"
)

// homeItemKind is what choosing a home item does.
type homeItemKind int

// The kinds of home items.
const (
	HomeLesson homeItemKind = iota
	homeScenario
	homeOpenFile
	homeSandbox
	homeQuiz
)

// homeSections are the launcher's tabs, in order; every item is in one.
var homeSections = []string{"Lessons", "Scenarios", "Sandbox", "Quiz"}

// homeItem is one line of a home section, and what its preview shows.
type homeItem struct {
	Kind    homeItemKind
	section string
	Label   string
	Mark    string // a progress mark: ✓ done, ◐ started, ○ not started
	detail  string // the progress word beside the label
	arg     string
	about   string   // the preview's paragraph
	teaches []string // the preview's "What it teaches" list
	goal    string   // a lesson's challenge
	extra   string   // a last line: how to open it from the shell
	// progress is the quiz's record, for its preview (home_quiz.go).
	progress string
}

// Screen is the launcher: a tab per section (lessons, scenarios, the
// sandbox, the quiz), the section's items, and a preview of the one under
// the cursor.
type Screen struct {
	st     *theme.Styles
	KeyMap keys.Home
	help   help.Model
	Items  []homeItem
	Cursor int // an index into items
	// last is the cursor each section had when the learner left it.
	last   map[string]int
	Prompt components.Prompt
	// Warnings are shown under the title (a damaged progress file...).
	Warnings []string
	w, h     int
}

func New(st *theme.Styles, g keys.Global, lessons []nav.LessonEntry, scenarios []nav.ScenarioEntry) *Screen {
	h := &Screen{st: st, KeyMap: keys.NewHome(g), help: help.New(), Prompt: components.NewPrompt(), last: map[string]int{}}
	h.help.Styles.ShortKey, h.help.Styles.ShortDesc = st.Bold, st.Faint
	h.Items = append(lessonItems(lessons), scenarioItems(scenarios)...)
	h.Items = append(h.Items, homeItem{Kind: homeSandbox, section: "Sandbox", Label: "Open the sandbox",
		about: "An empty cluster of 3 brokers of your own, driven by Kafka's own tools on a command line: " +
			"kafka-topics, kafka-console-producer and -consumer, kafka-consumer-groups, kafka-configs, " +
			"kafka-get-offsets. Create topics, produce, consume, then break it with f.",
		extra: "kafkasim sandbox [--brokers N]"})
	h.Items = append(h.Items, homeItem{Kind: homeQuiz, section: "Quiz", Label: "Quiz: test yourself",
		about:   "Questions on what the lessons teach, the weakest topics first. Pick a topic or take them all.",
		teaches: quiz.Topics(), extra: "kafkasim quiz [--topic T]"})
	return h
}

// lessonItems are the lessons, each with its progress and preview.
func lessonItems(lessons []nav.LessonEntry) []homeItem {
	var out []homeItem
	for _, l := range lessons {
		mark, word := lessonMark(l.Status)
		var teaches []string
		for _, t := range l.Teaches {
			teaches = append(teaches, components.Sanitize(t))
		}
		out = append(out, homeItem{Kind: HomeLesson, section: "Lessons", Label: components.Itoa(l.Number) + ". " + components.Sanitize(l.Title),
			Mark: mark, detail: word, arg: components.Itoa(l.Number), about: components.Sanitize(l.Summary), teaches: teaches,
			goal: components.Sanitize(l.Goal), extra: "kafkasim lesson " + components.Itoa(l.Number)})
	}
	if len(lessons) == 0 {
		out = append(out, homeItem{Kind: HomeLesson, section: "Lessons", Label: "Lessons are on their way", Mark: "○", arg: "1"})
	}
	return out
}

// scenarioItems are the built-in scenarios and a way to open a file.
func scenarioItems(scenarios []nav.ScenarioEntry) []homeItem {
	var out []homeItem
	for _, s := range scenarios {
		about := s.About
		if about == "" {
			about = s.Description
		}
		out = append(out, homeItem{Kind: homeScenario, section: "Scenarios", Label: components.Sanitize(s.Title),
			about: components.Sanitize(about), arg: s.Name, extra: "kafkasim play " + components.Sanitize(s.Name)})
	}
	return append(out, homeItem{Kind: homeOpenFile, section: "Scenarios", Label: "Open a scenario file…",
		about: "Play a scenario of your own: a .toml file in the format of scenarios/library " +
			"('kafkasim validate FILE' checks it first).", extra: "kafkasim play FILE.toml"})
}

// lessonMark is the progress mark and word for a lesson status.
func lessonMark(status string) (string, string) {
	switch status {
	case nav.LessonDone:
		return "✓", "done"
	case nav.LessonStarted:
		return "◐", "started"
	}
	return "○", ""
}

// SetSize records the terminal size.
func (h *Screen) SetSize(w, hh int) { h.w, h.h = w, hh; h.help.Width = w }

// CapturesKeys reports whether the path prompt has the keyboard.
func (h *Screen) CapturesKeys() bool { return h.Prompt.IsOpen() }

// Keys is the help keymap of what is showing.
func (h *Screen) Keys() help.KeyMap {
	if h.Prompt.IsOpen() {
		return h.Prompt.Keys
	}
	return h.KeyMap
}

// Update moves the cursor within a section or between sections, and
// opens the chosen item.
func (h *Screen) Update(msg tea.Msg) tea.Cmd {
	if h.Prompt.IsOpen() {
		var cmd tea.Cmd
		h.Prompt, cmd = h.Prompt.Update(msg)
		return cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := h.KeyMap
	switch {
	case key.Matches(km, k.Menu.Up):
		h.moveInSection(-1)
	case key.Matches(km, k.Menu.Down):
		h.moveInSection(1)
	case key.Matches(km, k.Next):
		h.moveSection(1)
	case key.Matches(km, k.Prev):
		h.moveSection(-1)
	case key.Matches(km, k.Menu.Select):
		return h.Choose()
	}
	return nil
}

// section is the index of the cursor's section.
func (h *Screen) section() int {
	for i, s := range homeSections {
		if s == h.Items[h.Cursor].section {
			return i
		}
	}
	return 0
}

// sectionItems are the indexes of the items of section s.
func (h *Screen) sectionItems(s int) []int {
	var out []int
	for i, it := range h.Items {
		if it.section == homeSections[s] {
			out = append(out, i)
		}
	}
	return out
}

// moveInSection moves the cursor n items, wrapping within its section.
func (h *Screen) moveInSection(n int) {
	idx := h.sectionItems(h.section())
	pos := 0
	for i, v := range idx {
		if v == h.Cursor {
			pos = i
		}
	}
	h.Cursor = idx[((pos+n)%len(idx)+len(idx))%len(idx)]
}

// moveSection goes to the next or previous section that has items, where
// the cursor last was in it.
func (h *Screen) moveSection(n int) {
	from := h.section()
	h.last[homeSections[from]] = h.Cursor
	for s := (from + n + len(homeSections)) % len(homeSections); s != from; s = (s + n + len(homeSections)) % len(homeSections) {
		if idx := h.sectionItems(s); len(idx) > 0 {
			h.Cursor = idx[0]
			if c, ok := h.last[homeSections[s]]; ok {
				h.Cursor = c
			}
			return
		}
	}
}

func (h *Screen) Choose() tea.Cmd {
	it := h.Items[h.Cursor]
	open := func(s nav.Screen, arg string) tea.Cmd {
		return func() tea.Msg { return nav.OpenScreenMsg{Screen: s, Arg: arg} }
	}
	switch it.Kind {
	case HomeLesson:
		return open(nav.ScreenLesson, it.arg)
	case homeScenario:
		return open(nav.ScreenSim, it.arg)
	case homeSandbox:
		return open(nav.ScreenSandbox, "")
	case homeQuiz:
		return open(nav.ScreenQuiz, "")
	}
	h.Prompt = h.Prompt.Open("Open a scenario file", "a path to a .toml scenario", "", func(v string) tea.Msg {
		if v == "" {
			return nil
		}
		return nav.OpenScreenMsg{Screen: nav.ScreenSim, Arg: v}
	})
	return nil
}

// SetLessonStatus updates a lesson's progress mark.
func (h *Screen) SetLessonStatus(number int, status string) {
	for i := range h.Items {
		if it := &h.Items[i]; it.Kind == HomeLesson && it.arg == components.Itoa(number) {
			it.Mark, it.detail = lessonMark(status)
		}
	}
}

// warningLines draws the warnings, each wrapped to at most three lines.
func (h *Screen) warningLines() []string {
	var out []string
	for _, w := range h.Warnings {
		if w == "" {
			continue
		}
		for i, l := range components.Wrap(components.Sanitize(w), max(h.w-2, 10)) {
			if i == 3 {
				break
			}
			if i == 0 {
				out = append(out, h.st.Error.Render("! ")+l)
			} else {
				out = append(out, "  "+l)
			}
		}
	}
	return out
}
