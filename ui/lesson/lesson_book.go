package lesson

import (
	"errors"

	course "kafkasim/lessons"
	"kafkasim/state"
	"kafkasim/ui/nav"
)

// Book is the learner's lesson progress: read once when kafkasim
// starts, written (atomically, by package lessons) after every change.
// An empty dir keeps it in memory only.
type Book struct {
	dir  string
	prog course.Progress
	// blocked is set when the file on disk could not be read: saving over
	// it would destroy the only copy.
	blocked error
}

// LoadBook reads the progress in dir. It never fails: a damaged
// file gives fresh progress and a warning to show.
func LoadBook(dir string) (book *Book, warning string) {
	b := &Book{dir: dir}
	if dir == "" {
		return b, ""
	}
	p, warn, err := course.LoadProgress(dir)
	switch {
	case err != nil:
		b.blocked = errors.New("lesson progress is not saved: the file could not be read when kafkasim started")
		return b, "could not read lesson progress, starting fresh: " + err.Error()
	case warn != nil:
		// As the quiz does: a damaged file that could not be backed up is
		// the only copy of the learner's progress; never save over it.
		if !state.SafeToSave(warn) {
			b.blocked = errors.New("lesson progress is not saved: the file is damaged and no backup could be made (see the warning)")
		}
		b.prog = course.Progress{}
		return b, warn.Error()
	}
	b.prog = p
	return b, ""
}

// Entries lists the built-in lessons with their progress marks.
func (b *Book) Entries() []nav.LessonEntry {
	var out []nav.LessonEntry
	for _, l := range course.All() {
		var teaches []string
		for _, sec := range l.Sections {
			if sec.Title != "" {
				teaches = append(teaches, sec.Title)
			}
		}
		out = append(out, nav.LessonEntry{Number: l.Number, Title: l.Title, Status: b.status(l.Slug),
			Summary: l.Summary, Teaches: teaches, Goal: l.Challenge.Goal, Scenario: l.Scenario})
	}
	return out
}

// status is a lesson's progress as the home screen marks it.
func (b *Book) status(slug string) string {
	switch b.prog.Get(slug).Status {
	case course.Passed:
		return nav.LessonDone
	case course.InProgress:
		return nav.LessonStarted
	}
	return nav.LessonNotStarted
}

// Get is one lesson's record.
func (b *Book) Get(slug string) course.LessonProgress { return b.prog.Get(slug) }

// Update changes the progress and saves it; the error is for the learner
// to see, never a reason to stop.
func (b *Book) Update(change func(p *course.Progress)) error {
	change(&b.prog)
	if b.dir == "" {
		return nil
	}
	if b.blocked != nil {
		return b.blocked
	}
	return course.SaveProgress(b.dir, b.prog)
}
