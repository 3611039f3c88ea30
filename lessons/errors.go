package lessons

import "kafkasim/scenarios"

// Error is one problem in a lesson file. Lessons report mistakes the way
// scenario files do: "file:line: key: message (hint: ...)".
type Error = scenarios.Problem

// Errors is every problem found while loading, in file and line order.
type Errors = scenarios.Problems

// orNil returns nil for no problems, avoiding the typed-nil trap.
func orNil(es Errors) error {
	if len(es) == 0 {
		return nil
	}
	return es
}
