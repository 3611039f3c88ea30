// Package lessons is kafkasim's guided course: fourteen lessons kept as
// Markdown files with TOML front matter, a strict loader for them, and a
// [Player] that drives one lesson over the engine — pausing the run at the
// moments that matter, checking the learner's predictions against the
// engine's own numbers, and judging the closing challenge.
//
// It renders nothing: the TUI shows what the Player reports. Dependencies
// point one way: lessons uses scenarios and sim, and ui uses lessons.
//
// A lesson file is content/NN-slug.md: TOML front matter between two +++
// lines, then Markdown in short "## " sections.
//
//	+++
//	number = 5                       # must match NN in the file name
//	title = "Offsets and commits"
//	scenario = "offsets-restart"     # a built-in scenario
//	summary = "one line for the home screen"
//	in_real_kafka = '''...'''   # optional Markdown: the real commands and configs
//
//	[[stop]]                         # the run pauses here, in time order
//	at = "4s"
//	text = "What to look at now."
//	watch = ["group.billing.lag"]    # optional: metrics to show live
//	code = "consumer.py:commit"      # optional: a program in code/, a #@label line marked
//	when = "group.billing.lost == 0" # optional: text is true when this holds (terms joined by and)
//	else = "..."                     # optional: said instead when it does not
//	  [stop.predict]                 # optional: predict, then observe
//	  question = "..."
//	  metric = "group.billing.duplicated"   # a scenarios.Metric name
//	  reveal = "12s"                 # run to here, then read the metric
//	  choices = ["yes", "no"]        # optional; whole numbers unless means is set
//	  means = ["> 0", "== 0"]        # optional: the condition that makes each choice right
//	  explain = "{value} twice..."   # optional; {value} is the engine's number
//
//	[challenge]
//	goal = "..."
//	hint = "..."                     # i shows it at any time: its first sentence as a nudge, then the rest, then the solution
//	setup = "..."                    # optional
//	scenario = "replication"         # optional: another scenario for the challenge
//	timeline = "traffic"             # "traffic" (default): only produce/note entries; "full"
//	by = "30s"                       # optional: when to judge; default the scenario's end
//	  [[challenge.expect]]           # scenarios.Expect: all must hold
//	  group = "billing"
//	  duplicated = "> 0"
//	  [[challenge.solution]]         # scenarios.TimelineEntry: one way to pass
//	  at = "6s"
//	  do = "crash-consumer"
//	  group = "billing"
//	  consumer = 1
//	+++
//
// Answers are never written in a lesson: a prediction is judged against
// the engine's value at reveal time, and tests play every solution and
// check that doing nothing fails.
package lessons
