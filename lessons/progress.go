package lessons

import (
	"kafkasim/state"
)

// ProgressFile is the name of the lesson progress file in the state directory.
const ProgressFile = "lessons.json"

// Status is where a learner stands on one lesson.
type Status string

// The statuses, as stored.
const (
	NotStarted Status = "not-started"
	InProgress Status = "in-progress"
	Passed     Status = "passed"
)

// LessonProgress is one lesson's record.
type LessonProgress struct {
	Status Status `json:"status"`
	// Attempts counts challenge checks, passed or not.
	Attempts int `json:"attempts"`
	// PredictionsRight and PredictionsTotal count predict-then-observe answers.
	PredictionsRight int `json:"predictions_right,omitempty"`
	PredictionsTotal int `json:"predictions_total,omitempty"`
	// PredictionsSkipped counts questions passed on with "skip"; they are
	// not in PredictionsTotal.
	PredictionsSkipped int `json:"predictions_skipped,omitempty"`
	// HintsUsed counts challenge hints shown, over every visit.
	HintsUsed int `json:"hints_used,omitempty"`
}

// Progress is every lesson's record, keyed by slug so renumbering lessons
// keeps a learner's progress.
type Progress struct {
	Lessons map[string]LessonProgress `json:"lessons"`
}

// Get returns the record for a lesson; a lesson never opened is NotStarted.
func (p *Progress) Get(slug string) LessonProgress {
	lp, ok := p.Lessons[slug]
	if !ok || lp.Status == "" {
		lp.Status = NotStarted
	}
	return lp
}

// Start marks a lesson in progress unless it is already passed.
func (p *Progress) Start(slug string) {
	lp := p.Get(slug)
	if lp.Status == NotStarted {
		lp.Status = InProgress
	}
	p.set(slug, lp)
}

// RecordAttempt counts one challenge check; a pass marks the lesson passed
// for good.
func (p *Progress) RecordAttempt(slug string, passed bool) {
	lp := p.Get(slug)
	lp.Attempts++
	if passed {
		lp.Status = Passed
	} else if lp.Status == NotStarted {
		lp.Status = InProgress
	}
	p.set(slug, lp)
}

// RecordPrediction counts one predict-then-observe answer.
func (p *Progress) RecordPrediction(slug string, right bool) {
	p.touch(slug, func(lp *LessonProgress) {
		lp.PredictionsTotal++
		if right {
			lp.PredictionsRight++
		}
	})
}

// RecordSkip counts one question passed on.
func (p *Progress) RecordSkip(slug string) {
	p.touch(slug, func(lp *LessonProgress) { lp.PredictionsSkipped++ })
}

// RecordHint counts one challenge hint shown.
func (p *Progress) RecordHint(slug string) {
	p.touch(slug, func(lp *LessonProgress) { lp.HintsUsed++ })
}

// touch applies one change to a lesson's progress; any activity moves a
// lesson not started yet to in progress.
func (p *Progress) touch(slug string, change func(*LessonProgress)) {
	lp := p.Get(slug)
	change(&lp)
	if lp.Status == NotStarted {
		lp.Status = InProgress
	}
	p.set(slug, lp)
}

func (p *Progress) set(slug string, lp LessonProgress) {
	if p.Lessons == nil {
		p.Lessons = map[string]LessonProgress{}
	}
	p.Lessons[slug] = lp
}

// LoadProgress reads lesson progress from dir. A missing file gives empty
// progress; a damaged one gives empty progress and a warning (see
// state.Load). err is set only when the file cannot be read at all.
func LoadProgress(dir string) (p Progress, warning error, err error) {
	warning, err = state.Load(dir, ProgressFile, &p)
	return p, warning, err
}

// SaveProgress writes lesson progress to dir atomically.
func SaveProgress(dir string, p Progress) error {
	return state.Save(dir, ProgressFile, p)
}
