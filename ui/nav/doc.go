// Package nav is what screens tell the root model: the screen names, the
// messages that open a screen, go back or report an error, and the catalog
// entries the home screen lists. Screens route through it, never through
// each other.
package nav
