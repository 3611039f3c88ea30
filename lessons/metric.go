package lessons

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Metric fields the engine answers for, by the kind of thing they describe.
// They mirror scenarios.Metric; a lesson test also asks the engine itself.
var (
	groupFields     = fieldSet("exactly_once", "duplicated", "lost", "skipped", "pending", "processed", "generation", "members", "idle", "lag")
	producerFields  = fieldSet("sent", "acked", "failed", "inflight", "retries")
	partitionFields = fieldSet("leader", "epoch", "hw", "leo", "log_start", "isr_size", "replicas_in_sync")
	clusterMetrics  = fieldSet("log_duplicates", "brokers_up", "controller")
)

func fieldSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// CheckMetricName reports whether name is a metric the engine can be asked
// for: group.<G>.<field>, group.<G>.committed.<topic>-<p>,
// producer.<P>.<field>, partition.<topic>-<p>.<field>, or one of
// log_duplicates, brokers_up, controller.
func CheckMetricName(name string) error {
	if clusterMetrics[name] {
		return nil
	}
	kind, rest, ok := strings.Cut(name, ".")
	if !ok || rest == "" {
		return fmt.Errorf("%q is not a metric", name)
	}
	switch kind {
	case "group":
		return checkGroupMetric(rest)
	case "producer":
		if _, field, ok := cutLast(rest); !ok || !producerFields[field] {
			return fmt.Errorf("%q: want producer.<id>.<%s>", name, keysOf(producerFields))
		}
		return nil
	case "partition":
		tp, field, ok := cutLast(rest)
		if !ok || !partitionFields[field] {
			return fmt.Errorf("%q: want partition.<topic>-<p>.<%s>", name, keysOf(partitionFields))
		}
		return checkTopicPartition(tp)
	}
	return fmt.Errorf("%q: starts with neither group., producer. nor partition.", name)
}

// checkGroupMetric checks what follows "group.".
func checkGroupMetric(rest string) error {
	if g, tp, ok := strings.Cut(rest, ".committed."); ok && g != "" {
		return checkTopicPartition(tp)
	}
	g, field, ok := cutLast(rest)
	if !ok || g == "" || !groupFields[field] {
		return fmt.Errorf("%q: want group.<id>.<%s> or group.<id>.committed.<topic>-<p>",
			"group."+rest, keysOf(groupFields))
	}
	return nil
}

// checkTopicPartition checks "orders-1": a topic, a dash, a partition number.
func checkTopicPartition(tp string) error {
	i := strings.LastIndex(tp, "-")
	if i <= 0 {
		return fmt.Errorf("%q: want <topic>-<partition>, like orders-1", tp)
	}
	if n, err := strconv.Atoi(tp[i+1:]); err != nil || n < 0 {
		return fmt.Errorf("%q: %q is not a partition number", tp, tp[i+1:])
	}
	return nil
}

// cutLast splits "a.b.c" into "a.b" and "c".
func cutLast(s string) (head, last string, ok bool) {
	i := strings.LastIndex(s, ".")
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// keysOf lists a field set's names, sorted, joined with "|".
func keysOf(m map[string]bool) string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, "|")
}
