package ui

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
)

// fateOrder is the order of the ledger's counts, and of ←/→ in the
// drill-down.
var fateOrder = []sim.Fate{sim.FateExactlyOnce, sim.FateDuplicated, sim.FateLost, sim.FatePending}

// fateShort is a fate as the ledger's counts name it.
func fateShort(f sim.Fate) string {
	switch f {
	case sim.FateDuplicated:
		return "dup"
	case sim.FateLost:
		return "lost"
	case sim.FatePending:
		return "pending"
	}
	return "once"
}

// fateMark is the mark a listed record's cells get in the partition logs:
// the same symbol in the list's title, so it never rests on colour.
func fateMark(f sim.Fate) rune {
	switch f {
	case sim.FateDuplicated:
		return '▒'
	case sim.FateLost:
		return '✕'
	case sim.FatePending:
		return '○'
	}
	return '✓'
}

// fateWord names a fate in full.
func fateWord(f sim.Fate) string {
	switch f {
	case sim.FateDuplicated:
		return "duplicated"
	case sim.FateLost:
		return "lost"
	case sim.FatePending:
		return "pending"
	}
	return "exactly once"
}

// fateMeaning says in a few words what a fate means for the group.
func fateMeaning(f sim.Fate) string {
	switch f {
	case sim.FateDuplicated:
		return "processed more than once"
	case sim.FateLost:
		return "never processed, and never will be"
	case sim.FatePending:
		return "not processed yet, still readable"
	}
	return "processed one time"
}

// fateStyle is the colour role of a fate; its mark goes with it.
func fateStyle(st *Styles, f sim.Fate) lipgloss.Style {
	switch f {
	case sim.FateDuplicated:
		return st.Duplicated
	case sim.FateLost:
		return st.Lost
	case sim.FatePending:
		return st.Pending
	}
	return st.Once
}
