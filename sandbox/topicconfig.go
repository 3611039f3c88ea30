package sandbox

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kafkasim/internal/lazyregexp"
	"kafkasim/sim"
)

// Topic names and topic configs, checked as Kafka checks them, with
// Kafka's messages.

// topicNameError is Topic.validate's message, or "" for a valid name.
func topicNameError(name string) string {
	reason := ""
	switch {
	case name == "":
		reason = "the empty string is not allowed"
	case name == ".":
		reason = "'.' is not allowed"
	case name == "..":
		reason = "'..' is not allowed"
	case len(name) > 249:
		reason = fmt.Sprintf("the length of '%s' is longer than the max allowed length 249", name)
	case !validTopicChars.MatchString(name):
		reason = fmt.Sprintf("'%s' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'", name)
	default:
		return ""
	}
	return "Topic name is invalid: " + reason
}

var validTopicChars = lazyregexp.New(`^[a-zA-Z0-9._-]+$`)

// hasCollisionChars is Topic.hasCollisionChars: '.' and '_' look the same
// in metric names.
func hasCollisionChars(name string) bool { return strings.ContainsAny(name, "._") }

func unifyCollisionChars(name string) string { return strings.ReplaceAll(name, ".", "_") }

// unmodelledTopicConfigs are real topic configs (Kafka 3.9's LogConfig) the
// simulator does not model: Kafka accepts them, the sandbox accepts and
// ignores them.
var unmodelledTopicConfigs = map[string]bool{
	"compression.gzip.level": true, "compression.lz4.level": true, "compression.zstd.level": true,
	"file.delete.delay.ms": true, "flush.messages": true, "flush.ms": true,
	"follower.replication.throttled.replicas": true, "leader.replication.throttled.replicas": true,
	"index.interval.bytes": true, "local.retention.bytes": true, "local.retention.ms": true,
	"max.compaction.lag.ms": true, "max.message.bytes": true, "message.downconversion.enable": true,
	"message.format.version": true, "message.timestamp.after.max.ms": true, "message.timestamp.before.max.ms": true,
	"message.timestamp.difference.max.ms": true, "message.timestamp.type": true, "min.cleanable.dirty.ratio": true,
	"min.compaction.lag.ms": true, "preallocate": true, "remote.storage.enable": true, "segment.index.bytes": true,
	"segment.jitter.ms": true, "remote.log.copy.disable": true, "remote.log.delete.on.disable": true,
}

// configProblem is a rejected config: Kafka's message and the sandbox's hint.
type configProblem struct {
	msg  string
	hint string
}

// setTopicConfigs applies name=value pairs to t as LogConfig.validate
// would accept them. It returns the pairs the simulator models (for
// CmdAlterTopic), the names it ignored, and the first problem.
func setTopicConfigs(t *sim.TopicConfig, pairs [][2]string) (kept [][2]string, ignored []string, prob *configProblem) {
	for _, kv := range pairs {
		name, value := kv[0], kv[1]
		if _, ok := sim.LookupProp(sim.ScopeTopic, name); !ok {
			if unmodelledTopicConfigs[name] {
				ignored = append(ignored, name)
				continue
			}
			p := &configProblem{msg: "Unknown topic config name: " + name}
			var pe *sim.PropError
			if err := sim.SetTopicProp(&sim.TopicConfig{}, name, value); errors.As(err, &pe) {
				p.hint = pe.Hint
			}
			return nil, nil, p
		}
		if err := sim.SetTopicProp(t, name, value); err != nil {
			return nil, nil, &configProblem{msg: invalidValueMessage(name, value, err), hint: propHint(sim.ScopeTopic, name)}
		}
		kept = append(kept, kv)
	}
	return kept, ignored, nil
}

// propHint explains a property: what it does and its default.
func propHint(scope sim.Scope, name string) string {
	pr, ok := sim.LookupProp(scope, name)
	if !ok {
		return ""
	}
	def := pr.Default
	if def == "" {
		def = "none"
	}
	return fmt.Sprintf("%s: %s (default %s)", name, pr.Doc, def)
}

// invalidValueMessage is ConfigException's "Invalid value V for
// configuration N: reason", with the reason in ConfigDef's words.
func invalidValueMessage(name, value string, err error) string {
	reason := err.Error()
	var pe *sim.PropError
	if errors.As(err, &pe) {
		reason = pe.Msg
		if i := strings.Index(reason, ": "); i >= 0 {
			reason = reason[i+2:]
		}
	}
	switch {
	case reason == "not a whole number" && (name == "min.insync.replicas" || name == "segment.bytes"):
		reason = "Not a number of type INT"
	case reason == "not a whole number":
		reason = "Not a number of type LONG"
	case strings.HasPrefix(reason, "must be between "):
		var lo, hi int64
		fmt.Sscanf(reason, "must be between %d and %d", &lo, &hi)
		reason = fmt.Sprintf("Value must be at least %d", lo)
		if v, e := strconv.ParseInt(value, 10, 64); e == nil && v > hi {
			reason = fmt.Sprintf("Value must be no more than %d", hi)
		}
	case reason == "must be true or false":
		reason = "Expected value to be either true or false"
	case strings.HasPrefix(reason, "must be one of "):
		reason = "String must be one of: " + strings.TrimPrefix(reason, "must be one of ")
	}
	return fmt.Sprintf("Invalid value %s for configuration %s: %s", value, name, reason)
}

// splitConfigArg splits one --config argument as TopicCommand does (on
// "=" with spaces around it); ok is false unless it is exactly key=val.
func splitConfigArg(arg string) ([2]string, bool) {
	parts := regexp.MustCompile(`\s*=\s*`).Split(arg, -1)
	// Java's String.split drops trailing empty strings.
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) != 2 {
		return [2]string{}, false
	}
	return [2]string{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])}, true
}
