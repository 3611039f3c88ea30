// Package keys holds the keymaps of the TUI's shared scopes (global,
// simulator, drill-down, menu, prompt, home) and the help's layout.
package keys
