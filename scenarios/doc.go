// Package scenarios loads, checks and runs kafkasim's scenarios: TOML files
// that script a situation for the engine (package sim): a cluster, topics,
// producers, consumer groups, a timeline of faults with narration, and
// expectations that pin down what the scenario teaches.
//
// Dependencies point one way: scenarios uses sim; lessons, quiz, ui, cli
// and main use scenarios.
//
// # The format
//
//	title = "At-least-once: a crash before the commit"
//	description = """Markdown shown before the run starts."""
//	seed = 7              # default seed; kafkasim run --seed overrides it
//	duration = "60s"      # virtual time a run lasts
//	kafkasim_version = "v1.2.0"   # written by exported runs (Export); informational
//
//	[cluster]
//	brokers = 3           # numbered from 1
//	metadata = "kraft"    # or "zookeeper"
//	controllers = 3       # KRaft: dedicated controller nodes 4-6; 0 (default) = brokers 1-3 vote
//	network_delay = "2ms" # one-way latency between nodes
//	config = { "replica.lag.time.max.ms" = 5000 }   # broker configs
//
//	[[topic]]
//	name = "orders"
//	partitions = 3
//	replication_factor = 3
//	# replicas = [[1, 2, 3], [2, 3, 1], [3, 1, 2]]  # optional: each partition's
//	#   brokers, leader first (kafka-topics --replica-assignment); sets
//	#   partitions and replication_factor, and pins the layout on every seed
//	config = { "min.insync.replicas" = 2, "cleanup.policy" = "delete" }
//
//	[[producer]]
//	id = "order-service"
//	topic = "orders"
//	rate = 20             # sends per virtual second (0: only timeline produces)
//	count = 200           # stop after this many sends, timeline produces included
//	keys = ["user-1", "user-2"]   # cycled; omit for null keys
//	start = "2s"
//	# values: made-up record values, computed from the producer and the
//	#   send's number (default "<id>#<n>"): readings in degrees that warm
//	#   and cool over a cycle of sends, or a payload of a fixed size
//	values = { kind = "temperature", min = 18, max = 34, cycle = 60 }
//	# values = { kind = "payload", bytes = 1000 }
//	config = { acks = "all", "enable.idempotence" = true, retries = 2147483647 }
//
//	[[group]]
//	id = "inventory"
//	topics = ["orders"]
//	consumers = 2         # c1, c2
//	processing = "20ms"   # per record; "0s" is allowed
//	commit = "after-processing"   # before-processing | after-processing | auto | transactional
//	commit_async = true
//	async_processing = true       # hand records to a worker thread and poll again at once
//	output_topic = "enriched"     # transactional groups write here
//	start = "1s"
//	alert_when = "value > 30"     # a threshold consumer: alert on records whose value meets it
//	config = { "auto.offset.reset" = "earliest", "session.timeout.ms" = 10000 }
//
//	[[timeline]]
//	at = "5s"
//	do = "crash-consumer"
//	group = "inventory"
//	consumer = 1          # c1
//	say = "Narration shown when it happens."
//	when = "group.g.lost == 0"   # optional: say is true when this holds (terms joined by and)
//	else = "..."                 # optional: said instead when it does not
//
//	[[expect]]
//	group = "inventory"
//	duplicated = "> 0"
//	lost = "== 0"
//
// Expectations compare a group's exactly_once, duplicated, lost, skipped,
// pending, processed, generation, members, idle, lag, fetches,
// fetched_bytes, latency_avg_ms and latency_max_ms (send() to fetch) and
// alerts; a producer's sent, acked, failed, inflight, retries, requests
// and bytes_sent (compressed); a partition's leader, epoch, hw, leo,
// log_start, isr_size, replicas_in_sync and size_bytes (stored); see
// Metric.
//
// Timeline commands (all take at and say): crash-broker, restart-broker
// (broker); crash-controller, restart-controller (controller: a dedicated
// controller node's id); slow-broker (broker, delay: "0s" heals); drop-acks (broker,
// count); crash-producer (producer); crash-consumer, restart-consumer,
// close-consumer, pause-consumer, resume-consumer (group, consumer);
// add-consumer (group); add-partitions (topic, partitions: the new total);
// reset-offsets (group, topic, to: "earliest" or "latest"; the group must
// have no live member, as kafka-consumer-groups --reset-offsets requires);
// produce (producer, key, value, count: default 1; no key is a null key,
// no value a tombstone); note (say only).
//
// A live session (kafkasim serve, exported with x or --export) scripts its
// clients with two more: client-request (broker; request, Kafka's API
// name and version, "Produce v9"; body, the request after its header in
// base64; client, the client id; host) hands those bytes to the same
// protocol handlers at that time, so the engine decides the same;
// answer-fetch (broker, fetch: n) answers the n-th Fetch that found no
// records and waited, at the time the live broker answered it. Both run
// after everything else due in their millisecond, as on the live server;
// late = true makes any other command do the same (a fault given on the
// live run). A body that is not base64 or does not read as the request
// named is reported at its line, like any other key.
//
// Config keys are Kafka's own property names, with values written as TOML
// strings or natural types (acks = 1, acks = "all", retries = 5, a list for
// partition.assignment.strategy); sim's Set*Prop functions apply them.
//
// # Defaults
//
// Kafka's own, for sim.KafkaVersion: a producer gets the Java client's
// configs (acks=all, idempotence on: turned off, as the client does, when
// acks, retries or max.in.flight conflict with it and it was not set
// explicitly); a group gets the consumer's (enable.auto.commit=true, so
// commit = "auto"; auto.offset.reset=latest; session.timeout.ms=45000); a
// topic without partitions or replication_factor takes the cluster's
// num.partitions and default.replication.factor. Without replicas the
// seed places replicas as Kafka does, so a scenario whose lesson depends on
// which broker leads pins it with replicas. Where Kafka has no
// default: seed 1, duration 60s, 3 brokers, KRaft, 1 consumer per group,
// processing 10ms per record.
//
// # Checks
//
// Decoding is strict and reports every problem in a file, each as
// "FILE:LINE: KEY: message (hint: ...)": unknown keys, wrong types, bad
// durations, unknown configs or values, brokers, consumers, producers,
// groups or topics that do not exist (consumers counted as the timeline
// adds them), replication factors above the broker count, partitions that
// shrink, timeline entries after the end, and what a Kafka broker or
// client would refuse (idempotence with acks=1, a session timeout outside
// the broker's bounds). The Max* limits keep a file from asking the machine
// for more than it has; keys and values nest at most MaxDepth (64) levels,
// and one file prints at most MaxProblemsShown problems and a count of the
// rest.
//
// # Cost
//
// Before a run, EstimateCost sums the engine work a scenario asks for:
// records (cheaper in batches: one produce request per partition per
// linger.ms at most), follower replicas × virtual time, consumers ×
// virtual time, brokers × virtual time, and timeline entries, each with a
// coefficient measured on scenario-shaped runs, and an estimate of memory.
// Run and kafkasim validate refuse a run estimated over the budget
// (DefaultBudget, 2 minutes of machine time; --budget raises it to at most
// MaxBudget, a week) or over MaxMemoryBytes, naming the largest part and
// the key to change. The Max* limits are ceilings set from the same model
// (see limits.go). A headless run reports Progress and can be stopped
// part-way; its summary then covers what ran.
//
// Text in a scenario is untrusted: titles, descriptions, narration, keys
// and values are passed through Sanitize, and every string printed by
// Run is sanitized again.
package scenarios
