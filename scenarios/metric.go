package scenarios

import (
	"fmt"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// The fields each kind of metric subject has.
var (
	groupMetrics     = []string{"exactly_once", "duplicated", "lost", "skipped", "pending", "processed", "generation", "members", "idle", "lag", "fetches", "fetched_bytes", "latency_avg_ms", "latency_max_ms", "alerts"}
	producerMetrics  = []string{"sent", "acked", "failed", "inflight", "retries", "requests", "bytes_sent"}
	partitionMetrics = []string{"leader", "epoch", "hw", "leo", "log_start", "isr_size", "replicas_in_sync", "size_bytes"}
	globalMetrics    = []string{"log_duplicates", "brokers_up", "controller"}
)

// metricRef is a parsed metric name.
type metricRef struct {
	kind    string // "group", "producer", "partition" or "" (global)
	subject string // group or producer id
	tp      sim.TopicPartition
	field   string // "lag", or "committed" with tp set
}

// parseMetric splits a metric name. Ids and topic names may contain dots,
// so the subject is the longest of the known names that fits.
func parseMetric(name string, groups, producers []string) (metricRef, error) {
	if contains(globalMetrics, name) {
		return metricRef{field: name}, nil
	}
	kind, rest, _ := strings.Cut(name, ".")
	switch kind {
	case "group", "producer":
		known, fields := groups, groupMetrics
		if kind == "producer" {
			known, fields = producers, producerMetrics
		}
		subject := ""
		for _, k := range known {
			if strings.HasPrefix(rest, k+".") && len(k) > len(subject) {
				subject = k
			}
		}
		if subject == "" {
			return metricRef{}, fmt.Errorf("metric %q: no %s by that name", name, kind)
		}
		ref := metricRef{kind: kind, subject: subject, field: rest[len(subject)+1:]}
		if tpName, ok := strings.CutPrefix(ref.field, "committed."); ok && kind == "group" {
			tp, err := parseTopicPartition(tpName)
			if err != nil {
				return metricRef{}, fmt.Errorf("metric %q: %v", name, err)
			}
			ref.tp, ref.field = tp, "committed"
			return ref, nil
		}
		if !contains(fields, ref.field) {
			return metricRef{}, fmt.Errorf("metric %q: %s has no %q (it has %s)", name, kind, ref.field, strings.Join(fields, ", "))
		}
		return ref, nil
	case "partition":
		i := strings.LastIndexByte(rest, '.')
		if i < 0 {
			return metricRef{}, fmt.Errorf("metric %q: write partition.<topic>-<p>.<field>", name)
		}
		tp, err := parseTopicPartition(rest[:i])
		if err != nil {
			return metricRef{}, fmt.Errorf("metric %q: %v", name, err)
		}
		ref := metricRef{kind: kind, tp: tp, field: rest[i+1:]}
		if !contains(partitionMetrics, ref.field) {
			return metricRef{}, fmt.Errorf("metric %q: a partition has no %q (it has %s)", name, ref.field, strings.Join(partitionMetrics, ", "))
		}
		return ref, nil
	}
	return metricRef{}, fmt.Errorf("unknown metric %q: names start with group., producer. or partition., or are one of %s",
		name, strings.Join(globalMetrics, ", "))
}

// parseTopicPartition reads "orders-2".
func parseTopicPartition(s string) (sim.TopicPartition, error) {
	i := strings.LastIndexByte(s, '-')
	if i <= 0 {
		return sim.TopicPartition{}, fmt.Errorf("%q is not a partition: write <topic>-<number>, such as orders-0", s)
	}
	p, err := strconv.Atoi(s[i+1:])
	if err != nil || p < 0 {
		return sim.TopicPartition{}, fmt.Errorf("%q is not a partition: write <topic>-<number>, such as orders-0", s)
	}
	return sim.TopicPartition{Topic: s[:i], Partition: p}, nil
}

// Metric reads one number from a snapshot by name. Names:
//
//	group.<G>.<exactly_once|duplicated|lost|skipped|pending|processed|generation|members|idle|lag>
//	group.<G>.<fetches|fetched_bytes|latency_avg_ms|latency_max_ms|alerts>
//	group.<G>.committed.<topic>-<p>        (-1 when none)
//	producer.<P>.<sent|acked|failed|inflight|retries|requests|bytes_sent>
//	partition.<topic>-<p>.<leader|epoch|hw|leo|log_start|isr_size|replicas_in_sync|size_bytes>
//	log_duplicates, brokers_up, controller
//
// members counts the consumers that are live in the group (not crashed or
// closed); idle those with no partitions; lag sums the lag of the
// partitions that have a committed offset. leader and controller are
// broker ids, 0 for none; replicas_in_sync counts ISR members whose broker
// is up.
func Metric(snap sim.Snapshot, name string) (int64, error) {
	var groups, producers []string
	for _, g := range snap.Groups {
		groups = append(groups, g.ID)
	}
	for _, p := range snap.Producers {
		producers = append(producers, p.ID)
	}
	ref, err := parseMetric(name, groups, producers)
	if err != nil {
		return 0, err
	}
	switch ref.kind {
	case "group":
		return groupMetric(snap, ref)
	case "producer":
		return producerMetric(snap, ref)
	case "partition":
		return partitionMetric(snap, ref)
	}
	switch ref.field {
	case "log_duplicates":
		return int64(snap.Ledger.LogDuplicates), nil
	case "brokers_up":
		n := 0
		for _, b := range snap.Brokers {
			if b.State != sim.BrokerDown {
				n++
			}
		}
		return int64(n), nil
	default: // controller
		return int64(snap.Controller), nil
	}
}

func groupMetric(snap sim.Snapshot, ref metricRef) (int64, error) {
	var g *sim.GroupView
	for i := range snap.Groups {
		if snap.Groups[i].ID == ref.subject {
			g = &snap.Groups[i]
		}
	}
	if g == nil {
		return 0, fmt.Errorf("no group %q", ref.subject)
	}
	switch ref.field {
	case "exactly_once", "duplicated", "lost", "skipped", "pending", "processed":
		for _, l := range snap.Ledger.Groups {
			if l.ID == ref.subject {
				return int64(map[string]int{"exactly_once": l.ExactlyOnce, "duplicated": l.Duplicated,
					"lost": l.Lost, "skipped": l.Skipped, "pending": l.Pending, "processed": l.Processed}[ref.field]), nil
			}
		}
		return 0, nil // no ledger entry yet: nothing happened to it
	}
	if n, ok := groupFlowMetric(g.Flow, ref.field); ok {
		return n, nil
	}
	var n int64
	switch ref.field {
	case "generation":
		return int64(g.Generation), nil
	case "members", "idle":
		for _, m := range g.Members {
			live := m.State != sim.MemberCrashed && m.State != sim.MemberClosed
			if ref.field == "members" && live || ref.field == "idle" && m.State == sim.MemberIdle {
				n++
			}
		}
	case "lag":
		for _, o := range g.Offsets {
			if o.Committed >= 0 && o.Lag > 0 {
				n += o.Lag
			}
		}
	case "committed":
		for _, o := range g.Offsets {
			if o.Topic == ref.tp.Topic && o.Partition == ref.tp.Partition {
				return o.Committed, nil
			}
		}
		return -1, nil
	}
	return n, nil
}

func producerMetric(snap sim.Snapshot, ref metricRef) (int64, error) {
	for _, p := range snap.Producers {
		if p.ID != ref.subject {
			continue
		}
		switch ref.field {
		case "sent":
			return int64(p.Sent), nil
		case "acked":
			return int64(p.Acked), nil
		case "failed":
			return int64(p.Failed), nil
		case "inflight":
			return int64(p.InFlight), nil
		case "requests":
			return int64(p.Flow.Requests), nil
		case "bytes_sent":
			return p.Flow.BytesSent, nil
		default:
			return int64(p.Retries), nil
		}
	}
	return 0, fmt.Errorf("no producer %q", ref.subject)
}

func partitionMetric(snap sim.Snapshot, ref metricRef) (int64, error) {
	for _, t := range snap.Topics {
		if t.Name != ref.tp.Topic {
			continue
		}
		for _, p := range t.Partitions {
			if p.Partition != ref.tp.Partition {
				continue
			}
			switch ref.field {
			case "leader":
				return int64(p.Leader), nil
			case "epoch":
				return int64(p.LeaderEpoch), nil
			case "hw":
				return p.HighWatermark, nil
			case "leo":
				return p.LogEnd, nil
			case "log_start":
				return p.LogStart, nil
			case "isr_size":
				return int64(len(p.ISR)), nil
			case "size_bytes":
				return p.SizeBytes, nil
			default:
				n := 0
				for _, r := range p.ReplicaLogs {
					if r.InSync && r.Online {
						n++
					}
				}
				return int64(n), nil
			}
		}
	}
	return 0, fmt.Errorf("no partition %s", ref.tp)
}

// groupFlowMetric reads the fetch and alert numbers of a group.
func groupFlowMetric(f sim.GroupFlow, field string) (int64, bool) {
	switch field {
	case "fetches":
		return int64(f.Fetches), true
	case "fetched_bytes":
		return f.FetchedBytes, true
	case "latency_avg_ms":
		return f.LatencyAvgMs, true
	case "latency_max_ms":
		return f.LatencyMaxMs, true
	case "alerts":
		return int64(f.Alerts), true
	}
	return 0, false
}
