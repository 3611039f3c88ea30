package scenarios

import (
	"fmt"
	"strings"

	"kafkasim/sim"
)

// Expect is one [[expect]] block: a subject (a group, a producer, a
// partition such as "orders-1", or none for cluster-wide numbers) and
// comparisons on its metrics, like duplicated = "> 0". Metric + Value test
// any metric by its full name. Lessons decode challenges and predictions
// into it as well.
type Expect struct {
	Group     string `toml:"group"`
	Producer  string `toml:"producer"`
	Partition string `toml:"partition"` // "orders-1"

	Metric string `toml:"metric"` // a Metric name
	Value  string `toml:"value"`  // its comparison

	// Group comparisons.
	ExactlyOnce  string `toml:"exactly_once"`
	Duplicated   string `toml:"duplicated"`
	Lost         string `toml:"lost"`
	Skipped      string `toml:"skipped"`
	Pending      string `toml:"pending"`
	Processed    string `toml:"processed"`
	Generation   string `toml:"generation"`
	Members      string `toml:"members"`
	Idle         string `toml:"idle"`
	Lag          string `toml:"lag"`
	Fetches      string `toml:"fetches"`
	FetchedBytes string `toml:"fetched_bytes"`
	LatencyAvgMs string `toml:"latency_avg_ms"`
	LatencyMaxMs string `toml:"latency_max_ms"`
	Alerts       string `toml:"alerts"`
	// Producer comparisons.
	Sent      string `toml:"sent"`
	Acked     string `toml:"acked"`
	Failed    string `toml:"failed"`
	InFlight  string `toml:"inflight"`
	Retries   string `toml:"retries"`
	Requests  string `toml:"requests"`
	BytesSent string `toml:"bytes_sent"`
	// Partition comparisons.
	Leader         string `toml:"leader"`
	Epoch          string `toml:"epoch"`
	HW             string `toml:"hw"`
	LEO            string `toml:"leo"`
	LogStart       string `toml:"log_start"`
	ISRSize        string `toml:"isr_size"`
	ReplicasInSync string `toml:"replicas_in_sync"`
	SizeBytes      string `toml:"size_bytes"`
	// Cluster-wide comparisons (no subject).
	LogDuplicates string `toml:"log_duplicates"`
	BrokersUp     string `toml:"brokers_up"`
	Controller    string `toml:"controller"`

	// Line is where the block starts in its file, 0 when unknown.
	Line int `toml:"-"`
}

var expectKeys = append([]string{"group", "producer", "partition", "metric", "value"},
	append(append(append(append([]string{}, groupMetrics...), producerMetrics...), partitionMetrics...), globalMetrics...)...)

// fields lists the comparisons that are set, as (metric field, comparison),
// in a fixed order.
func (e Expect) fields() [][2]string {
	all := [][2]string{
		{"exactly_once", e.ExactlyOnce}, {"duplicated", e.Duplicated}, {"lost", e.Lost}, {"skipped", e.Skipped}, {"pending", e.Pending},
		{"processed", e.Processed}, {"generation", e.Generation}, {"members", e.Members}, {"idle", e.Idle}, {"lag", e.Lag},
		{"fetches", e.Fetches}, {"fetched_bytes", e.FetchedBytes}, {"latency_avg_ms", e.LatencyAvgMs},
		{"latency_max_ms", e.LatencyMaxMs}, {"alerts", e.Alerts},
		{"sent", e.Sent}, {"acked", e.Acked}, {"failed", e.Failed}, {"inflight", e.InFlight}, {"retries", e.Retries},
		{"requests", e.Requests}, {"bytes_sent", e.BytesSent},
		{"leader", e.Leader}, {"epoch", e.Epoch}, {"hw", e.HW}, {"leo", e.LEO}, {"log_start", e.LogStart},
		{"isr_size", e.ISRSize}, {"replicas_in_sync", e.ReplicasInSync}, {"size_bytes", e.SizeBytes},
		{"log_duplicates", e.LogDuplicates}, {"brokers_up", e.BrokersUp}, {"controller", e.Controller},
	}
	var out [][2]string
	for _, f := range all {
		if f[1] != "" {
			out = append(out, f)
		}
	}
	return out
}

// subject is the expectation's subject kind, the metric name prefix for
// it, and how detail lines name it.
func (e Expect) subject() (kind, prefix, label string) {
	switch {
	case e.Group != "":
		return "group", "group." + e.Group + ".", "group " + e.Group
	case e.Producer != "":
		return "producer", "producer." + e.Producer + ".", "producer " + e.Producer
	case e.Partition != "":
		return "partition", "partition." + e.Partition + ".", "partition " + e.Partition
	}
	return "", "", "cluster"
}

// Validate checks the expectation on its own: one subject at most, fields
// that fit it, comparisons that parse. Its error is a Problems naming keys.
func (e Expect) Validate() error {
	var probs Problems
	bad := func(key, msg, hint string) { probs = append(probs, &Problem{Key: key, Msg: msg, Hint: hint}) }
	n := 0
	for _, s := range []string{e.Group, e.Producer, e.Partition} {
		if s != "" {
			n++
		}
	}
	if n > 1 {
		bad("group", "an expectation has one subject: group, producer or partition", "split it into several [[expect]] blocks")
	}
	kind, _, _ := e.subject()
	allowed := map[string][]string{"group": groupMetrics, "producer": producerMetrics, "partition": partitionMetrics, "": globalMetrics}[kind]
	fields := e.fields()
	for _, f := range fields {
		if !contains(allowed, f[0]) {
			what := kind
			if what == "" {
				what = "an expectation without group, producer or partition"
			}
			bad(f[0], fmt.Sprintf("%s has no %s", what, f[0]), "it has "+strings.Join(allowed, ", "))
		}
		if _, err := ParseComparison(f[1]); err != nil {
			bad(f[0], err.Error(), "")
		}
	}
	if e.Partition != "" {
		if _, err := parseTopicPartition(e.Partition); err != nil {
			bad("partition", err.Error(), "")
		}
	}
	switch {
	case (e.Metric == "") != (e.Value == ""):
		bad("metric", "metric and value go together", `metric = "group.g.lag"`+"\n"+`value = "< 10"`)
	case e.Metric != "":
		if n > 0 {
			bad("metric", "metric names its own subject", "leave out group, producer and partition")
		}
		if _, err := ParseComparison(e.Value); err != nil {
			bad("value", err.Error(), "")
		}
	case len(fields) == 0:
		bad("", "an expectation needs something to compare", `for example duplicated = "== 0"`)
	}
	if len(probs) > 0 {
		return probs
	}
	return nil
}

// Check tests the expectation against a snapshot. detail says what was
// found against what was wanted, e.g. "group inventory: duplicated = 3,
// want > 0"; several comparisons are joined with "; ".
func (e Expect) Check(snap sim.Snapshot) (ok bool, detail string) {
	ok = true
	_, prefix, label := e.subject()
	var parts []string
	test := func(name, shown, cmpText string) {
		cmp, err := ParseComparison(cmpText)
		if err != nil {
			ok = false
			parts = append(parts, shown+": "+err.Error())
			return
		}
		v, err := Metric(snap, name)
		if err != nil {
			ok = false
			parts = append(parts, shown+": "+err.Error())
			return
		}
		if !cmp.Holds(v) {
			ok = false
		}
		parts = append(parts, fmt.Sprintf("%s = %d, want %s", shown, v, cmp))
	}
	if e.Metric != "" {
		test(e.Metric, e.Metric, e.Value)
		return ok, SanitizeLine(strings.Join(parts, "; "))
	}
	for _, f := range e.fields() {
		test(prefix+f[0], f[0], f[1])
	}
	if len(parts) == 0 {
		return false, label + ": nothing to compare"
	}
	return ok, SanitizeLine(label + ": " + strings.Join(parts, "; "))
}
