package lessons

import (
	"kafkasim/scenarios"
)

// Lesson is one lesson of the course: short explanations, a built-in
// scenario to watch, stops that pause the run with something to look at or
// predict, and a closing challenge the engine checks.
type Lesson struct {
	Number   int
	Slug     string // from the file name: 05-offsets-and-commits.md -> offsets-and-commits
	Title    string
	Summary  string // one line for the home screen and `kafkasim list`
	Scenario string // the built-in scenario the lesson runs
	Body     string // the Markdown after the front matter
	// InRealKafka is Markdown: the commands or client configs that show
	// the same thing on a real cluster (Kafka 3.9). Optional in a file.
	InRealKafka string
	Sections    []Section
	Stops       []Stop
	// Challenge is the closing exercise.
	Challenge Challenge
	// File is the file the lesson came from, e.g. "content/05-offsets-and-commits.md".
	File string
}

// Section is one "## " part of a lesson's body. The text before the first
// heading, if any, is a section with an empty Title.
type Section struct {
	Title string
	Text  string // Markdown, without the heading line
	Line  int    // the heading's line in the file
}

// Stop is a moment where the run pauses and the lesson says what to look at.
type Stop struct {
	AtMs int64
	Text string
	// Watch names metrics worth showing beside the text, as
	// scenarios.Metric names them; the Player reads their live values.
	Watch []string
	// When binds Text to the run: it must hold at the stop for Text to be
	// true. Else is said instead when it does not (see Narrate).
	When scenarios.Condition
	Else string
	// Code, when set, shows a client program beside the run: "consumer.py"
	// or "consumer.py:commit" to mark the line labelled commit.
	Code     string
	CodeLine int // the marked line's index in the program, -1 for none
	// Predict, when set, asks the learner to guess before the run goes on.
	Predict *Predict
	Line    int // where the [[stop]] header is in the file
}

// Predict is a predict-then-observe question. The answer is never written
// in the lesson: it is the engine's value of Metric at RevealMs.
type Predict struct {
	Question string
	Metric   string
	RevealMs int64
	// Choices, when set, are what the learner picks from. With Means empty
	// each choice is a whole number compared with the metric; otherwise
	// Means[i] is the condition on the metric that makes Choices[i] right,
	// so "yes"/"no" questions can be asked about a count.
	Choices []string
	Means   []scenarios.Comparison
	// Explain follows the verdict. "{value}" in it is replaced by the
	// metric's real value.
	Explain string
}

// Timeline modes for a challenge run.
const (
	// TimelineTraffic keeps only the scenario's produce and note entries:
	// the learner brings the faults. It is the default.
	TimelineTraffic = "traffic"
	// TimelineFull keeps the scenario's whole timeline, faults included.
	TimelineFull = "full"
)

// Challenge is a lesson's closing exercise: a goal the learner reaches by
// acting on the simulator, judged by the engine through Expect.
type Challenge struct {
	Goal  string
	Hint  string // what to do and why; its first sentence is the nudge (see Player.Hints)
	Setup string // what the learner may change or should know; may be empty
	// Scenario is the scenario the challenge runs; the lesson's when empty.
	Scenario string
	// Timeline is TimelineTraffic or TimelineFull.
	Timeline string
	// ByMs is when the run is judged; 0 means at the scenario's end.
	ByMs int64
	// Expect must all hold at ByMs for the challenge to pass.
	Expect []scenarios.Expect
	// Solution is one way to pass: what a learner would do, and when.
	Solution []scenarios.TimelineEntry
	Line     int // where [challenge] is in the file
}
