package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"kafkasim/internal/lazyregexp"
	"kafkasim/lessons"
	"kafkasim/quiz"
	"kafkasim/replay"
	"kafkasim/scenarios"
	"kafkasim/ui"
)

// Shell completion works as Cobra's does: the script a shell loads is a
// few lines that call 'kafkasim __complete WORDS...' and offer what it
// prints, one candidate a line. The candidates come from the CLI's own
// tables: the command names of commands() and interactiveUsage, each
// command's flags read from its --help text (the help users read, which a
// test checks against the flags the parsers accept), and the built-in
// scenarios, lessons and quiz topics. A new command, flag, scenario or
// lesson is completed without touching the scripts.

// completeFiles is the line that tells a script to offer file names too.
const completeFiles = ":file"

// completionArgs are the commands completion offers besides commands() and
// interactiveUsage: the ones Main answers itself.
var completionArgs = map[string]string{"version": versionUsage, "completion": completionUsage, "help": Usage}

// commandNames is every command, sorted.
func commandNames() []string {
	var names []string
	for n := range commands() {
		names = append(names, n)
	}
	for n := range interactiveUsage {
		names = append(names, n)
	}
	for n := range completionArgs {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// usageOf is the help text of a command ("" for none): what --help prints,
// for sandbox both its interactive and its --script help.
func usageOf(name string) string {
	if cmd, ok := commands()[name]; ok {
		var out bytes.Buffer
		cmd([]string{"--help"}, &out, io.Discard)
		return out.String()
	}
	if u, ok := interactiveUsage[name]; ok {
		if name == "sandbox" {
			u += sandboxScriptUsage
		}
		return u
	}
	return completionArgs[name]
}

// flagSpec is one flag a help text lists: its name and, for a flag that
// takes a value, the value's placeholder (N, FILE, NAME...).
type flagSpec struct{ name, value string }

// flagLine matches a flag's line in a help text: indented, then
// "--name", "-h, --name" or "--name PLACEHOLDER".
var flagLine = lazyregexp.New(`^\s+(?:-[a-z], )?--([a-z][a-z-]*)(?: ([A-Z][^ ]*))?(?:\s|$)`)

// flagsOf reads the flags of a command from its help, in order, once each.
func flagsOf(name string) []flagSpec {
	var out []flagSpec
	for _, line := range strings.Split(usageOf(name), "\n") {
		m := flagLine.FindStringSubmatch(line)
		if m == nil || slices.ContainsFunc(out, func(f flagSpec) bool { return f.name == m[1] }) {
			continue
		}
		out = append(out, flagSpec{name: m[1], value: m[2]})
	}
	return out
}

// flagValues completes a flag's value.
func flagValues(cmd string, f flagSpec) []string {
	switch {
	case f.value == "FILE":
		return []string{completeFiles}
	case cmd == "quiz" && f.name == "topic":
		return quiz.Topics()
	case cmd == "assign" && f.name == "strategy":
		return assignStrategies
	case cmd == "frame" && f.name == "focus":
		return ui.FramePanes()
	case cmd == "replay" && f.name == "on":
		var kinds []string
		for _, k := range replay.BrokerFaults {
			kinds = append(kinds, string(k)+"=")
		}
		return kinds
	}
	return nil // a number, a duration, a key: nothing to offer
}

// positionals completes a command's next argument, given how many it
// already has.
func positionals(cmd string, have int) []string {
	switch cmd {
	case "play", "run", "frame", "serve", "replay":
		if have == 0 {
			return append(scenarios.Names(), completeFiles)
		}
	case "lesson":
		if have == 0 {
			var out []string
			for _, l := range lessons.List() {
				out = append(out, strconv.Itoa(l.Number))
			}
			return append(out, completeFiles) // a lesson file of one's own
		}
	case "validate":
		return []string{completeFiles}
	case "help":
		if have == 0 {
			return commandNames()
		}
	case "completion":
		if have == 0 {
			return slices.Sorted(func(yield func(string) bool) {
				for s := range completionScripts {
					if !yield(s) {
						return
					}
				}
			})
		}
	}
	return nil
}

// complete returns the candidates for the word after words (the command
// line without the program name, up to the word being completed).
func complete(words []string) []string {
	if len(words) == 0 {
		return append(commandNames(), "--help", "--version")
	}
	cmd := words[0]
	if !slices.Contains(commandNames(), cmd) {
		return nil
	}
	flags := flagsOf(cmd)
	have := 0
	for i := 1; i < len(words); i++ {
		f, isFlag := lookupFlag(flags, words[i])
		switch {
		case isFlag && f.value != "" && i == len(words)-1:
			return flagValues(cmd, f)
		case isFlag && f.value != "":
			i++ // its value
		case !isFlag && !strings.HasPrefix(words[i], "-"):
			have++
		}
	}
	out := positionals(cmd, have)
	for _, f := range flags {
		out = append(out, "--"+f.name)
	}
	return out
}

// lookupFlag finds a flag given as -name or --name (not --name=value,
// which carries its own value).
func lookupFlag(flags []flagSpec, word string) (flagSpec, bool) {
	name := strings.TrimPrefix(strings.TrimPrefix(word, "-"), "-")
	if name == word || strings.Contains(name, "=") {
		return flagSpec{}, false
	}
	i := slices.IndexFunc(flags, func(f flagSpec) bool { return f.name == name })
	if i < 0 {
		return flagSpec{}, false
	}
	return flags[i], true
}

// completeCommand runs the hidden "kafkasim __complete WORDS...".
func completeCommand(args []string, stdout io.Writer) int {
	for _, c := range complete(args) {
		fmt.Fprintln(stdout, c)
	}
	return 0
}
