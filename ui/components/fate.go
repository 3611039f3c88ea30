package components

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/theme"
)

// FateOrder is the order of the ledger's counts, and of ←/→ in the
// drill-down.
var FateOrder = []sim.Fate{sim.FateExactlyOnce, sim.FateDuplicated, sim.FateLost, sim.FateSkipped, sim.FatePending}

// fateText is how the UI names and marks one fate.
type fateText struct {
	short   string // as the ledger's counts name it
	tiny    string // the same where the ledger is narrow
	word    string // in full
	meaning string // what it means for the group
	// mark is what a listed record's cells get in the partition logs: the
	// same symbol as in the list's title, so it never rests on colour.
	mark rune
}

var fateTexts = map[sim.Fate]fateText{
	sim.FateExactlyOnce: {"once", "once", "exactly once", "processed one time", '✓'},
	sim.FateDuplicated:  {"dup", "dup", "duplicated", "processed more than once", '▒'},
	sim.FateLost:        {"lost", "lost", "lost", "never processed, and never will be", '✕'},
	sim.FateSkipped:     {"skipped", "skip", "skipped", "never read: the group started or was reset past it, or compaction kept a newer value", '»'},
	sim.FatePending:     {"pending", "pend", "pending", "not processed yet, still readable", '○'},
}

// textOf falls back to exactly once, as the ledger's first count.
func textOf(f sim.Fate) fateText {
	if t, ok := fateTexts[f]; ok {
		return t
	}
	return fateTexts[sim.FateExactlyOnce]
}

func FateShort(f sim.Fate) string   { return textOf(f).short }
func FateTiny(f sim.Fate) string    { return textOf(f).tiny }
func FateMark(f sim.Fate) rune      { return textOf(f).mark }
func FateWord(f sim.Fate) string    { return textOf(f).word }
func FateMeaning(f sim.Fate) string { return textOf(f).meaning }

// FateStyle is the colour role of a fate; its mark goes with it.
func FateStyle(st *theme.Styles, f sim.Fate) lipgloss.Style {
	switch f {
	case sim.FateDuplicated:
		return st.Duplicated
	case sim.FateLost:
		return st.Lost
	case sim.FateSkipped:
		return st.Skipped
	case sim.FatePending:
		return st.Pending
	}
	return st.Once
}
