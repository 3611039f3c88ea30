package sandbox

import (
	"sort"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// Complete offers completions of a partly typed command line: command
// names, a tool's options, and the topics, groups, brokers and configs
// that exist now. Each completion is the whole line with its last word
// completed, so it can be given straight to a text input's suggestions.
// In input mode there is nothing to complete.
func (s *Session) Complete(line string) []string {
	if s.prod != nil {
		return nil
	}
	words := strings.Fields(line)
	current := ""
	if len(words) > 0 && !strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\t") {
		current = words[len(words)-1]
		words = words[:len(words)-1]
	}
	prefix := line[:len(line)-len(current)]
	var cands []string
	switch {
	case len(words) == 0:
		cands = firstWords(current)
	default:
		tool := toolName(words[0])
		if specs, ok := toolOptions[tool]; ok {
			cands = s.optionCompletions(tool, specs, words[1:], current)
		} else {
			cands = s.verbCompletions(strings.ToLower(words[0]), words[1:])
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cands {
		if strings.HasPrefix(c, current) && c != current && !seen[c] {
			seen[c] = true
			out = append(out, prefix+c)
		}
	}
	sort.Strings(out)
	return out
}

// toolOptions are the Kafka tools' option specs, for completion.
var toolOptions = map[string][]optSpec{
	"kafka-topics":             topicsOpts,
	"kafka-console-producer":   producerOpts,
	"kafka-console-consumer":   consumerOpts,
	"kafka-consumer-groups":    groupsOpts,
	"kafka-configs":            configsOpts,
	"kafka-get-offsets":        getOffsetsOpts,
	"kafka-producer-perf-test": perfOpts,
}

// firstWords completes the command itself: bare names, or with bin/ (or
// ./bin/) typed, the tools as bin/kafka-topics.sh.
func firstWords(current string) []string {
	dir := ""
	for _, d := range []string{"./bin/", "bin/"} {
		if strings.HasPrefix(current, d) {
			dir = d
			break
		}
	}
	var out []string
	for _, n := range commandNames() {
		_, tool := kafkaTools[n]
		switch {
		case dir != "" && tool:
			out = append(out, dir+n+".sh")
		case dir == "":
			out = append(out, n)
			if tool && strings.Contains(current, ".") {
				out = append(out, n+".sh")
			}
		}
	}
	return out
}

// optionCompletions completes a Kafka tool's option or the value after one.
func (s *Session) optionCompletions(tool string, specs []optSpec, args []string, current string) []string {
	if len(args) > 0 {
		if spec, ok := lookupOpt(specs, strings.TrimLeft(args[len(args)-1], "-")); ok && spec.hasArg && strings.HasPrefix(args[len(args)-1], "--") {
			return s.valueCompletions(tool, spec.name)
		}
	}
	used := map[string]bool{}
	for _, a := range args {
		if spec, ok := lookupOpt(specs, strings.TrimLeft(a, "-")); ok && strings.HasPrefix(a, "--") && !spec.multi {
			used[spec.name] = true
		}
	}
	var out []string
	for _, sp := range specs {
		if !used[sp.name] && sp.name != "version" {
			out = append(out, "--"+sp.name)
		}
	}
	return out
}

// valueCompletions are the likely values of one option.
func (s *Session) valueCompletions(tool, opt string) []string {
	switch opt {
	case "bootstrap-server", "broker-list":
		n := s.brokerCount()
		addrs := make([]string, n)
		for i := range addrs {
			addrs[i] = brokerAddr(i + 1)
		}
		return append(addrs, strings.Join(addrs, ","))
	case "topic", "entity-name", "include":
		if tool == "kafka-topics" && opt == "topic" {
			return s.topicNames(true)
		}
		return s.topicNames(tool == "kafka-configs")
	case "group":
		return s.groupIDs()
	case "entity-type":
		return []string{"topics", "brokers", "clients", "users"}
	case "partitions", "replication-factor":
		return []string{"1", "2", "3"}
	case "config", "add-config":
		return propAssignments(sim.ScopeTopic)
	case "producer-property":
		return append(propAssignments(sim.ScopeProducer), "acks=all", "acks=1", "acks=0", "enable.idempotence=false")
	case "consumer-property":
		return append(propAssignments(sim.ScopeConsumer), "auto.offset.reset=earliest", "isolation.level=read_committed")
	case "property":
		if tool == "kafka-console-producer" {
			return []string{"parse.key=true", "key.separator=:", "key.separator=,", "null.marker=", "ignore.error=true"}
		}
		return []string{"print.key=true", "print.partition=true", "print.offset=true", "print.value=false",
			"print.timestamp=true", "key.separator=", "line.separator=", "null.literal="}
	case "isolation-level":
		return []string{"read_committed", "read_uncommitted"}
	case "offset":
		return []string{"earliest", "latest"}
	}
	return nil
}

// propAssignments lists "name=" for every property of a scope.
func propAssignments(scope sim.Scope) []string {
	var out []string
	for _, p := range sim.Props(scope) {
		out = append(out, p.Name+"=")
	}
	return out
}

// verbCompletions completes the simulator verbs' arguments.
func (s *Session) verbCompletions(verb string, args []string) []string {
	snap := s.snap()
	brokerIDs := func() []string {
		var out []string
		for _, b := range snap.Brokers {
			out = append(out, strconv.Itoa(b.ID))
		}
		return out
	}
	memberNums := func(group string) []string {
		g, _ := findGroup(snap, group)
		var out []string
		for i := range g.Members {
			out = append(out, strconv.Itoa(i+1))
		}
		return out
	}
	switch {
	case verb == "help" && len(args) == 0:
		return []string{"crash", "restart", "slow", "add", "close", "pause", "resume", "step", "play"}
	case verb == "step" && len(args) == 0:
		return []string{"1", "10", "100"}
	case verb == "play" && len(args) == 0:
		return []string{"1s", "5s", "10s", "30s", "1m"}
	case verb == "add" && len(args) == 0:
		return []string{"consumer"}
	case verb == "add" && len(args) == 1 && args[0] == "consumer":
		return s.groupIDs()
	case (verb == "crash" || verb == "restart") && len(args) == 0:
		return []string{"broker", "consumer"}
	case (verb == "slow") && len(args) == 0:
		return []string{"broker"}
	case (verb == "close" || verb == "pause" || verb == "resume") && len(args) == 0:
		return []string{"consumer"}
	case len(args) == 1 && args[0] == "broker" && (verb == "crash" || verb == "restart" || verb == "slow"):
		return brokerIDs()
	case len(args) == 2 && args[0] == "broker" && verb == "slow":
		return []string{"1s", "3s", "10s", "0"}
	case len(args) == 1 && args[0] == "consumer":
		return s.groupIDs()
	case len(args) == 2 && args[0] == "consumer":
		return memberNums(args[1])
	}
	return nil
}
