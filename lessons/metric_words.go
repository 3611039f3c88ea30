package lessons

import (
	"strconv"
	"strings"
)

// MetricWords says a metric's value in English for a learner, e.g.
// group.from-end.exactly_once = 35 reads "from-end processed 35 records
// exactly once". The internal name stays for drill-downs and files. A name
// it does not know reads as "name = value".
func MetricWords(name string, v int64) string {
	n := strconv.FormatInt(v, 10)
	switch name {
	case "log_duplicates":
		return "the logs hold " + records(v) + " written twice"
	case "brokers_up":
		return plural(v, "broker is", "brokers are") + " up"
	case "controller":
		return "broker " + n + " is the controller"
	}
	kind, rest, _ := strings.Cut(name, ".")
	switch kind {
	case "group":
		if g, tp, ok := strings.Cut(rest, ".committed."); ok {
			return g + " has committed offset " + n + " on " + tp
		}
		if g, field, ok := cutLast(rest); ok {
			if w := groupWords(g, field, v); w != "" {
				return w
			}
		}
	case "producer":
		if id, field, ok := cutLast(rest); ok {
			if w := producerWords(id, field, v); w != "" {
				return w
			}
		}
	case "partition":
		if tp, field, ok := cutLast(rest); ok {
			if w := partitionWords(tp, field, v); w != "" {
				return w
			}
		}
	}
	return name + " = " + n
}

func groupWords(g, field string, v int64) string {
	switch field {
	case "exactly_once":
		return g + " processed " + records(v) + " exactly once"
	case "duplicated":
		return g + " processed " + records(v) + " more than once"
	case "lost":
		return g + " lost " + records(v) + ": it will never process them"
	case "skipped":
		return g + " skipped " + records(v) + ": it started past them"
	case "pending":
		return plural(v, "record waits", "records wait") + " for " + g
	case "processed":
		return g + " processed " + records(v)
	case "generation":
		return g + " is in generation " + strconv.FormatInt(v, 10)
	case "members":
		return g + " has " + plural(v, "member", "members")
	case "idle":
		return g + " has " + plural(v, "idle consumer", "idle consumers")
	case "lag":
		return g + " is " + records(v) + " behind"
	}
	return ""
}

func producerWords(id, field string, v int64) string {
	switch field {
	case "sent":
		return id + " sent " + records(v)
	case "acked":
		return id + " had " + records(v) + " acknowledged"
	case "failed":
		return id + " gave up on " + records(v)
	case "inflight":
		return id + " has " + plural(v, "request", "requests") + " in flight"
	case "retries":
		return id + " retried " + plural(v, "time", "times")
	}
	return ""
}

func partitionWords(tp, field string, v int64) string {
	n := strconv.FormatInt(v, 10)
	switch field {
	case "leader":
		if v <= 0 {
			return tp + " has no leader"
		}
		return tp + " is led by broker " + n
	case "epoch":
		return tp + " is at leader epoch " + n
	case "hw":
		return tp + "'s high watermark is " + n
	case "leo":
		return tp + "'s log ends at offset " + n
	case "log_start":
		return tp + "'s log starts at offset " + n
	case "isr_size", "replicas_in_sync":
		return tp + " has " + plural(v, "replica", "replicas") + " in sync"
	}
	return ""
}

// records is "1 record" or "n records".
func records(v int64) string { return plural(v, "record", "records") }

func plural(v int64, one, many string) string {
	if v == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(v, 10) + " " + many
}
