package quiz

import "kafkasim/scenarios"

// Error is one problem found in a bank file. The bank reports mistakes the
// way scenario files do: "file:line: key: message (hint: ...)".
type Error = scenarios.Problem

// Errors is every problem found while loading, in file and line order.
type Errors = scenarios.Problems

// orNil returns nil for no problems, so callers can return it as an error
// without the typed-nil trap.
func orNil(es Errors) error {
	if len(es) == 0 {
		return nil
	}
	return es
}
