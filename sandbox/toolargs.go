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
		var oe *optError
		if !errors.As(err, &oe) {
			o.line(err.Error())
			o.fail()
			return nil, false
		}
		printOptError(o, tool, oe)
		switch {
		case oe.unrecognized():
			optionHint(o, tool, specs, oe.option)
		case oe.class == "joptsimple.UnavailableOptionException":
			availableHint(o, specs, oe.option)
		default:
			o.hint("run '%s --help' for its options", tool)
		}
		o.fail()
		return nil, false
	}
	if p.has("help") {
		printToolHelp(o, tool, specs)
		return nil, false
	}
	swallowedHint(o, specs, p)
	if p.has("version") {
		o.line(sim.KafkaVersion + ".0")
		return nil, false
	}
	return p, true
}

// printOptError prints a jopt-simple exception the way each tool lets it
// out. TopicCommand.mainNoExit catches it and prints its message and
// stack trace; ConsumerGroupCommand parses outside its try, so the JVM
// reports an uncaught exception; ConfigCommand prints the message only;
// the console tools print it with their usage (CommandLineUtils
// .printUsageAndExit).
func printOptError(o *output, tool string, oe *optError) {
	switch tool {
	case "kafka-topics":
		o.line(oe.msg)
		o.linef("%s: %s", oe.class, oe.msg)
		o.hint("Kafka prints the rest of the Java stack trace here")
	case "kafka-consumer-groups":
		o.linef(`Exception in thread "main" %s: %s`, oe.class, oe.msg)
		o.hint("an uncaught exception: Kafka prints the rest of the Java stack trace here")
	default:
		o.line(oe.msg)
	}
}

// availableHint names the options that make an availableIf option legal.
func availableHint(o *output, specs []optSpec, name string) {
	sp, _ := lookupOpt(specs, name)
	with := make([]string, len(sp.availableIf))
	for i, a := range sp.availableIf {
		with[i] = "--" + a
	}
	o.hint("--%s only goes with %s", name, strings.Join(with, " or "))
}

// optionHint suggests the option a learner probably meant.
func optionHint(o *output, tool string, specs []optSpec, typed string) {
	if typed == "zookeeper" {
		o.hint("Kafka's clients talk to the brokers, not to ZooKeeper: use --bootstrap-server %s", brokerAddr(1))
		return
	}
	if whole := prefixOf(specs, typed); len(whole) > 0 {
		// the shortest completion: --partition means --partitions, not
		// --partition-size-limit-per-response or --at-min-isr-partitions
		sug := whole[0]
		for _, w := range whole[1:] {
			if len(w) < len(sug) {
				sug = w
			}
		}
		o.hint("Kafka's tools take whole option names, no abbreviations: did you mean --%s?", sug)
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
	o.hintLast("%s ignores %s: options start with --, e.g. %s %s", tool, strings.Join(quoted, " "), flag, p.nonOpts[0])
}

// swallowedHint explains an option that took the next option as its value
// ("--topic --partitions 3" names the topic "--partitions"): jopt-simple
// gives an option that needs a value the next word, whatever it is.
func swallowedHint(o *output, specs []optSpec, p *parsedOpts) {
	for _, sp := range specs {
		if !sp.hasArg {
			continue
		}
		for _, v := range p.all(sp.name) {
			if looksLikeOption(v) {
				o.hintLast("--%s took '%s' as its value: an option that needs a value takes the next word, whatever it is", sp.name, v)
			}
		}
	}
}
