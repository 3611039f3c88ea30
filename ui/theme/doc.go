// Package theme is every style the TUI draws with: semantic colour roles
// built once per lipgloss renderer, so tests and NO_COLOR get plain text.
package theme
