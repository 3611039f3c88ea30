package lesson

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
)

// lessonBoxMaxRows is the most rows the box takes below the simulator.
const lessonBoxMaxRows = 14

// panel is the lesson's box: the stop, the end of the tour or the
// challenge. roomy says it has rows of its own, so it may also fill the
// time between stops; otherwise that time shows the simulator alone.
func (s *Screen) panel(w int, roomy bool) []string {
	switch {
	case s.Hidden || s.Sim == nil:
		return nil
	case s.Phase == LessonChallenge:
		return s.challengeBox(w)
	case s.Revealing():
		return s.stopBox(w, s.reveal.stop)
	case s.Stop >= 0:
		return s.stopBox(w, s.Stop)
	case s.TourDone:
		return s.tourDoneBox(w)
	case roomy:
		return s.betweenBox(w)
	}
	return nil
}

// boxTitle is the box's first line: a label that cannot be missed, and a
// rule across.
func (s *Screen) boxTitle(label string, w int) string {
	head := s.st.Note.Render(" " + label + " ")
	return head + s.st.Faint.Render(" "+strings.Repeat("─", max(w-ansi.StringWidth(label)-3, 0)))
}

// para wraps text from the lesson file one space in.
func para(text string, w int) []string {
	lines := components.Wrap(components.Sanitize(text), w-2)
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return lines
}

// stopBox shows stop idx's text, its live values, its program (when it
// names one: beside the text on a wide screen, a few lines under it on a
// narrow one) and its question.
func (s *Screen) stopBox(w, idx int) []string {
	stop := &s.Lesson.Stops[idx]
	if stop.Code != "" && w >= codeSideMinW {
		cw := min(codePaneMaxW, w/2)
		left := s.stopText(w-cw-1, idx)
		left = append(left, s.stopQuestion(w-cw-1, idx)...)
		return besideText(left, s.codePane(stop, cw, max(len(left), codeSideMinRows)), w-cw-1)
	}
	lines := s.stopText(w, idx)
	lines = append(lines, s.codePane(stop, w, codeNarrowRows)...)
	return append(lines, s.stopQuestion(w, idx)...)
}

// stopText is the stop's title, text and live values.
func (s *Screen) stopText(w, idx int) []string {
	st := s.st
	stop := &s.Lesson.Stops[idx]
	lines := []string{s.boxTitle("■ STOP "+components.Itoa(idx+1)+" of "+components.Itoa(len(s.Lesson.Stops))+" · "+components.FmtMs(stop.AtMs), w)}
	lines = append(lines, para(s.Player.StopText(idx), w)...)
	if watch := s.watchLine(stop); watch != "" {
		for _, l := range components.Wrap(watch, w-2) {
			lines = append(lines, " "+st.Accent.Render(l))
		}
	}
	return lines
}

// stopQuestion is the stop's question: open, revealing or judged.
func (s *Screen) stopQuestion(w, idx int) []string {
	st := s.st
	stop := &s.Lesson.Stops[idx]
	var lines []string
	q := stop.Predict
	if q == nil {
		return lines
	}
	for i, l := range components.Wrap("? Predict: "+components.Sanitize(q.Question), w-2) {
		if i > 0 {
			l = "  " + l
		}
		lines = append(lines, " "+st.Bold.Render(l))
	}
	switch {
	case s.Revealing():
		said := "you said " + components.Sanitize(s.reveal.answer)
		if s.reveal.answer == "skipped" {
			said = "skipped"
		}
		_, at, _ := s.Player.Revealing()
		return append(lines, components.Fit(" "+st.Selected.Render("▶ "+said)+" · watch what happens until "+components.FmtMs(at)+st.Faint.Render(" · enter jumps to the answer"), w))
	case s.Verdict == nil:
		return append(lines, s.Ask.lines(st, w)...)
	}
	return append(lines, verdictLines(st, *s.Verdict, w)...)
}

// hiddenValue stands for a value the watch line must not show.
const hiddenValue = 987654321

// watchLine says the stop's watched values in words; m adds the engine's
// names, as scenario files and expectations write them. While its question
// is open, a value that is the question's own metric shows as "?": the
// line must not give the answer away.
func (s *Screen) watchLine(stop *course.Stop) string {
	vals := s.Player.Watch()
	if len(vals) == 0 {
		return ""
	}
	open := stop.Predict != nil && s.Verdict == nil
	var parts []string
	for _, v := range vals {
		switch {
		case open && v.Metric == stop.Predict.Metric:
			parts = append(parts, components.Sanitize(strings.Replace(course.MetricWords(v.Metric, hiddenValue), components.Itoa(hiddenValue), "?", 1)))
		case v.Err != nil:
			parts = append(parts, components.Sanitize(v.Metric)+": the engine cannot say")
		case s.names:
			parts = append(parts, components.Sanitize(course.MetricWords(v.Metric, v.Value))+" ("+components.Sanitize(v.Metric)+")")
		default:
			parts = append(parts, components.Sanitize(course.MetricWords(v.Metric, v.Value)))
		}
	}
	return "now: " + strings.Join(parts, " · ")
}

// tourDoneBox offers the challenge at the end of the tour.
func (s *Screen) tourDoneBox(w int) []string {
	lines := []string{s.boxTitle("■ END OF THE TOUR", w)}
	lines = append(lines, para("You have watched it happen. Now make it happen yourself: the challenge.", w)...)
	lines = append(lines, para("Goal: "+s.Lesson.Challenge.Goal, w)...)
	for _, l := range para("enter starts the challenge · r watches the tour again · t reads the lesson again, with the real Kafka commands", w) {
		lines = append(lines, s.st.Faint.Render(l))
	}
	return lines
}

// betweenBox fills the box's rows while the tour plays between stops.
func (s *Screen) betweenBox(w int) []string {
	st := s.st
	passed := 0
	now := s.Sim.Run.Now()
	for _, stop := range s.Lesson.Stops {
		if stop.AtMs <= now {
			passed++
		}
	}
	lines := []string{s.boxTitle("▶ TOUR · "+components.Itoa(passed)+" of "+components.Itoa(len(s.Lesson.Stops))+" stops", w)}
	if at, ok := s.Player.NextStopAt(); ok {
		lines = append(lines, " next stop at "+components.FmtMs(at)+": enter jumps there, space plays and pauses")
	} else {
		lines = append(lines, " no stops left: the tour ends at "+components.FmtMs(s.Player.EndMs()))
	}
	if passed > 0 {
		lines = append(lines, "")
		for _, l := range para(s.Lesson.Stops[passed-1].Text, w) {
			lines = append(lines, st.Faint.Render(l))
		}
	}
	return lines
}

// challengeBox shows the goal, the verdict and the hint.
func (s *Screen) challengeBox(w int) []string {
	st := s.st
	c := s.Lesson.Challenge
	label := "★ CHALLENGE · checked at " + components.FmtMs(s.Player.JudgeAtMs())
	if n := s.Player.Attempts(); n > 0 {
		label += " · attempts " + components.Itoa(n)
	}
	lines := []string{s.boxTitle(label, w)}
	lines = append(lines, para("Goal: "+c.Goal, w)...)
	if c.Setup != "" {
		for _, l := range para("Setup: "+c.Setup, w) {
			lines = append(lines, st.Faint.Render(l))
		}
	}
	lines = append(lines, s.verdictBox(w)...)
	return append(lines, s.hintLines(w)...)
}

// hintLines shows the hints asked for so far, the latest in full.
func (s *Screen) hintLines(w int) []string {
	st := s.st
	shown := s.Player.HintsShown()
	total := len(s.Player.Hints())
	if len(shown) == 0 {
		return []string{st.Faint.Render(" stuck? i shows a hint (" + components.Itoa(total) + ": a nudge, how it works, the solution)")}
	}
	var lines []string
	for i, h := range shown {
		label := "Hint " + components.Itoa(i+1) + "/" + components.Itoa(total) + " · " + h.Level.String() + ": "
		if i < len(shown)-1 {
			for _, l := range para(label+h.Text, w) {
				lines = append(lines, st.Faint.Render(l))
			}
			continue
		}
		if h.Level == course.HintSolution {
			lines = append(lines, " "+st.Bold.Render(label)+st.Faint.Render("p plays it by itself"))
			for _, step := range strings.Split(h.Text, "\n") {
				lines = append(lines, para("  "+step, w)...)
			}
			continue
		}
		lines = append(lines, para(label+h.Text, w)...)
		lines = append(lines, st.Faint.Render(" i shows the next hint"))
	}
	return lines
}

// verdictBox says how the last check went, one line per expectation.
func (s *Screen) verdictBox(w int) []string {
	st := s.st
	if !s.checked {
		if s.Passed {
			return []string{st.Once.Render(" ✔ you passed this challenge before") + " · play it again if you like"}
		}
		return nil
	}
	var lines []string
	if s.LastOK {
		lines = append(lines, st.Once.Render(" ✔ PASSED")+" · lesson "+components.Itoa(s.Lesson.Number)+" is done · n next lesson · esc back to the list")
	} else {
		lines = append(lines, st.Lost.Render(" ✘ NOT YET")+" · r tries again")
	}
	details := s.Player.PlainVerdict() // in words; m shows the engine's names
	if s.names || len(details) == 0 {
		details = s.Details
	}
	for _, d := range details {
		lines = append(lines, components.Fit("   "+components.Sanitize(d), w))
	}
	return lines
}
