// Package home is the launcher: lessons, scenarios, sandbox and quiz side
// by side, with a preview of the highlighted item.
package home
