package nav

// OpenScreenMsg asks the root model to switch screens.
type OpenScreenMsg struct {
	Screen Screen
	// Arg is the scenario name or path, or the lesson number as text.
	Arg string
	// Return is the screen esc goes back to from the simulator (a quiz
	// question's scenario returns to the quiz); zero means home.
	Return Screen
}

// LessonStatusMsg says a lesson's progress changed, for the home marks.
type LessonStatusMsg struct {
	Number int
	Status string // LessonStarted or LessonDone
}

// BackMsg asks the root model to return to the home screen.
type BackMsg struct{}

// ErrMsg is a failure to show to the learner.
type ErrMsg struct {
	Err error
}

// Error makes errMsg an error.
func (e ErrMsg) Error() string { return e.Err.Error() }
