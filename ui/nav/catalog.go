package nav

// LessonEntry is one lesson as the home screen lists it.
type LessonEntry struct {
	Number int
	Title  string
	// Status is LessonNotStarted, LessonStarted or LessonDone.
	Status string
	// Summary, Teaches (its sections' titles), Goal (its challenge's) and
	// Scenario fill the home screen's preview; any may be empty.
	Summary  string
	Teaches  []string
	Goal     string
	Scenario string
}

// Lesson progress values for LessonEntry.Status.
const (
	LessonNotStarted = ""
	LessonStarted    = "started"
	LessonDone       = "done"
)

// ScenarioEntry is one built-in scenario as the home screen lists it.
type ScenarioEntry struct {
	Name        string // what `kafkasim play` takes
	Title       string
	Description string
	// About is the description's first paragraph, for the home preview.
	About string
}
