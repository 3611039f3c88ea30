package lesson

import (
	"cmp"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simview"
)

// lessonTextMaxW keeps the lesson's lines short enough to read.
const lessonTextMaxW = 96

// layout sizes the simulator for the box under it: the box gets its own
// rows when the terminal is tall enough, else it covers the narration.
func (s *Screen) layout() {
	if s.Sim == nil {
		return
	}
	if rows := min(s.h-components.MinHeight, lessonBoxMaxRows); rows > 0 && len(s.panel(s.w, true)) <= rows {
		s.Sim.SetSize(s.w, s.h-rows)
		return
	}
	s.Sim.SetSize(s.w, s.h)
}

// stacked reports whether the box has rows of its own below the simulator.
func (s *Screen) stacked() bool { return s.Sim != nil && s.Sim.H < s.h }

// View draws the lesson's text, or its run with the box.
func (s *Screen) View() string {
	switch {
	case s.w < components.MinWidth || s.h < components.MinHeight:
		return components.TooSmallView(s.st, s.w, s.h)
	case s.Fatal != nil:
		lines := []string{s.st.Error.Render("cannot open lesson " + components.Itoa(s.Lesson.Number)), components.Sanitize(s.Fatal.Error()), "",
			s.st.Faint.Render("esc back · q quit")}
		return strings.Join(components.Block(lines, s.w, s.h), "\n")
	case s.Phase == LessonReading:
		return s.readView()
	}
	return s.runView()
}

// runView is the simulator with the lesson's header, box and footer.
func (s *Screen) runView() string {
	s.coverForPanel()
	lines := strings.Split(s.Sim.View(), "\n")
	if s.Sim.Lay.TooSmall || s.Sim.Fatal != nil {
		return strings.Join(components.Block(lines, s.w, s.h), "\n")
	}
	lines[0] = s.header()
	lines = lines[:len(lines)-1] // the simulator's footer gives way to the lesson's
	panel := s.panel(s.w, s.stacked())
	switch {
	case s.stacked():
		lines = append(lines, components.Block(panel, s.w, s.h-len(lines)-1)...)
	case !s.Sim.ModalOpen() && len(panel) > 0:
		// Cover the narration, just above the timeline's two lines.
		panel = panel[:min(len(panel), len(lines)-6)]
		top := len(lines) - 2 - len(panel)
		copy(lines[top:], components.Block(panel, s.w, len(panel)))
	}
	lines = append(lines, s.footer())
	return strings.Join(components.Block(lines, s.w, s.h), "\n")
}

// coverForPanel tells the simulator how many of its bottom rows the box
// will cover when it has no rows of its own, so the panes the stop is
// about are laid out above it rather than under it.
func (s *Screen) coverForPanel() {
	n := 0
	if !s.stacked() && !s.Sim.ModalOpen() {
		n = min(len(s.panel(s.w, false)), s.Sim.H-6)
	}
	s.Sim.CoverBottom(max(n, 0))
}

// header is the simulator's header line, titled with the lesson.
func (s *Screen) header() string {
	run := s.Sim.Run
	title := "Lesson " + components.Itoa(s.Lesson.Number) + " · " + s.Phase.String()
	if n := len(s.Lesson.Stops); s.Phase == LessonTour && n > 0 {
		title = "Lesson " + components.Itoa(s.Lesson.Number) + " · tour" // short: the clock must fit at 80 columns
		done := 0
		for i := range s.Lesson.Stops {
			if s.Lesson.Stops[i].AtMs <= run.Now() {
				done = i + 1
			}
		}
		title += " " + components.Itoa(done) + "/" + components.Itoa(n)
	}
	return components.RenderHeader(s.st, s.w, components.HeaderInfo{Title: title, NowMs: run.Now(), Step: run.StepCount(),
		Speed: simview.Speeds[s.Sim.Speed].Label, Playing: s.Sim.Playing, Ended: s.Player.Done(), Seed: s.Player.Seed()})
}

// footer is the status, if any, then the keys that matter now.
func (s *Screen) footer() string {
	status := s.Status
	for _, alt := range []string{s.saved, s.Sim.Status} {
		if status == "" {
			status = alt
		}
	}
	line := s.help.ShortHelpView(s.shortKeys())
	if status != "" {
		line = s.st.Note.Render(" "+components.Sanitize(status)+" ") + " " + line
	}
	return components.Fit(line, s.w)
}

// readView is the lesson's text, scrolled.
func (s *Screen) readView() string {
	st := s.st
	lines := []string{
		st.Title.Render("kafkasim") + " " + st.Bold.Render(s.lessonOfCourse()+" · "+components.Sanitize(s.Lesson.Title)),
		st.Faint.Render(components.Sanitize(s.Lesson.Summary)),
		"",
	}
	text := s.textLines()
	room := s.textRoom()
	s.clampScroll()
	end := min(s.scroll+room, len(text))
	for _, l := range text[s.scroll:end] {
		lines = append(lines, " "+l)
	}
	out := components.Block(lines, s.w, s.h-1)
	pos := ""
	if len(text) > room {
		pos = st.Faint.Render("["+components.Itoa(s.scroll+1)+"-"+components.Itoa(end)+"/"+components.Itoa(len(text))+"] ") + ""
	}
	status := ""
	if msg := cmp.Or(s.Status, s.saved); msg != "" {
		status = st.Note.Render(" "+components.Sanitize(msg)+" ") + " "
	}
	out = append(out, components.Fit(status+pos+s.help.ShortHelpView(s.shortKeys()), s.w))
	return strings.Join(out, "\n")
}

// textLines renders the lesson body for the current width, once per width.
func (s *Screen) textLines() []string {
	w := min(s.w-2, lessonTextMaxW)
	if s.text == nil || s.textW != w {
		s.text = components.RenderMarkdown(s.st, s.Lesson.Body, w)
		if code := programsText(s.Lesson); code != "" {
			s.text = append(append(s.text, ""), components.RenderMarkdown(s.st, code, w)...)
		}
		if s.Lesson.InRealKafka != "" {
			s.text = append(append(s.text, ""), realKafkaBox(s.st, s.Lesson.InRealKafka, w)...)
		}
		next := "▶ enter: watch it happen in the simulator · c: straight to the challenge"
		s.text = append(s.text, "", s.st.Bold.Render(components.Fit(next, w)))
		s.textW = w
	}
	return s.text
}

// textRoom is how many text lines fit under the title.
func (s *Screen) textRoom() int { return max(s.h-4, 1) }

func (s *Screen) clampScroll() {
	s.scroll = min(max(s.scroll, 0), max(len(s.textLines())-s.textRoom(), 0))
}

// shortKeys are the keys worth showing in the footer now.
func (s *Screen) shortKeys() []key.Binding {
	k := s.keys
	g := k.global
	switch {
	case s.Phase != LessonReading && s.Sim != nil && s.Sim.Drill.IsOpen():
		return s.Sim.Drill.Keys().ShortHelp()
	case s.Phase != LessonReading && s.Sim != nil && s.Sim.KeyMap.Drill.Enabled() && !s.Asking():
		return []key.Binding{s.Sim.KeyMap.Drill, keys.Named(s.Sim.KeyMap.Up, "choose fate"), k.Sim.Focus, k.Sim.Play, g.Help, g.Back}
	case s.Phase == LessonReading:
		enter := keys.Named(k.Enter, "watch it run")
		if s.run != LessonReading {
			enter = keys.Named(k.Enter, "back to the run")
		}
		return []key.Binding{keys.Named(k.Down, "scroll"), k.Page, enter, k.Challenge, g.Back, g.Help, g.Quit}
	case s.Asking():
		if len(s.Ask.choices) > 0 {
			pick := keys.Named(k.Digit, "pick")
			pick.SetHelp("1-"+components.Itoa(len(s.Ask.choices))+"/↑↓", "pick")
			return []key.Binding{pick, keys.Named(k.Enter, "confirm"), k.Skip, k.Sim.PrevMark, keys.Named(g.Back, "hide"), g.Help}
		}
		return []key.Binding{keys.Named(k.Digit, "type"), k.Erase, keys.Named(k.Enter, "confirm"), k.Skip, k.Sim.PrevMark, keys.Named(g.Back, "hide"), g.Help}
	case s.Revealing():
		return []key.Binding{keys.Named(k.Enter, "jump to the answer"), k.Sim.Play, keys.Named(k.Sim.StepBack, "step back"), k.Sim.PrevMark, g.Help}
	case s.Phase == LessonChallenge:
		return s.challengeKeys()
	case s.Stop >= 0:
		return []key.Binding{keys.Named(k.Enter, "continue"), k.Sim.PrevMark, keys.Named(k.Sim.StepBack, "step back"), k.Sim.StepFwd, k.Hide, k.Names, k.Sim.Faults, g.Help, g.Back}
	case s.TourDone:
		return []key.Binding{keys.Named(k.Enter, "start the challenge"), k.Sim.PrevMark, keys.Named(k.Restart, "watch again"), k.Text, g.Help, g.Back}
	}
	return []key.Binding{k.Sim.Play, keys.Named(k.Enter, "next stop"), k.Sim.PrevMark, keys.Named(k.Sim.StepBack, "step back"), k.Sim.Faults, keys.Named(k.Challenge, "challenge"), k.Text, g.Help, g.Back}
}

// challengeKeys are the footer keys during the challenge.
func (s *Screen) challengeKeys() []key.Binding {
	k := s.keys
	// The hint comes early so no width cuts it off.
	keys := []key.Binding{k.Sim.Play, k.Hint, keys.Named(k.Sim.Faults, "act"), keys.Named(k.Challenge, "check"), keys.Named(k.Restart, "retry")}
	if s.Player.HintsUsed() == len(s.Player.Hints()) {
		keys = append(keys[:2], append([]key.Binding{k.Solve}, keys[2:]...)...)
	}
	if s.Passed {
		keys = append(keys, k.Next)
	}
	return append(keys, k.Text, k.global.Help, k.global.Back)
}

// HelpNote is the simulator's note on speed while the run shows.
func (s *Screen) HelpNote() string {
	if s.Sim == nil || s.Phase == LessonReading {
		return ""
	}
	return s.Sim.HelpNote()
}

// lessonOfCourse is "Lesson 3 of 14", or "Lesson 3 (from a file)" for a
// lesson file, which stands outside the course.
func (s *Screen) lessonOfCourse() string {
	if s.count == 0 {
		return "Lesson " + components.Itoa(s.Lesson.Number) + " (from a file)"
	}
	return "Lesson " + components.Itoa(s.Lesson.Number) + " of " + components.Itoa(s.count)
}
