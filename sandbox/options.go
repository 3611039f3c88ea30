package sandbox

import (
	"fmt"
	"sort"
	"strings"
)

// Kafka's tools parse their arguments with jopt-simple 5.0.4, built with
// abbreviations off (CommandDefaultOptions: new OptionParser(false),
// KIP-374). optParser follows its rules: --name value or --name=value;
// only whole option names ("--desc" is not --describe); an option that
// needs an argument takes the next word whatever it is ("--topic
// --partitions" names a topic "--partitions"); an option that takes none
// ignores "=value"; words that are not options are collected and ignored;
// the error messages are jopt-simple's (ExceptionMessages.properties).

// optSpec is one option a tool accepts.
type optSpec struct {
	name   string
	hasArg bool // it needs a value (withRequiredArg)
	optArg bool // it may take a value (withOptionalArg): the next word unless it looks like an option
	multi  bool // it may be given more than once (--config, --property)
	// availableIf lists options one of which must be present for this one
	// to be allowed (jopt-simple's availableIf).
	availableIf []string
	help        string // one line for `help` and completion
}

// parsedOpts is a parsed command line.
type parsedOpts struct {
	vals    map[string][]string
	order   []string // options in the order given
	nonOpts []string // words that are not options
}

// optError is a jopt-simple parse error: its exception class, message,
// and the option it concerns for suggestions.
type optError struct {
	class  string // joptsimple.UnrecognizedOptionException
	msg    string
	option string
}

func (e *optError) Error() string { return e.msg }

// unrecognized reports whether the error is an unknown option.
func (e *optError) unrecognized() bool { return e.class == "joptsimple.UnrecognizedOptionException" }

func unrecognizedOption(name string) *optError {
	return &optError{class: "joptsimple.UnrecognizedOptionException", msg: name + " is not a recognized option", option: name}
}

func parseOpts(specs []optSpec, args []string) (*parsedOpts, error) {
	p := &parsedOpts{vals: map[string][]string{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.nonOpts = append(p.nonOpts, args[i+1:]...)
			break
		}
		if !looksLikeOption(a) {
			p.nonOpts = append(p.nonOpts, a)
			continue
		}
		name, value, hasValue := splitOptionToken(a)
		spec, ok := lookupOpt(specs, name)
		if !ok {
			if !strings.HasPrefix(a, "--") {
				// a short-option cluster: jopt-simple names its first
				// letter ("-=" has no name before its '=': the letter is '=')
				name = firstRune(strings.TrimPrefix(a, "-"))
			}
			return nil, unrecognizedOption(name)
		}
		switch {
		case spec.hasArg && !hasValue:
			if i+1 >= len(args) {
				return nil, &optError{class: "joptsimple.OptionMissingRequiredArgumentException", msg: fmt.Sprintf("Option %s requires an argument", spec.name), option: spec.name}
			}
			i++
			value = args[i]
		case spec.optArg && !hasValue && i+1 < len(args) && !looksLikeOption(args[i+1]):
			i++
			value = args[i]
		case !spec.hasArg && !spec.optArg:
			value = "" // "--list=foo": jopt-simple ignores the value
		}
		if len(p.vals[spec.name]) > 0 && spec.hasArg && !spec.multi {
			return nil, &optError{class: "joptsimple.MultipleArgumentsForOptionException", msg: fmt.Sprintf("Found multiple arguments for option %s, but you asked for only one", spec.name), option: spec.name}
		}
		p.vals[spec.name] = append(p.vals[spec.name], value)
		p.order = append(p.order, spec.name)
	}
	return p, checkAvailable(specs, p)
}

// checkAvailable is OptionParser.ensureAllowedOptions: an option declared
// availableIf others is refused when none of them is present.
func checkAvailable(specs []optSpec, p *parsedOpts) error {
	for _, sp := range specs {
		if len(sp.availableIf) == 0 || !p.has(sp.name) || p.countOf(sp.availableIf...) > 0 {
			continue
		}
		return &optError{class: "joptsimple.UnavailableOptionException", msg: fmt.Sprintf("Option(s) [%s] are unavailable given other options on the command line", sp.name), option: sp.name}
	}
	return nil
}

// looksLikeOption is jopt-simple's test: "-x" or "--x", but not "-" alone
// and not a negative number.
func looksLikeOption(a string) bool {
	if len(a) < 2 || a[0] != '-' {
		return false
	}
	if a[1] >= '0' && a[1] <= '9' {
		return false
	}
	return a != "--"
}

// splitOptionToken takes the dashes off an option token and splits
// "name=value" at the first '='.
func splitOptionToken(a string) (name, value string, hasValue bool) {
	name = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if eq := strings.IndexByte(name, '='); eq >= 0 {
		return name[:eq], name[eq+1:], true
	}
	return name, "", false
}

// lookupOpt finds an option by its whole name.
func lookupOpt(specs []optSpec, name string) (optSpec, bool) {
	for _, s := range specs {
		if s.name == name {
			return s, true
		}
	}
	return optSpec{}, false
}

// prefixOf lists the options that begin with what was typed: what an
// abbreviating parser would have accepted.
func prefixOf(specs []optSpec, typed string) []string {
	var out []string
	for _, s := range specs {
		if typed != "" && strings.HasPrefix(s.name, typed) {
			out = append(out, s.name)
		}
	}
	return out
}

func (p *parsedOpts) has(name string) bool { return len(p.vals[name]) > 0 }

// val is the option's value, "" when absent.
func (p *parsedOpts) val(name string) string {
	if v := p.vals[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (p *parsedOpts) all(name string) []string { return p.vals[name] }

// countOf counts how many of the names were given.
func (p *parsedOpts) countOf(names ...string) int {
	n := 0
	for _, name := range names {
		if p.has(name) {
			n++
		}
	}
	return n
}

// optNames lists the options of a tool, sorted, with their dashes.
func optNames(specs []optSpec) []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		out = append(out, "--"+s.name)
	}
	sort.Strings(out)
	return out
}

// firstRune is s's first character, or "" for an empty string.
func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
