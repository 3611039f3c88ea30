package nav

// Screen is which screen the root model shows.
type Screen int

// The screens.
const (
	ScreenHome Screen = iota
	ScreenSim
	ScreenLesson
	ScreenQuiz
	ScreenSandbox
	ScreenMessage // an error or notice, with esc back home
)

// String names the screen.
func (s Screen) String() string {
	switch s {
	case ScreenHome:
		return "home"
	case ScreenSim:
		return "simulator"
	case ScreenLesson:
		return "lesson"
	case ScreenQuiz:
		return "quiz"
	case ScreenSandbox:
		return "sandbox"
	case ScreenMessage:
		return "message"
	}
	return "unknown"
}
