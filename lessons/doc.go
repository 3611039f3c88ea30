// Package lessons is kafkasim's guided course: fourteen lessons kept as
// Markdown files with TOML front matter, a strict loader for them, and a
// [Player] that drives one lesson over the engine — pausing the run at the
// moments that matter, checking the learner's predictions against the
// engine's own numbers, and judging the closing challenge.
//
// It renders nothing: the TUI shows what the Player reports. Dependencies
// point one way: lessons uses scenarios and sim, and ui uses lessons.
//
// A lesson file looks like this:
//
//	+++
//	number = 5
//	title = "Offsets and commits"
//	scenario = "offsets-restart"
//	summary = "one line for the home screen"
//	[[stop]]
//	at = "4s"
//	text = "What to look at now."
//	  [stop.predict]
//	  question = "..."
//	  metric = "group.billing.committed.orders-1"
//	  reveal = "12s"
//	[challenge]
//	goal = "..."
//	hint = "..."
//	  [[challenge.expect]]
//	  group = "billing"
//	  duplicated = "> 0"
//	  [[challenge.solution]]
//	  at = "6s"
//	  do = "crash-consumer"
//	+++
//	Markdown body, in short "## " sections.
package lessons
