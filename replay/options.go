package replay

import (
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// producerOpts maps a scenario producer's Java configs onto kgo options
// (franz-go pkg/kgo/config.go), with a note for each that has no
// equivalent. Durations are scaled by the clock's speed.
func producerOpts(pc sim.ProducerConfig, c clock) ([]kgo.Opt, []string) {
	var opts []kgo.Opt
	var notes []string
	switch pc.Acks {
	case sim.AcksNone:
		opts = append(opts, kgo.RequiredAcks(kgo.NoAck()))
	case sim.AcksLeader:
		opts = append(opts, kgo.RequiredAcks(kgo.LeaderAck()))
	default:
		opts = append(opts, kgo.RequiredAcks(kgo.AllISRAcks()))
	}
	// kgo is idempotent by default and refuses idempotence without
	// acks=all, as the Java producer does since KIP-679.
	if !pc.EnableIdempotence || pc.Acks != sim.AcksAll {
		opts = append(opts, kgo.DisableIdempotentWrite())
	}
	if pc.TransactionalID != "" {
		notes = append(notes, fmt.Sprintf("producer %s: transactional.id is not replayed; it runs idempotent, without transactions", pc.ID))
	}
	if pc.Retries >= 0 {
		opts = append(opts, kgo.RecordRetries(pc.Retries))
	}
	if pc.LingerMs > 0 {
		opts = append(opts, kgo.ProducerLinger(c.real(pc.LingerMs)))
	}
	if pc.BatchSizeBytes > 0 {
		// batch.size is the Java producer's fill target; kgo's batch cap is
		// the nearest knob.
		opts = append(opts, kgo.ProducerBatchMaxBytes(int32(pc.BatchSizeBytes)))
	}
	if pc.DeliveryTimeoutMs > 0 {
		opts = append(opts, kgo.RecordDeliveryTimeout(c.real(pc.DeliveryTimeoutMs)))
	}
	if pc.RequestTimeoutMs > 0 {
		opts = append(opts, kgo.ProduceRequestTimeout(c.real(pc.RequestTimeoutMs)))
	}
	if pc.MaxInFlight > 0 && !pc.EnableIdempotence {
		opts = append(opts, kgo.MaxProduceRequestsInflightPerBroker(pc.MaxInFlight))
	}
	if pc.RetryBackoffMs > 0 {
		opts = append(opts, kgo.RetryBackoffFn(backoff(c.real(pc.RetryBackoffMs), c.real(pc.RetryBackoffMaxMs))))
	}
	if pc.MetadataMaxAgeMs > 0 {
		opts = append(opts, metadataMaxAge(c.real(pc.MetadataMaxAgeMs))...)
	}
	return opts, notes
}

// backoff is retry.backoff.ms doubling up to retry.backoff.max.ms (KIP-580),
// without the jitter.
func backoff(base, maxBackoff time.Duration) func(int) time.Duration {
	return func(tries int) time.Duration {
		d := base
		for i := 1; i < tries && (maxBackoff <= 0 || d < maxBackoff); i++ {
			d *= 2
		}
		if maxBackoff > 0 && d > maxBackoff {
			d = maxBackoff
		}
		return d
	}
}

// groupOpts maps a scenario group's consumer configs onto kgo options.
func groupOpts(gc sim.GroupConfig, c clock) ([]kgo.Opt, []string) {
	opts := []kgo.Opt{kgo.ConsumerGroup(gc.ID), kgo.ConsumeTopics(gc.Topics...),
		// Java runs rebalance callbacks inside poll(), so a batch is
		// processed and committed before its member rejoins; kgo does the
		// same only when rebalances wait for AllowRebalance.
		kgo.BlockRebalanceOnPoll()}
	var notes []string
	if gc.AutoOffsetReset == "latest" {
		opts = append(opts, kgo.ConsumeResetOffset(kgo.NewOffset().AtEnd()))
	} else {
		opts = append(opts, kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
		if gc.AutoOffsetReset == "none" {
			notes = append(notes, fmt.Sprintf("group %s: auto.offset.reset=none has no kgo equivalent here; it starts at the earliest offset", gc.ID))
		}
	}
	switch gc.Commit {
	case sim.CommitAuto:
		// kgo's autocommit commits what the previous poll returned, as
		// Java's commits the positions at the next poll().
		if gc.AutoCommitIntervalMs > 0 {
			opts = append(opts, kgo.AutoCommitInterval(c.real(gc.AutoCommitIntervalMs)))
		}
		if gc.AsyncProcessing {
			notes = append(notes, fmt.Sprintf("group %s: processing on a worker thread is not replayed; records are processed in the polling loop", gc.ID))
		}
	case sim.CommitTransactional:
		// Each member is a kgo GroupTransactSession (transact.go).
		opts = append(opts, kgo.DisableAutoCommit())
	default:
		opts = append(opts, kgo.DisableAutoCommit())
	}
	if bs := balancers(gc.Assignors); len(bs) > 0 {
		opts = append(opts, kgo.Balancers(bs...))
	}
	if gc.SessionTimeoutMs > 0 {
		opts = append(opts, kgo.SessionTimeout(c.real(gc.SessionTimeoutMs)))
	}
	if gc.HeartbeatIntervalMs > 0 {
		opts = append(opts, kgo.HeartbeatInterval(c.real(gc.HeartbeatIntervalMs)))
	}
	if gc.MaxPollIntervalMs > 0 {
		// The rebalance timeout a member sends is max.poll.interval.ms.
		opts = append(opts, kgo.RebalanceTimeout(c.real(gc.MaxPollIntervalMs)))
	}
	if gc.FetchMaxWaitMs > 0 {
		opts = append(opts, kgo.FetchMaxWait(c.real(gc.FetchMaxWaitMs)))
	}
	if gc.IsolationLevel == "read_committed" {
		opts = append(opts, kgo.FetchIsolationLevel(kgo.ReadCommitted()))
	}
	if gc.MetadataMaxAgeMs > 0 {
		opts = append(opts, metadataMaxAge(c.real(gc.MetadataMaxAgeMs))...)
	}
	return opts, notes
}

// metadataMaxAge is metadata.max.age.ms. kgo refuses a max age below its
// metadata min age (5s by default, 10ms at the least: config.go's
// validation), which a scaled clock easily goes under, so the min age
// follows it down.
func metadataMaxAge(age time.Duration) []kgo.Opt {
	age = max(age, 10*time.Millisecond)
	return []kgo.Opt{kgo.MetadataMaxAge(age), kgo.MetadataMinAge(min(age, 5*time.Second))}
}

// balancers maps partition.assignment.strategy names to kgo's balancers.
func balancers(names []string) []kgo.GroupBalancer {
	var out []kgo.GroupBalancer
	for _, n := range names {
		switch n {
		case sim.AssignorRange:
			out = append(out, kgo.RangeBalancer())
		case sim.AssignorRoundRobin:
			out = append(out, kgo.RoundRobinBalancer())
		case sim.AssignorSticky:
			out = append(out, kgo.StickyBalancer())
		case sim.AssignorCooperativeSticky:
			out = append(out, kgo.CooperativeStickyBalancer())
		}
	}
	return out
}
