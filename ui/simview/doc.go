// Package simview is the simulator screen: the cluster, logs, groups,
// producers, ledger and narration panes, with motion, the layout, the
// record inspector, drill-downs, scrubbing, mouse, export, the what-if and
// command-line hosts, and the live screen (the same screen on a run that
// kafkasim serve drives).
package simview
