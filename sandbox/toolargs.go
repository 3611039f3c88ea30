package sandbox

import (
	"errors"
	"fmt"
	"strings"

	"kafkasim/sim"
)

// parseToolArgs parses a Kafka tool's arguments. On a mistake it prints
// jopt-simple's message and a hint, and reports false; it also answers
// --help and --version.
func (s *Session) parseToolArgs(o *output, tool string, specs []optSpec, args []string, usage string) (*parsedOpts, bool) {
	if len(args) == 0 {
		usageFailure(o, tool, usage)
		return nil, false
	}
	p, err := parseOpts(specs, args)
	if err != nil {
		o.line(err.Error())
		var oe *optError
		if errors.As(err, &oe) && strings.HasSuffix(oe.msg, "is not a recognized option") {
			optionHint(o, tool, specs, oe.option)
		} else {
			o.hint("run '%s --help' for its options", tool)
		}
		o.fail()
		return nil, false
	}
	if p.has("help") {
		printToolHelp(o, tool, specs)
		return nil, false
	}
	if p.has("version") {
		o.line(sim.KafkaVersion + ".0")
		return nil, false
	}
	return p, true
}

// optionHint suggests the option a learner probably meant.
func optionHint(o *output, tool string, specs []optSpec, typed string) {
	if typed == "zookeeper" {
		o.hint("Kafka's clients talk to the brokers, not to ZooKeeper: use --bootstrap-server %s", brokerAddr(1))
		return
	}
	names := make([]string, len(specs))
	for i, sp := range specs {
		names[i] = sp.name
	}
	if sug := nearest(typed, names); sug != "" {
		o.hint("did you mean --%s?", sug)
		return
	}
	o.hint("run '%s --help' for its options", tool)
}

// usageFailure is CommandLineUtils.printUsageAndExit: the message, then
// (in Kafka) the whole option table, which the sandbox leaves to --help.
func usageFailure(o *output, tool, msg string) {
	o.line(msg)
	o.hint("run '%s --help' for its options", tool)
	o.fail()
}

func printToolHelp(o *output, tool string, specs []optSpec) {
	o.linef("%s: the options the sandbox understands", tool)
	width := 0
	for _, sp := range specs {
		width = max(width, len(optUsage(sp)))
	}
	for _, sp := range specs {
		o.linef("  %-*s  %s", width, optUsage(sp), sp.help)
	}
}

func optUsage(sp optSpec) string {
	if sp.hasArg {
		return "--" + sp.name + " <" + argName(sp.name) + ">"
	}
	return "--" + sp.name
}

func argName(opt string) string {
	switch opt {
	case "bootstrap-server":
		return "host:port"
	case "config", "property", "producer-property", "consumer-property", "add-config":
		return "name=value"
	}
	if i := strings.LastIndexByte(opt, '-'); i >= 0 {
		return opt[i+1:]
	}
	return opt
}

// ignoredWords explains words jopt-simple collected as non-options, which
// Kafka's tools silently ignore.
func ignoredWords(o *output, tool string, p *parsedOpts, flag string) {
	if len(p.nonOpts) == 0 {
		return
	}
	quoted := make([]string, len(p.nonOpts))
	for i, w := range p.nonOpts {
		quoted[i] = fmt.Sprintf("'%s'", w)
	}
	o.hint("%s ignores %s: options start with --, e.g. %s %s", tool, strings.Join(quoted, " "), flag, p.nonOpts[0])
}
