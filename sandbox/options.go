package sandbox

import (
	"fmt"
	"sort"
	"strings"
)

// Kafka's tools parse their arguments with jopt-simple. optParser follows
// its rules where a learner meets them: --name value or --name=value, a
// unique prefix of a long option is accepted ("--partition" means
// "--partitions" for kafka-topics), words that are not options are
// collected and ignored, and its error messages are jopt-simple's.

// optSpec is one option a tool accepts.
type optSpec struct {
	name   string
	hasArg bool   // it takes a value
	multi  bool   // it may be given more than once (--config, --property)
	help   string // one line for `help` and completion
}

// parsedOpts is a parsed command line.
type parsedOpts struct {
	vals    map[string][]string
	order   []string // options in the order given
	nonOpts []string // words that are not options
}

// optError is a jopt-simple parse error: its message, and the option it
// concerns for suggestions.
type optError struct {
	msg    string
	option string
}

func (e *optError) Error() string { return e.msg }

func parseOpts(specs []optSpec, args []string) (*parsedOpts, error) {
	p := &parsedOpts{vals: map[string][]string{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.nonOpts = append(p.nonOpts, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			p.nonOpts = append(p.nonOpts, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name, value, hasValue = name[:eq], name[eq+1:], true
		}
		spec, ok := lookupOpt(specs, name)
		if !ok {
			return nil, &optError{msg: name + " is not a recognized option", option: name}
		}
		switch {
		case !spec.hasArg && hasValue:
			return nil, &optError{msg: fmt.Sprintf("Option [%s] does not take an argument", spec.name), option: spec.name}
		case spec.hasArg && !hasValue:
			if i+1 >= len(args) || (strings.HasPrefix(args[i+1], "--") && len(args[i+1]) > 2) {
				return nil, &optError{msg: fmt.Sprintf("Option [%s] requires an argument", spec.name), option: spec.name}
			}
			i++
			value = args[i]
		}
		if len(p.vals[spec.name]) > 0 && spec.hasArg && !spec.multi {
			return nil, &optError{msg: fmt.Sprintf("Found multiple arguments for option [%s], but you asked for only one", spec.name), option: spec.name}
		}
		p.vals[spec.name] = append(p.vals[spec.name], value)
		p.order = append(p.order, spec.name)
	}
	return p, nil
}

// lookupOpt finds an option by its name or a prefix no other option shares.
func lookupOpt(specs []optSpec, name string) (optSpec, bool) {
	if name == "" {
		return optSpec{}, false
	}
	var found []optSpec
	for _, s := range specs {
		if s.name == name {
			return s, true
		}
		if strings.HasPrefix(s.name, name) {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return optSpec{}, false
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
