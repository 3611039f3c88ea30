package whatif

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// WhatIfStage is where the what-if is: choosing, running or showing.
type WhatIfStage int

// The what-if's stages, in the order the learner meets them.
const (
	WiClosed WhatIfStage = iota
	WiSetting
	WiTarget
	WiValue
	WiUntil
	WiTypeUntil
	WiRunning
	WiResult
)

// String names the stage.
func (s WhatIfStage) String() string {
	return [...]string{"closed", "setting", "target", "value", "until", "type-until", "running", "result"}[s]
}

// whatIfKeys drive the what-if: the menu keys while choosing, and on the
// comparison esc to go back and w to try another change.
type whatIfKeys struct {
	Menu    keys.Menu
	Another key.Binding
}

func NewWhatIfKeys() whatIfKeys {
	return whatIfKeys{Menu: keys.NewMenu(),
		Another: key.NewBinding(key.WithKeys("w", "enter"), key.WithHelp("w", "another what-if"))}
}

// ShortHelp lists the comparison's keys.
func (k whatIfKeys) ShortHelp() []key.Binding { return []key.Binding{k.Another, k.Menu.Back} }

// FullHelp lists them in one column.
func (k whatIfKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// untilChoice is one "run both to..." choice; AtMs < 0 means type a time.
type untilChoice struct {
	Label string
	AtMs  int64
}

// Modal is the what-if modal: pick one setting, whom it is for and its new
// value, and how far to run; then both branches side by side.
type Modal struct {
	KeyMap whatIfKeys
	Stage  WhatIfStage
	Cursor int
	Gen    int // bumped on open and close, so a late result is dropped

	Spec    simrun.Spec
	Hand    []sim.Applied
	nowMs   int64
	Setting WhatIfSetting
	Target  string
	Value   string
	Until   []untilChoice
	typed   components.Prompt
	Err     string
	Result  Result
	// Progress is how far the running branches got (whatif_job.go).
	Progress *Progress
}

func New() Modal { return Modal{KeyMap: NewWhatIfKeys(), typed: components.NewPrompt()} }

// Open starts choosing, for the run as it stands at nowMs.
func (w Modal) Open(spec simrun.Spec, hand []sim.Applied, nowMs int64) Modal {
	w.Gen++
	w.Stage, w.Cursor, w.Err = WiSetting, 0, ""
	w.Spec, w.Hand, w.nowMs = spec, append([]sim.Applied(nil), hand...), nowMs
	return w
}

// IsOpen reports whether the what-if is showing.
func (w Modal) IsOpen() bool { return w.Stage != WiClosed }

// CapturesKeys reports whether a time is being typed.
func (w Modal) CapturesKeys() bool { return w.Stage == WiTypeUntil }

// FullScreen reports whether the what-if draws the whole screen.
func (w Modal) FullScreen() bool { return w.Stage == WiResult }

// Keys is the help keymap of the stage.
func (w Modal) Keys() help.KeyMap {
	switch w.Stage {
	case WiTypeUntil:
		return w.typed.Keys
	case WiResult, WiRunning:
		return w.KeyMap
	}
	return w.KeyMap.Menu
}

// world is where the settings' targets live.
func (w Modal) world() WhatIfWorld { return WhatIfWorld{Cfg: &w.Spec.Config, Hand: w.Hand} }

// Choices are the items of the stage being chosen.
func (w Modal) Choices() []string {
	cfg := w.world()
	var out []string
	switch w.Stage {
	case WiSetting:
		for _, s := range WhatIfSettings {
			out = append(out, s.Name)
		}
	case WiTarget:
		out = w.Setting.Targets(cfg)
	case WiValue:
		out = w.Setting.ValuesFor(cfg, w.Target)
	case WiUntil:
		for _, u := range w.Until {
			out = append(out, u.Label)
		}
	}
	return out
}

// Update handles a key; the command, when any, runs the branches.
func (w Modal) Update(msg tea.Msg) (Modal, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return w, nil
	}
	switch w.Stage {
	case WiTypeUntil:
		return w.updateTyped(km)
	case WiRunning:
		if key.Matches(km, w.KeyMap.Menu.Back) {
			w = w.Close()
		}
		return w, nil
	case WiResult:
		switch {
		case key.Matches(km, w.KeyMap.Menu.Back):
			w = w.Close()
		case key.Matches(km, w.KeyMap.Another):
			w.Stage, w.Cursor, w.Err = WiSetting, 0, ""
		}
		return w, nil
	}
	n := len(w.Choices())
	switch {
	case key.Matches(km, w.KeyMap.Menu.Back):
		w = w.back()
	case key.Matches(km, w.KeyMap.Menu.Up):
		w.Cursor = (w.Cursor - 1 + max(n, 1)) % max(n, 1)
	case key.Matches(km, w.KeyMap.Menu.Down):
		w.Cursor = (w.Cursor + 1) % max(n, 1)
	case key.Matches(km, w.KeyMap.Menu.Select) && w.Cursor < n:
		return w.Choose()
	}
	return w, nil
}

// Close hides the what-if.
func (w Modal) Close() Modal {
	w.Gen++
	w.Stage = WiClosed
	return w
}

// back goes one stage back, skipping stages with a single choice.
func (w Modal) back() Modal {
	w.Err = ""
	switch w.Stage {
	case WiSetting:
		return w.Close()
	case WiTarget:
		w.Stage = WiSetting
	case WiValue:
		w.Stage = WiTarget
		if len(w.Setting.Targets(w.world())) <= 1 {
			w.Stage = WiSetting
		}
	case WiUntil:
		w.Stage = WiValue
	}
	w.Cursor = 0
	return w
}

// Choose takes the item under the cursor and moves on.
func (w Modal) Choose() (Modal, tea.Cmd) {
	item := w.Choices()[w.Cursor]
	w.Cursor, w.Err = 0, ""
	switch w.Stage {
	case WiSetting:
		w.Setting = WhatIfSettings[IndexOf(WhatIfSettings, item)]
		targets := w.Setting.Targets(w.world())
		switch len(targets) {
		case 0:
			w.Err = "this scenario has no " + w.Setting.whom() + " to change"
		case 1:
			w.Target, w.Stage = targets[0], WiValue
		default:
			w.Stage = WiTarget
		}
	case WiTarget:
		w.Target, w.Stage = item, WiValue
	case WiValue:
		if item == w.Setting.Current(w.world(), w.Target) {
			w.Err = "that is the value as played: pick another"
			return w, nil
		}
		w.Value, w.Stage, w.Until = item, WiUntil, untilChoices(w.Spec.DurationMs, w.nowMs)
	case WiUntil:
		if u := w.Until[indexOfLabel(w.Until, item)]; u.AtMs >= 0 {
			return w.run(u.AtMs)
		}
		w.Stage = WiTypeUntil
		w.typed = w.typed.Open("Run both to", `a time such as "45s" or "2m"`, "", func(string) tea.Msg { return nil })
	}
	return w, nil
}

// updateTyped edits the typed time; enter runs, esc goes back.
func (w Modal) updateTyped(km tea.KeyMsg) (Modal, tea.Cmd) {
	switch {
	case key.Matches(km, w.typed.Keys.Cancel):
		w.Stage, w.Err = WiUntil, ""
	case key.Matches(km, w.typed.Keys.Accept):
		atMs, err := parseRunTime(strings.TrimSpace(string(w.typed.Value)))
		if err == nil {
			err = simrun.ScenarioOf(w.Spec).CheckLimits(atMs)
		}
		if err != nil {
			w.Err = err.Error()
			return w, nil
		}
		return w.run(atMs)
	default:
		w.typed.Edit(km)
	}
	return w, nil
}

// run starts both branches.
func (w Modal) run(untilMs int64) (Modal, tea.Cmd) {
	w.Stage = WiRunning
	req := Request{Spec: w.Spec, Hand: w.Hand, Setting: w.Setting, Target: w.Target, Value: w.Value,
		UntilMs: untilMs, Gen: w.Gen}
	return w, func() tea.Msg { return RunMsg{Req: req} }
}

// Done takes the branches' result if it is still wanted.
func (w Modal) Done(msg DoneMsg) Modal {
	if msg.Result.Req.Gen == w.Gen && w.Stage == WiRunning {
		w.Result, w.Stage = msg.Result, WiResult
	}
	return w
}

// untilChoices offers the scenario's end and times from now.
func untilChoices(durationMs, nowMs int64) []untilChoice {
	var out []untilChoice
	if durationMs > nowMs {
		out = append(out, untilChoice{"the scenario's end (" + components.FmtMs(durationMs) + ")", durationMs})
	}
	for _, d := range []int64{10_000, 60_000} {
		at := nowMs + d
		if at != durationMs {
			out = append(out, untilChoice{components.FmtMs(d) + " from now (" + components.FmtMs(at) + ")", at})
		}
	}
	return append(out, untilChoice{"a time I type", -1})
}

// parseRunTime reads "45s", "2m", "1m30s" or a bare number of seconds.
func parseRunTime(s string) (int64, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		s = strconv.FormatFloat(n, 'f', -1, 64) + "s"
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, errBadTime
	}
	return d.Milliseconds(), nil
}

var errBadTime = errors.New(`not a time: write it as "45s", "2m" or "1m30s"`)

func IndexOf(settings []WhatIfSetting, name string) int {
	for i, s := range settings {
		if s.Name == name {
			return i
		}
	}
	return 0
}

func indexOfLabel(us []untilChoice, label string) int {
	for i, u := range us {
		if u.Label == label {
			return i
		}
	}
	return 0
}
