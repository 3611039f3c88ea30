package ui

import (
	"kafkasim/ui/nav"
	"kafkasim/ui/simrun"
	"kafkasim/ui/simview"
)

// Options says what kafkasim opens with. The zero value opens the home screen.
type Options struct {
	// Scenario, when set, plays this scenario (a built-in name or a file path)
	// straight away, as `kafkasim play SCENARIO` does.
	Scenario string
	// Lesson, when above zero, opens that lesson (numbered from 1).
	Lesson int
	// LessonFile, when set, opens a lesson file from disk, as `kafkasim
	// lesson FILE.md` does. Its progress is kept under its own key
	// (lessons.FileKey), apart from the built-in lessons'.
	LessonFile string
	// Quiz opens the quiz.
	Quiz bool
	// QuizTopic, with Quiz, starts a quiz on this topic tag (or several,
	// comma-separated, as `kafkasim quiz --topic T` takes them) instead of
	// showing the quiz menu.
	QuizTopic string
	// QuizBank, with Quiz, asks the questions of this bank file (`kafkasim
	// quiz --bank FILE.toml`) instead of the built-in bank. Its answers
	// are not saved: they would mix with the built-in bank's scores.
	QuizBank string
	// Live, when set, opens the simulator screen on a run that real
	// clients drive (`kafkasim serve`).
	Live *simview.Live
	// Sandbox opens a free cluster to experiment with.
	Sandbox bool
	// Seed, when set, replaces the scenario's seed.
	Seed *uint64
	// NoMotion turns animation off: every change shows at once in its
	// final state, highlighted until the next step (--no-motion).
	NoMotion bool
	// Brokers is the sandbox's cluster size; 0 means 3.
	Brokers int
	// Lessons fill the home screen's lesson list, with progress marks; nil
	// means the built-in lessons with the progress saved in StateDir.
	Lessons []nav.LessonEntry
	// StateDir is where lesson and quiz progress is kept (state.Dir); empty
	// keeps progress in memory only.
	StateDir string
	// Warnings are shown on the home screen (a damaged progress file...).
	Warnings []string
}

// scenarioSource finds scenarios: the built-in ones and files.
type scenarioSource interface {
	BuiltIn() []nav.ScenarioEntry
	Load(nameOrPath string) (simrun.Spec, error)
}

// LessonEntry is one lesson as the home screen lists it.
type LessonEntry = nav.LessonEntry

// ScenarioEntry is one built-in scenario as the home screen lists it.
type ScenarioEntry = nav.ScenarioEntry

// Lesson progress values for LessonEntry.Status.
const (
	LessonNotStarted = nav.LessonNotStarted
	LessonStarted    = nav.LessonStarted
	LessonDone       = nav.LessonDone
)
