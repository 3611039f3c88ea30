package ui

import (
	"cmp"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simview"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// lessonTextMaxW keeps the lesson's lines short enough to read.
const lessonTextMaxW = 96

// layout sizes the simulator for the box under it: the box gets its own
// rows when the terminal is tall enough, else it covers the narration.
func (s *lessonScreen) layout() {
	if s.sim == nil {
		return
	}
	if rows := min(s.h-components.MinHeight, lessonBoxMaxRows); rows > 0 && len(s.panel(s.w, true)) <= rows {
		s.sim.SetSize(s.w, s.h-rows)
		return
	}
	s.sim.SetSize(s.w, s.h)
}

// stacked reports whether the box has rows of its own below the simulator.
func (s *lessonScreen) stacked() bool { return s.sim != nil && s.sim.H < s.h }

// View draws the lesson's text, or its run with the box.
func (s *lessonScreen) View() string {
	switch {
	case s.w < components.MinWidth || s.h < components.MinHeight:
		return components.TooSmallView(s.st, s.w, s.h)
	case s.fatal != nil:
		lines := []string{s.st.Error.Render("cannot open lesson " + components.Itoa(s.lesson.Number)), components.Sanitize(s.fatal.Error()), "",
			s.st.Faint.Render("esc back · q quit")}
		return strings.Join(components.Block(lines, s.w, s.h), "\n")
	case s.phase == lessonReading:
		return s.readView()
	}
	return s.runView()
}

// runView is the simulator with the lesson's header, box and footer.
func (s *lessonScreen) runView() string {
	lines := strings.Split(s.sim.View(), "\n")
	if s.sim.Lay.TooSmall || s.sim.Fatal != nil {
		return strings.Join(components.Block(lines, s.w, s.h), "\n")
	}
	lines[0] = s.header()
	lines = lines[:len(lines)-1] // the simulator's footer gives way to the lesson's
	panel := s.panel(s.w, s.stacked())
	switch {
	case s.stacked():
		lines = append(lines, components.Block(panel, s.w, s.h-len(lines)-1)...)
	case !s.sim.ModalOpen() && len(panel) > 0:
		// Cover the narration, just above the timeline's two lines.
		panel = panel[:min(len(panel), len(lines)-6)]
		top := len(lines) - 2 - len(panel)
		copy(lines[top:], components.Block(panel, s.w, len(panel)))
	}
	lines = append(lines, s.footer())
	return strings.Join(components.Block(lines, s.w, s.h), "\n")
}

// header is the simulator's header line, titled with the lesson.
func (s *lessonScreen) header() string {
	run := s.sim.Run
	title := "Lesson " + components.Itoa(s.lesson.Number) + " · " + s.phase.String()
	if n := len(s.lesson.Stops); s.phase == lessonTour && n > 0 {
		title = "Lesson " + components.Itoa(s.lesson.Number) + " · tour" // short: the clock must fit at 80 columns
		done := 0
		for i := range s.lesson.Stops {
			if s.lesson.Stops[i].AtMs <= run.Now() {
				done = i + 1
			}
		}
		title += " " + components.Itoa(done) + "/" + components.Itoa(n)
	}
	return components.RenderHeader(s.st, s.w, components.HeaderInfo{Title: title, NowMs: run.Now(), Step: run.StepCount(),
		Speed: simview.Speeds[s.sim.Speed].Label, Playing: s.sim.Playing, Ended: s.player.Done(), Seed: s.player.Seed()})
}

// footer is the status, if any, then the keys that matter now.
func (s *lessonScreen) footer() string {
	status := s.status
	for _, alt := range []string{s.saved, s.sim.Status} {
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
func (s *lessonScreen) readView() string {
	st := s.st
	lines := []string{
		st.Title.Render("kafkasim") + " " + st.Bold.Render(s.lessonOfCourse()+" · "+components.Sanitize(s.lesson.Title)),
		st.Faint.Render(components.Sanitize(s.lesson.Summary)),
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
	if msg := cmp.Or(s.status, s.saved); msg != "" {
		status = st.Note.Render(" "+components.Sanitize(msg)+" ") + " "
	}
	out = append(out, components.Fit(status+pos+s.help.ShortHelpView(s.shortKeys()), s.w))
	return strings.Join(out, "\n")
}

// textLines renders the lesson body for the current width, once per width.
func (s *lessonScreen) textLines() []string {
	w := min(s.w-2, lessonTextMaxW)
	if s.text == nil || s.textW != w {
		s.text = components.RenderMarkdown(s.st, s.lesson.Body, w)
		if code := programsText(s.lesson); code != "" {
			s.text = append(append(s.text, ""), components.RenderMarkdown(s.st, code, w)...)
		}
		if s.lesson.InRealKafka != "" {
			s.text = append(append(s.text, ""), realKafkaBox(s.st, s.lesson.InRealKafka, w)...)
		}
		next := "▶ enter: watch it happen in the simulator · c: straight to the challenge"
		s.text = append(s.text, "", s.st.Bold.Render(components.Fit(next, w)))
		s.textW = w
	}
	return s.text
}

// textRoom is how many text lines fit under the title.
func (s *lessonScreen) textRoom() int { return max(s.h-4, 1) }

func (s *lessonScreen) clampScroll() {
	s.scroll = min(max(s.scroll, 0), max(len(s.textLines())-s.textRoom(), 0))
}

// shortKeys are the keys worth showing in the footer now.
func (s *lessonScreen) shortKeys() []key.Binding {
	k := s.keys
	g := k.global
	switch {
	case s.phase != lessonReading && s.sim != nil && s.sim.Drill.IsOpen():
		return s.sim.Drill.Keys().ShortHelp()
	case s.phase != lessonReading && s.sim != nil && s.sim.KeyMap.Drill.Enabled() && !s.asking():
		return []key.Binding{s.sim.KeyMap.Drill, keys.Named(s.sim.KeyMap.Up, "choose fate"), k.sim.Focus, k.sim.Play, g.Help, g.Back}
	case s.phase == lessonReading:
		enter := keys.Named(k.Enter, "watch it run")
		if s.run != lessonReading {
			enter = keys.Named(k.Enter, "back to the run")
		}
		return []key.Binding{keys.Named(k.Down, "scroll"), k.Page, enter, k.Challenge, g.Back, g.Help, g.Quit}
	case s.asking():
		if len(s.ask.choices) > 0 {
			pick := keys.Named(k.Digit, "pick")
			pick.SetHelp("1-"+components.Itoa(len(s.ask.choices))+"/↑↓", "pick")
			return []key.Binding{pick, keys.Named(k.Enter, "confirm"), k.Skip, k.sim.PrevMark, keys.Named(g.Back, "hide"), g.Help}
		}
		return []key.Binding{keys.Named(k.Digit, "type"), k.Erase, keys.Named(k.Enter, "confirm"), k.Skip, k.sim.PrevMark, keys.Named(g.Back, "hide"), g.Help}
	case s.revealing():
		return []key.Binding{keys.Named(k.Enter, "jump to the answer"), k.sim.Play, keys.Named(k.sim.StepBack, "step back"), k.sim.PrevMark, g.Help}
	case s.phase == lessonChallenge:
		return s.challengeKeys()
	case s.stop >= 0:
		return []key.Binding{keys.Named(k.Enter, "continue"), k.sim.PrevMark, keys.Named(k.sim.StepBack, "step back"), k.sim.StepFwd, k.Hide, k.Names, k.sim.Faults, g.Help, g.Back}
	case s.tourDone:
		return []key.Binding{keys.Named(k.Enter, "start the challenge"), k.sim.PrevMark, keys.Named(k.Restart, "watch again"), k.Text, g.Help, g.Back}
	}
	return []key.Binding{k.sim.Play, keys.Named(k.Enter, "next stop"), k.sim.PrevMark, keys.Named(k.sim.StepBack, "step back"), k.sim.Faults, keys.Named(k.Challenge, "challenge"), k.Text, g.Help, g.Back}
}

// challengeKeys are the footer keys during the challenge.
func (s *lessonScreen) challengeKeys() []key.Binding {
	k := s.keys
	// The hint comes early so no width cuts it off.
	keys := []key.Binding{k.sim.Play, k.Hint, keys.Named(k.sim.Faults, "act"), keys.Named(k.Challenge, "check"), keys.Named(k.Restart, "retry")}
	if s.player.HintsUsed() == len(s.player.Hints()) {
		keys = append(keys[:2], append([]key.Binding{k.Solve}, keys[2:]...)...)
	}
	if s.passed {
		keys = append(keys, k.Next)
	}
	return append(keys, k.Text, k.global.Help, k.global.Back)
}

// HelpNote is the simulator's note on speed while the run shows.
func (s *lessonScreen) HelpNote() string {
	if s.sim == nil || s.phase == lessonReading {
		return ""
	}
	return s.sim.HelpNote()
}

// lessonOfCourse is "Lesson 3 of 14", or "Lesson 3 (from a file)" for a
// lesson file, which stands outside the course.
func (s *lessonScreen) lessonOfCourse() string {
	if s.count == 0 {
		return "Lesson " + components.Itoa(s.lesson.Number) + " (from a file)"
	}
	return "Lesson " + components.Itoa(s.lesson.Number) + " of " + components.Itoa(s.count)
}
