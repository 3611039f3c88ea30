// Package sim is kafkasim's engine: a deterministic discrete-event simulation
// of a Kafka cluster. It moves only when stepped, takes its time from a
// virtual clock (milliseconds) and its randomness from seeded PCG streams,
// and does no I/O. The same Config, seed and commands give the same events,
// byte for byte (see Digest).
//
// Glossary: each Kafka term the engine models, and where.
//
//   - Broker: a Kafka server; up, down or slow. broker.
//   - Controller: the node that fences brokers, commits ISR changes and
//     elects partition leaders; the active member of the KRaft quorum, or in
//     ZooKeeper mode the broker holding /controller. controller.go.
//   - Controller quorum: the KRaft voters (controller.quorum.voters), brokers
//     1-3 in combined mode or dedicated controller nodes; with no majority
//     alive there is no active controller and no metadata change. quorum.go.
//   - AlterPartition: a leader's request to change its ISR, committed by
//     the controller; it waits while there is none. isr.go.
//   - Topic, partition: a named log split into ordered, independently
//     replicated partitions. topic, partition.
//   - Replica, leader, follower: copies of a partition on several brokers;
//     the leader takes writes, followers fetch from it. replica.
//   - Replica fetcher, fetch session: each follower broker sends one fetch
//     request per leader broker, carrying every partition it follows from
//     it; an empty one waits replica.fetch.wait.max.ms (KIP-227).
//     fetchSession.
//   - Log end offset (LEO): the next offset a replica will write. replica.leo.
//   - High watermark (HW): the smallest LEO in the ISR; consumers read only
//     below it. partition.hw.
//   - ISR: the in-sync replicas, those within replica.lag.time.max.ms of the
//     leader. partition.isr.
//   - Leader epoch: bumped by each new leader; a returning replica truncates
//     to where its log parted from the newer leader's. replica.epochs.
//   - Segment: a chunk of a log; retention deletes and compaction rewrites
//     whole closed segments. segment.
//   - Producer, batch, acks: send() calls grouped per partition and sent to
//     leaders; acks says how many replicas must have a batch. producer, batch.
//   - Accumulator, sender: records wait per partition in a batch of up to
//     batch.size bytes; one produce request per broker carries a ready batch
//     of each partition it leads. appendToBatch, drain.
//   - Compression: compression.type compresses each batch (a fixed ratio
//     per codec, a model); the accumulator fills batch.size by its
//     estimated compressed size (CompressionRatioEstimator), the topic's
//     compression.type keeps or recompresses it, and logs count stored
//     bytes. compression.go.
//   - Idempotence: a producer id and per-partition sequence numbers let the
//     leader drop a retried batch it already wrote. pidState.
//   - Producer epoch: bumped when a partition's sequences cannot be resolved
//     (or a transaction aborts); the new epoch numbers from 0. seqState.
//   - Transaction: output records and offsets committed or aborted together,
//     with COMMIT/ABORT markers; read_committed stops at the last stable
//     offset. txn.go.
//   - Consumer group, member, generation: consumers sharing partitions,
//     reassigned in rebalances, each one a new generation. group, member.
//   - Committed offset: the next offset the group will read after a restart.
//     group.committed.
//   - Assignor: range, roundrobin, sticky, cooperative-sticky. Assign.
//   - Static member: a consumer with group.instance.id (KIP-345); restarted
//     within session.timeout.ms it takes its old place without a
//     rebalance, and it never sends LeaveGroup. consumer_static.go.
//   - Poll timeout: poll() not called within max.poll.interval.ms; the
//     heartbeat thread leaves the group (KIP-62). consumer_polltimer.go.
//   - Fetch purgatory: the leader holds a fetch until fetch.min.bytes are
//     readable or fetch.max.wait.ms passes (DelayedFetch).
//     consumer_fetch_wait.go.
//   - Record values: generated from the producer and send number when
//     needed (temperature readings, payloads); a group's alert_when
//     raises alerts on them. values.go, alerts.go.
//   - Position validation: after a leader change a consumer checks its
//     position with OffsetsForLeaderEpoch and seeks back to where the log
//     diverged (KIP-320). consumer_validate.go.
//   - Delivery ledger: what became of every send(): acked, failed, in
//     flight; per group exactly once, duplicated, lost, skipped, pending.
//     ledger, Ledger, Fates.
//
// # A record from send() to its ack
//
//  1. producer.go: send() (KafkaProducer.send) picks a partition
//     (partitioner.go: murmur2 of the key, or the sticky partition).
//  2. accumulator.go: appendToBatch adds it to that partition's open
//     batch, which closes at batch.size bytes or after linger.ms.
//  3. producer_sender.go: drain, the Sender, puts the oldest ready batch of
//     each partition a broker leads into one produce request (sequence
//     numbers from producer_seq.go) and queues its arrival (queue_items.go).
//  4. produce_handler.go: at the leader, produceArrived refuses it or
//     checks its sequence (produce_seqcheck.go) and appends it to the log.
//  5. replication.go, isr.go: followers fetch; the high watermark advances
//     once every in-sync replica has the records.
//  6. produce_purgatory.go: acks=1 is answered at once; acks=all waits
//     until the high watermark passes the batch.
//  7. producer_response.go: the response settles the batch (produce-acked,
//     ledger.go) or the producer retries after a backoff or gives up.
//
// # Files by Kafka concept
//
//   - The run: sim.go (Sim, Step), queue.go, queue_wheel.go, queue_lanes.go
//     and queue_items.go (the event queue), dispatch.go, apply.go and command.go (commands), config.go,
//     validate.go, props.go and props_table.go (configuration).
//   - Brokers and the controller: broker.go, controller.go, quorum.go;
//     clients' metadata refresh: metadata.go.
//   - Topics and logs: topic.go, topic_admin.go, topic_partition.go,
//     assignment.go, log.go, retention.go (retention and compaction).
//   - Replication: replication.go, isr.go.
//   - Producer client: producer.go, partitioner.go, accumulator.go,
//     producer_sender.go, producer_seq.go, producer_inflight.go,
//     producer_response.go, partset.go; the batch list: batch_recs.go,
//     batch_live.go.
//   - Broker side of produce: produce_handler.go, produce_seqcheck.go,
//     produce_purgatory.go.
//   - Consumer client: consumer.go, consumer_join.go, consumer_position.go,
//     consume.go (fetch and process), commit.go, consumer_faults.go,
//     consumer_polltimer.go, consumer_static.go, consumer_validate.go.
//   - Group coordinator: group.go, group_rebalance.go, assignor*.go;
//     what a group processed and committed: group_history.go.
//   - Transactions: txn.go, txn_end.go.
//   - Events and their why: event.go, why.go, why_control.go,
//     why_group.go, canonical.go (the digest's form); the frequent
//     types' sentences, appended to a buffer: why_append*.go.
//   - Keeping events: sim.go (emit), decimal.go (the digest's numbers),
//     run_events.go (a window of the latest), events_discard.go (none),
//     digest_replay.go (a digest replayed when asked, not hashed in play),
//     emit_range.go (the per-batch events hashed straight from their facts).
//   - Outcomes: ledger.go, ledger_origin.go, ledger_fate.go (what a
//     record's send led to, kept apart for checkpoints to share the rest),
//     ledger_summary.go, ledger_tally.go (the counts kept between counts),
//     ledger_openset.go (the unprocessed records, a bit each),
//     ledger_miss.go, fates.go.
//   - Views and time travel: snapshot.go, snapshot_build.go,
//     snapshot_tails.go (a view's windows), query.go, read.go, run.go,
//     run_slices.go, clone.go, chunks.go.
package sim
