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
//   - Position validation: after a leader change a consumer checks its
//     position with OffsetsForLeaderEpoch and seeks back to where the log
//     diverged (KIP-320). consumer_validate.go.
//   - Delivery ledger: what became of every send(): acked, failed, in
//     flight; per group exactly once, duplicated, lost, skipped, pending.
//     ledger, Ledger, Fates.
package sim
