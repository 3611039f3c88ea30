package ui

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

// whatIfStage is where the what-if is: choosing, running or showing.
type whatIfStage int

// The what-if's stages, in the order the learner meets them.
const (
	wiClosed whatIfStage = iota
	wiSetting
	wiTarget
	wiValue
	wiUntil
	wiTypeUntil
	wiRunning
	wiResult
)

// String names the stage.
func (s whatIfStage) String() string {
	return [...]string{"closed", "setting", "target", "value", "until", "type-until", "running", "result"}[s]
}

// whatIfKeys drive the what-if: the menu keys while choosing, and on the
// comparison esc to go back and w to try another change.
type whatIfKeys struct {
	menu    keys.Menu
	Another key.Binding
}

func newWhatIfKeys() whatIfKeys {
	return whatIfKeys{menu: keys.NewMenu(),
		Another: key.NewBinding(key.WithKeys("w", "enter"), key.WithHelp("w", "another what-if"))}
}

// ShortHelp lists the comparison's keys.
func (k whatIfKeys) ShortHelp() []key.Binding { return []key.Binding{k.Another, k.menu.Back} }

// FullHelp lists them in one column.
func (k whatIfKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// untilChoice is one "run both to..." choice; AtMs < 0 means type a time.
type untilChoice struct {
	Label string
	AtMs  int64
}

// whatIf is the what-if modal: pick one setting, whom it is for and its new
// value, and how far to run; then both branches side by side.
type whatIf struct {
	keys   whatIfKeys
	stage  whatIfStage
	cursor int
	gen    int // bumped on open and close, so a late result is dropped

	spec    simrun.Spec
	hand    []sim.Applied
	nowMs   int64
	setting whatIfSetting
	target  string
	value   string
	until   []untilChoice
	typed   components.Prompt
	err     string
	result  whatIfResult
	// progress is how far the running branches got (whatif_job.go).
	progress *whatIfProgress
}

func newWhatIf() whatIf { return whatIf{keys: newWhatIfKeys(), typed: components.NewPrompt()} }

// Open starts choosing, for the run as it stands at nowMs.
func (w whatIf) Open(spec simrun.Spec, hand []sim.Applied, nowMs int64) whatIf {
	w.gen++
	w.stage, w.cursor, w.err = wiSetting, 0, ""
	w.spec, w.hand, w.nowMs = spec, append([]sim.Applied(nil), hand...), nowMs
	return w
}

// IsOpen reports whether the what-if is showing.
func (w whatIf) IsOpen() bool { return w.stage != wiClosed }

// CapturesKeys reports whether a time is being typed.
func (w whatIf) CapturesKeys() bool { return w.stage == wiTypeUntil }

// fullScreen reports whether the what-if draws the whole screen.
func (w whatIf) fullScreen() bool { return w.stage == wiResult }

// Keys is the help keymap of the stage.
func (w whatIf) Keys() help.KeyMap {
	switch w.stage {
	case wiTypeUntil:
		return w.typed.Keys
	case wiResult, wiRunning:
		return w.keys
	}
	return w.keys.menu
}

// world is where the settings' targets live.
func (w whatIf) world() whatIfWorld { return whatIfWorld{cfg: &w.spec.Config, hand: w.hand} }

// choices are the items of the stage being chosen.
func (w whatIf) choices() []string {
	cfg := w.world()
	var out []string
	switch w.stage {
	case wiSetting:
		for _, s := range whatIfSettings {
			out = append(out, s.Name)
		}
	case wiTarget:
		out = w.setting.targets(cfg)
	case wiValue:
		out = w.setting.values(cfg, w.target)
	case wiUntil:
		for _, u := range w.until {
			out = append(out, u.Label)
		}
	}
	return out
}

// Update handles a key; the command, when any, runs the branches.
func (w whatIf) Update(msg tea.Msg) (whatIf, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return w, nil
	}
	switch w.stage {
	case wiTypeUntil:
		return w.updateTyped(km)
	case wiRunning:
		if key.Matches(km, w.keys.menu.Back) {
			w = w.close()
		}
		return w, nil
	case wiResult:
		switch {
		case key.Matches(km, w.keys.menu.Back):
			w = w.close()
		case key.Matches(km, w.keys.Another):
			w.stage, w.cursor, w.err = wiSetting, 0, ""
		}
		return w, nil
	}
	n := len(w.choices())
	switch {
	case key.Matches(km, w.keys.menu.Back):
		w = w.back()
	case key.Matches(km, w.keys.menu.Up):
		w.cursor = (w.cursor - 1 + max(n, 1)) % max(n, 1)
	case key.Matches(km, w.keys.menu.Down):
		w.cursor = (w.cursor + 1) % max(n, 1)
	case key.Matches(km, w.keys.menu.Select) && w.cursor < n:
		return w.Choose()
	}
	return w, nil
}

// close hides the what-if.
func (w whatIf) close() whatIf {
	w.gen++
	w.stage = wiClosed
	return w
}

// back goes one stage back, skipping stages with a single choice.
func (w whatIf) back() whatIf {
	w.err = ""
	switch w.stage {
	case wiSetting:
		return w.close()
	case wiTarget:
		w.stage = wiSetting
	case wiValue:
		w.stage = wiTarget
		if len(w.setting.targets(w.world())) <= 1 {
			w.stage = wiSetting
		}
	case wiUntil:
		w.stage = wiValue
	}
	w.cursor = 0
	return w
}

// Choose takes the item under the cursor and moves on.
func (w whatIf) Choose() (whatIf, tea.Cmd) {
	item := w.choices()[w.cursor]
	w.cursor, w.err = 0, ""
	switch w.stage {
	case wiSetting:
		w.setting = whatIfSettings[indexOf(whatIfSettings, item)]
		targets := w.setting.targets(w.world())
		switch len(targets) {
		case 0:
			w.err = "this scenario has no " + w.setting.whom() + " to change"
		case 1:
			w.target, w.stage = targets[0], wiValue
		default:
			w.stage = wiTarget
		}
	case wiTarget:
		w.target, w.stage = item, wiValue
	case wiValue:
		if item == w.setting.current(w.world(), w.target) {
			w.err = "that is the value as played: pick another"
			return w, nil
		}
		w.value, w.stage, w.until = item, wiUntil, untilChoices(w.spec.DurationMs, w.nowMs)
	case wiUntil:
		if u := w.until[indexOfLabel(w.until, item)]; u.AtMs >= 0 {
			return w.run(u.AtMs)
		}
		w.stage = wiTypeUntil
		w.typed = w.typed.Open("Run both to", `a time such as "45s" or "2m"`, "", func(string) tea.Msg { return nil })
	}
	return w, nil
}

// updateTyped edits the typed time; enter runs, esc goes back.
func (w whatIf) updateTyped(km tea.KeyMsg) (whatIf, tea.Cmd) {
	switch {
	case key.Matches(km, w.typed.Keys.Cancel):
		w.stage, w.err = wiUntil, ""
	case key.Matches(km, w.typed.Keys.Accept):
		atMs, err := parseRunTime(strings.TrimSpace(string(w.typed.Value)))
		if err == nil {
			err = scenarioOf(w.spec).CheckLimits(atMs)
		}
		if err != nil {
			w.err = err.Error()
			return w, nil
		}
		return w.run(atMs)
	default:
		w.typed.Edit(km)
	}
	return w, nil
}

// run starts both branches.
func (w whatIf) run(untilMs int64) (whatIf, tea.Cmd) {
	w.stage = wiRunning
	req := whatIfRequest{Spec: w.spec, Hand: w.hand, Setting: w.setting, Target: w.target, Value: w.value,
		UntilMs: untilMs, Gen: w.gen}
	return w, func() tea.Msg { return whatIfRunMsg{Req: req} }
}

// Done takes the branches' result if it is still wanted.
func (w whatIf) Done(msg whatIfDoneMsg) whatIf {
	if msg.Result.Req.Gen == w.gen && w.stage == wiRunning {
		w.result, w.stage = msg.Result, wiResult
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

func indexOf(settings []whatIfSetting, name string) int {
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
