package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// lessonBoxMaxRows is the most rows the box takes below the simulator.
const lessonBoxMaxRows = 14

// panel is the lesson's box: the stop, the end of the tour or the
// challenge. roomy says it has rows of its own, so it may also fill the
// time between stops; otherwise that time shows the simulator alone.
func (s *lessonScreen) panel(w int, roomy bool) []string {
	switch {
	case s.hidden || s.sim == nil:
		return nil
	case s.phase == lessonChallenge:
		return s.challengeBox(w)
	case s.stop >= 0:
		return s.stopBox(w)
	case s.tourDone:
		return s.tourDoneBox(w)
	case roomy:
		return s.betweenBox(w)
	}
	return nil
}

// boxTitle is the box's first line: a label that cannot be missed, and a
// rule across.
func (s *lessonScreen) boxTitle(label string, w int) string {
	head := s.st.Note.Render(" " + label + " ")
	return head + s.st.Faint.Render(" "+strings.Repeat("─", max(w-ansi.StringWidth(label)-3, 0)))
}

// para wraps text from the lesson file one space in.
func para(text string, w int) []string {
	lines := wrap(sanitize(text), w-2)
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return lines
}

// stopBox shows the stop's text, its live values and its question.
func (s *lessonScreen) stopBox(w int) []string {
	st := s.st
	stop := &s.lesson.Stops[s.stop]
	lines := []string{s.boxTitle("■ STOP "+itoa(s.stop+1)+" of "+itoa(len(s.lesson.Stops))+" · "+fmtMs(stop.AtMs), w)}
	lines = append(lines, para(stop.Text, w)...)
	if vals := s.player.Watch(); len(vals) > 0 {
		var parts []string
		for _, v := range vals {
			val := i64(v.Value)
			if v.Err != nil {
				val = "n/a"
			}
			parts = append(parts, sanitize(v.Metric)+" = "+val)
		}
		for _, l := range wrap("watch: "+strings.Join(parts, " · "), w-2) {
			lines = append(lines, " "+st.Accent.Render(l))
		}
	}
	q := stop.Predict
	if q == nil {
		return lines
	}
	for i, l := range wrap("? Predict: "+sanitize(q.Question), w-2) {
		if i > 0 {
			l = "  " + l
		}
		lines = append(lines, " "+st.Bold.Render(l))
	}
	if s.verdict == nil {
		return append(lines, s.ask.lines(st, w)...)
	}
	return append(lines, verdictLines(st, *s.verdict, w)...)
}

// tourDoneBox offers the challenge at the end of the tour.
func (s *lessonScreen) tourDoneBox(w int) []string {
	lines := []string{s.boxTitle("■ END OF THE TOUR", w)}
	lines = append(lines, para("You have watched it happen. Now make it happen yourself: the challenge.", w)...)
	lines = append(lines, para("Goal: "+s.lesson.Challenge.Goal, w)...)
	for _, l := range para("enter starts the challenge · r watches the tour again · t reads the lesson again", w) {
		lines = append(lines, s.st.Faint.Render(l))
	}
	return lines
}

// betweenBox fills the box's rows while the tour plays between stops.
func (s *lessonScreen) betweenBox(w int) []string {
	st := s.st
	passed := 0
	now := s.sim.run.Now()
	for _, stop := range s.lesson.Stops {
		if stop.AtMs <= now {
			passed++
		}
	}
	lines := []string{s.boxTitle("▶ TOUR · "+itoa(passed)+" of "+itoa(len(s.lesson.Stops))+" stops", w)}
	if at, ok := s.player.NextStopAt(); ok {
		lines = append(lines, " next stop at "+fmtMs(at)+": enter jumps there, space plays and pauses")
	} else {
		lines = append(lines, " no stops left: the tour ends at "+fmtMs(s.player.EndMs()))
	}
	if passed > 0 {
		lines = append(lines, "")
		for _, l := range para(s.lesson.Stops[passed-1].Text, w) {
			lines = append(lines, st.Faint.Render(l))
		}
	}
	return lines
}

// challengeBox shows the goal, the verdict and the hint.
func (s *lessonScreen) challengeBox(w int) []string {
	st := s.st
	c := s.lesson.Challenge
	label := "★ CHALLENGE · checked at " + fmtMs(s.player.JudgeAtMs())
	if n := s.player.Attempts(); n > 0 {
		label += " · attempts " + itoa(n)
	}
	lines := []string{s.boxTitle(label, w)}
	lines = append(lines, para("Goal: "+c.Goal, w)...)
	if c.Setup != "" {
		for _, l := range para("Setup: "+c.Setup, w) {
			lines = append(lines, st.Faint.Render(l))
		}
	}
	lines = append(lines, s.verdictBox(w)...)
	if hint, ok := s.player.Hint(); ok && s.showHint {
		lines = append(lines, para("Hint: "+hint, w)...)
	} else if ok {
		lines = append(lines, st.Faint.Render(" stuck? i shows a hint"))
	}
	return lines
}

// verdictBox says how the last check went, one line per expectation.
func (s *lessonScreen) verdictBox(w int) []string {
	st := s.st
	if !s.checked {
		if s.passed {
			return []string{st.Once.Render(" ✔ you passed this challenge before") + " · play it again if you like"}
		}
		return nil
	}
	var lines []string
	if s.lastOK {
		lines = append(lines, st.Once.Render(" ✔ PASSED")+" · lesson "+itoa(s.lesson.Number)+" is done · n next lesson · esc back to the list")
	} else {
		lines = append(lines, st.Lost.Render(" ✘ NOT YET")+" · r tries again")
	}
	for _, d := range s.details {
		lines = append(lines, fit("   "+sanitize(d), w))
	}
	return lines
}
