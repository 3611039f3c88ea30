// Package whatif is the simulator screen's what-if: choose one setting,
// replay the run from the start both ways, and compare the two ledgers.
package whatif
