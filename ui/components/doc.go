// Package components holds the pieces several screens draw with: the pane
// frame, the prompt, the fault menu, the timeline slider, the cell cache,
// header, fate words and text helpers that cut with "…".
package components
