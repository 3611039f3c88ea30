package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
)

// openLesson shows lesson arg (its number as text). The lesson last open
// is resumed where it was left.
func (m Model) openLesson(arg string) (Model, tea.Cmd) {
	n, err := strconv.Atoi(arg)
	if err != nil {
		n = 0
	}
	if m.lesson != nil && m.lesson.lesson.Number == n && m.lesson.fatal == nil {
		m.current = ScreenLesson
		m.lesson.SetSize(m.w, m.h)
		return m, nil
	}
	l, err := course.Get(n)
	if err != nil {
		m.showError(err.Error())
		return m, nil
	}
	var seed uint64
	if m.opts.Seed != nil {
		seed = *m.opts.Seed
	}
	m.pauseAll()
	ls, cmd := newLessonScreen(m.st, m.global, l, seed, m.book, len(course.All()))
	ls.SetSize(m.w, m.h)
	m.lesson, m.current = ls, ScreenLesson
	return m, cmd
}

// pauseAll stops every run in the background, so none plays unseen.
func (m Model) pauseAll() {
	if m.sim != nil {
		m.sim.pause()
	}
	if m.lesson != nil && m.lesson.sim != nil {
		m.lesson.sim.pause()
	}
}
