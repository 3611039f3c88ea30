// Package sandbox lets a learner type Kafka's own command-line tools
// against the simulated cluster and see what the real tools print.
//
// A Session wraps a sim.Run. Exec takes one command line: kafka-topics,
// kafka-console-producer, kafka-console-consumer, kafka-consumer-groups,
// kafka-configs, kafka-get-offsets and kafka-producer-perf-test (with or
// without a bin/ or ./bin/ prefix and .sh), or one
// of the simulator's verbs (crash/restart/slow broker N, crash/restart/
// close/pause/resume consumer GROUP N, add consumer GROUP, step [N],
// play [DURATION], help). Every change goes through the run's Apply, so
// stepping the run back replays it; commands that only read change
// nothing. A console producer puts the session in input mode: each Input
// line is one record, EndInput is Ctrl-D. RunScript plays a file of such
// lines for teachers and tests; Complete and History serve the TUI's
// command line.
//
// Output follows Kafka 3.9's tools, checked against their source
// (TopicCommand, ConsoleProducer, ConsoleConsumer and
// DefaultMessageFormatter, ConsumerGroupCommand, ConfigCommand): the same
// lines, tabs, column widths, error prefixes and even the row order of
// tables Kafka prints by iterating a java.util.HashMap (see javamap.go).
// Where the sandbox departs from a real terminal it says so:
//
//   - Lines starting with "hint: " are the sandbox's plain-English
//     explanations, never Kafka's.
//   - Log lines ("[2024-01-01 00:00:09,056] WARN ...") and record
//     timestamps (CreateTime) carry the virtual clock, counted from
//     2024-01-01 00:00:00 UTC; Kafka's stack traces after an exception's
//     first line are left out (a hint says where), as is the option table
//     a usage error prints after its message.
//   - Record headers live beside the engine's records, keyed by topic id,
//     partition and offset (headers.go).
//   - The console consumer stops by itself once it has read everything
//     there is (the real one waits for Ctrl-C), then prints "Processed a
//     total of N messages" as the real one does on exit. Ended with "&"
//     it keeps running as a background job instead, in its group (or the
//     tool's own console-consumer-NNNNN group), printing what it reads
//     after each later command until 'kill %N' (jobs.go). With --group it
//     joins (or creates) the group, is closed on exit (committing its
//     position, as close() does) and leaves; without --group it reads
//     without a group, which matches what remains after the real tool's
//     random, never-committing group has gone.
//   - The console producer waits for each record's acknowledgement before
//     taking the next line, so failures appear right under the line.
//   - kafka-consumer-groups --reset-offsets prints its table one row per
//     line, as Kafka 3.9.1 does (3.9.0 printed it on one line, a bug).
//   - kafka-topics --zookeeper is accepted with a note that Kafka 3.0
//     removed it.
//
// The brokers listen on localhost:9092, localhost:9093, ... (broker N on
// port 9091+N); another address fails as a real client would, with its
// warning. One command never takes more than stepBudget engine steps, so
// a very large cluster slows the sandbox down but cannot freeze it.
package sandbox
