package ui

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"kafkasim/ui/cmdline"
	"kafkasim/ui/keys"
	"kafkasim/ui/lesson"
	quizui "kafkasim/ui/quiz"
	"kafkasim/ui/whatif"
)

// screenKeymaps are the bindings of every screen's keymap, by screen:
// what the `?` help of each screen draws from. The keys that type an
// answer (a question's letters and digits) are left out: while a question
// is open they are its input, not commands.
func screenKeymaps() map[string][]key.Binding {
	g := keys.NewGlobal()
	flat := func(groups ...[][]key.Binding) []key.Binding {
		var out []key.Binding
		for _, gr := range groups {
			for _, col := range gr {
				out = append(out, col...)
			}
		}
		return out
	}
	s := keys.NewSim(g)
	s.Drill.SetEnabled(true) // enabled by the focused pane
	s.History.SetEnabled(true)
	l := lesson.NewLessonKeys(g)
	l.Sim.Drill.SetEnabled(true)
	l.Sim.History.SetEnabled(true)
	q := quizui.NewQuizKeys(g)
	wi := whatif.NewWhatIfKeys()
	return map[string][]key.Binding{
		"home":    flat(keys.NewHome(g).FullHelp()),
		"sim":     flat(s.FullHelp()),
		"drill":   flat(keys.NewDrill().FullHelp()),
		"menu":    flat(keys.NewMenu().FullHelp()),
		"lesson":  withoutAnswerKeys(flat(l.LessonHelp(), l.ReadingHelp(), l.Sim.FullHelp()), l),
		"quiz":    {q.Up, q.Down, q.Enter, q.Toggle, q.MoveUp, q.MoveDown, q.Open, q.End, q.PageUp, q.PageDown, g.Help, g.Back, g.Quit},
		"cmdline": flat(cmdline.NewKeys().FullHelp()),
		"what-if": flat(wi.FullHelp(), wi.Menu.FullHelp()),
	}
}

// meanings names what a key's help words mean, where screens word one
// action in their own terms: the learner sees one action, said in the
// place's words. A help text not listed means itself.
var meanings = map[string]string{
	"scroll up": "up", "previous record": "up", "history": "up", "move": "up",
	"scroll down": "down", "next record": "down",
	"page up": "page up", "scroll": "page up",
	"back": "back/close", "close": "back/close",
	// ← → move along what the screen shows: time, sections, fates.
	"prev section": "previous", "previous fate": "previous", "prev pane": "previous", "step back": "previous",
	"step": "next", "next section": "next", "next fate": "next", "next pane": "next",
	"prev mark": "previous mark", "previous stop": "previous mark",
	"next mark": "next mark", "next stop": "next mark",
	"restart run": "restart", "challenge / check": "challenge",
	"open scenario": "open the scenario", "open the tour": "open the scenario",
	"another what-if": "what if", "share run": "export the run", "write a lesson of this run": "export the run",
}

// keyExceptions are keys that mean different things on different screens
// on purpose, and why.
var keyExceptions = map[string]string{
	"enter": "the screen's main action; every footer names what it does there",
	" ":     "play/pause a run; the lesson text pages down like a pager; a quiz ticks a box",
	"tab":   "in the command line tab completes, as every shell does",
	"up":    "the arrows move the list or the view showing; also k in the same places",
	"down":  "see up",
}

// TestKeymapOneMeaning fails when a key means two different things on two
// screens, unless it is a listed exception.
func TestKeymapOneMeaning(t *testing.T) {
	byKey := map[string]map[string][]string{}
	for name, bs := range screenKeymaps() {
		for _, b := range bs {
			if !b.Enabled() {
				continue
			}
			m := b.Help().Desc
			if v, ok := meanings[m]; ok {
				m = v
			}
			for _, k := range b.Keys() {
				if byKey[k] == nil {
					byKey[k] = map[string][]string{}
				}
				byKey[k][m] = append(byKey[k][m], name)
			}
		}
	}
	for k, ms := range byKey {
		if len(ms) < 2 || keyExceptions[k] != "" {
			continue
		}
		var parts []string
		for d, s := range ms {
			parts = append(parts, fmt.Sprintf("%q on %v", d, s))
		}
		sort.Strings(parts)
		t.Errorf("key %q means %s", k, strings.Join(parts, " and "))
	}
}

// withoutAnswerKeys drops a question's letters, digits and erase.
func withoutAnswerKeys(bs []key.Binding, l lesson.LessonKeys) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if k := strings.Join(b.Keys(), ","); k != strings.Join(l.Letter.Keys(), ",") &&
			k != strings.Join(l.Digit.Keys(), ",") && k != strings.Join(l.Erase.Keys(), ",") {
			out = append(out, b)
		}
	}
	return out
}
