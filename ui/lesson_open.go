package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/ui/lesson"
	"kafkasim/ui/nav"
)

// lessonFileArg opens Options.LessonFile rather than a numbered lesson.
const lessonFileArg = "file"

// openLesson shows lesson arg (its number as text, or lessonFileArg). The
// lesson last open is resumed where it was left.
func (m Model) openLesson(arg string) (Model, tea.Cmd) {
	l, count, err := m.findLesson(arg)
	if err != nil {
		m.showError(err.Error())
		return m, nil
	}
	if m.lesson != nil && m.lesson.Lesson.Slug == l.Slug && m.lesson.Fatal == nil {
		m.current = nav.ScreenLesson
		m.lesson.SetSize(m.w, m.h)
		return m, nil
	}
	var seed uint64
	if m.opts.Seed != nil {
		seed = *m.opts.Seed
	}
	m.pauseAll()
	ls, cmd := lesson.New(m.st, m.global, l, seed, m.book, count)
	ls.NoMotion = m.opts.NoMotion
	ls.SetSize(m.w, m.h)
	m.lesson, m.current = ls, nav.ScreenLesson
	return m, cmd
}

// findLesson is the lesson arg names and how many lessons its course has:
// zero for a lesson file, which stands alone.
func (m Model) findLesson(arg string) (*course.Lesson, int, error) {
	if arg == lessonFileArg {
		if m.lesson != nil && m.lesson.Lesson.File == m.opts.LessonFile && course.IsFile(m.lesson.Lesson) {
			return m.lesson.Lesson, 0, nil
		}
		l, err := course.LoadFile(m.opts.LessonFile)
		return l, 0, err
	}
	n, err := strconv.Atoi(arg)
	if err != nil {
		n = 0
	}
	l, err := course.Get(n)
	return l, len(course.All()), err
}

// pauseAll stops every run in the background, so none plays unseen.
func (m Model) pauseAll() {
	if m.sim != nil {
		m.sim.Pause()
	}
	if m.lesson != nil && m.lesson.Sim != nil {
		m.lesson.Sim.Pause()
	}
}
