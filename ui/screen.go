package ui

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

// paneID names a pane of the simulator screen; tab moves focus in this order.
type paneID int

// The panes that take focus, in tab order: down the left column of the
// wide layout, then down the right one (producers above groups).
const (
	paneCluster paneID = iota
	paneLogs
	paneProducers
	paneGroups
	paneLedger
	paneNarration
	paneCount
)

// String names the pane as its title shows it.
func (p paneID) String() string {
	switch p {
	case paneCluster:
		return "Cluster"
	case paneLogs:
		return "Partition logs"
	case paneGroups:
		return "Groups"
	case paneProducers:
		return "Producers"
	case paneLedger:
		return "Delivery ledger"
	case paneNarration:
		return "What happened"
	}
	return "?"
}
