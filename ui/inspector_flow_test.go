package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// startPlaying opens a built-in scenario on the real engine in a teatest
// program, waits for the picture, and runs to the first timeline mark.
func startPlaying(t *testing.T, name string) *teatest.TestModel {
	t.Helper()
	m := newModel(Options{Scenario: name, Lessons: lessons()}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
	waitFor(t, tm, "PARTITION LOGS")
	tm.Send(keyMsg("]"))
	waitFor(t, tm, "│ t 10.000s") // the jump has ended: the clock reaches the mark last
	return tm
}

// quit ends the program and waits for it.
func quit(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}

// TestFlowInspectRecord: d on the logs opens the record inspector, which
// shows the record's producer and its fate for the group.
func TestFlowInspectRecord(t *testing.T) {
	tm := startPlaying(t, "at-least-once")
	tm.Send(keyMsg("d"))
	waitForAll(t, tm, "RECORD INSPECTOR › orders-0@", "producer ✓ acknowledged", "group    inventory")
	tm.Send(keyMsg("left")) // the cursor moves to the record before
	waitFor(t, tm, "RECORD INSPECTOR › orders-0@")
	quit(t, tm)
}

// TestFlowPartitionHistory: enter on the logs opens the first partition's
// leader, ISR and epoch history.
func TestFlowPartitionHistory(t *testing.T) {
	tm := startPlaying(t, "at-least-once")
	tm.Send(keyMsg("enter"))
	waitForAll(t, tm, "PARTITION orders-0 › leader, ISR and epoch over time", "leads orders-0 (epoch 1)")
	tm.Send(keyMsg("esc"))
	waitFor(t, tm, "What happened") // the panes under the history are back
	quit(t, tm)
}

// TestFlowClickFocus: a click on the cluster pane focuses it.
func TestFlowClickFocus(t *testing.T) {
	tm := startPlaying(t, "at-least-once")
	tm.Send(tea.MouseMsg{X: 3, Y: 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	waitFor(t, tm, "▶ CLUSTER")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "BROKER b1 › replicas and state over time")
	quit(t, tm)
}
