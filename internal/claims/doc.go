// Package claims holds tests that read every learner-facing text (the quiz
// bank, the generated questions, the lessons and the scenarios' narration)
// and check what it states against Kafka: rules once stated wrongly must
// not come back, and every default quoted next to a config name must be
// the engine's default for that config.
package claims
