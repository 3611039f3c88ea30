package sandbox

import (
	"fmt"
	"sort"
	"strings"

	"kafkasim/sim"
)

// kafka-consumer-groups: list, describe, delete and reset the offsets of
// consumer groups, after Kafka 3.9's ConsumerGroupCommand.

var groupsOpts = []optSpec{
	{name: "bootstrap-server", hasArg: true, help: "REQUIRED: the broker(s) to connect to, e.g. localhost:9092"},
	{name: "group", hasArg: true, multi: true, help: "the consumer group"},
	{name: "topic", hasArg: true, multi: true, help: "the topic (topic or topic:0,1 for some partitions) whose offsets to reset"},
	{name: "all-topics", help: "reset every topic the group has offsets for"},
	{name: "list", help: "list all consumer groups"},
	{name: "describe", help: "describe a group: its offsets, lag and members"},
	{name: "all-groups", help: "apply to every group"},
	{name: "delete", help: "delete a group (it must have no active members)"},
	{name: "delete-offsets", help: "delete a group's offsets (not simulated)"},
	{name: "timeout", hasArg: true, help: "how long to wait for the cluster (ignored)"},
	{name: "command-config", hasArg: true, help: "a file of admin client configs (ignored)"},
	{name: "reset-offsets", help: "change a group's committed offsets (the group must be inactive)"},
	{name: "dry-run", help: "only show what --reset-offsets would do (the default)"},
	{name: "execute", help: "carry --reset-offsets out"},
	{name: "export", help: "print the reset plan as CSV"},
	{name: "to-offset", hasArg: true, help: "reset to this offset"},
	{name: "from-file", hasArg: true, help: "reset from a CSV file (not available)"},
	{name: "to-datetime", hasArg: true, help: "reset to the first record at or after a time: YYYY-MM-DDTHH:mm:SS.sss (the clock starts at 2024-01-01T00:00:00.000)"},
	{name: "by-duration", hasArg: true, help: "reset to the first record at most this long ago: PnDTnHnMnS, e.g. PT30S"},
	{name: "to-earliest", help: "reset to the earliest offset"},
	{name: "to-latest", help: "reset to the latest offset"},
	{name: "to-current", help: "reset to the committed offset (no change)"},
	{name: "shift-by", hasArg: true, help: "move the committed offset by n (negative goes back)"},
	// availableIf as ConsumerGroupCommandOptions declares them: jopt-simple
	// refuses these without the action they belong to.
	{name: "members", availableIf: []string{"describe"}, help: "with --describe: list the members"},
	{name: "verbose", availableIf: []string{"describe"}, help: "with --members: show each member's partitions"},
	{name: "offsets", availableIf: []string{"describe"}, help: "with --describe: show offsets and lag (the default)"},
	{name: "state", optArg: true, availableIf: []string{"describe", "list"}, help: "with --describe: show the group's state; with --list: add a STATE column, or keep only groups in the states given (Stable,Empty)"},
	{name: "type", optArg: true, availableIf: []string{"list"}, help: "with --list: add a TYPE column, or keep only groups of the types given (classic,consumer)"},
	{name: "help", help: "print usage information"},
	{name: "version", help: "print the Kafka version"},
}

var resetScenarios = []string{"to-offset", "to-datetime", "by-duration", "to-earliest", "to-latest", "to-current", "shift-by", "from-file"}

func (s *Session) groupsCommand(o *output, args []string) {
	p, ok := s.parseToolArgs(o, "kafka-consumer-groups", groupsOpts, args, `Missing required argument "[bootstrap-server]"`)
	if !ok || !s.checkGroupsArgs(o, p) {
		return
	}
	servers, _ := bootstrapArg(p)
	switch s.checkBootstrap(o, servers, adminClient) {
	case bootstrapInvalid:
		return
	case bootstrapUnreachable:
		printGroupError(o, "Executing consumer group command failed due to java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: "+groupsCall(p))
		s.unreachableHint(o)
		return
	}
	switch {
	case p.has("list"):
		s.listGroups(o, p)
	case p.has("describe"):
		for _, g := range s.selectedGroups(p) {
			s.describeGroup(o, p, g)
		}
	case p.has("delete"):
		s.deleteGroups(o, s.selectedGroups(p))
	case p.has("reset-offsets"):
		s.resetOffsets(o, p)
	case p.has("delete-offsets"):
		o.hint("the sandbox does not simulate --delete-offsets yet; --reset-offsets can move a group's offsets instead")
		o.fail()
	}
}

// checkGroupsArgs is ConsumerGroupCommandOptions.checkArgs and the action count.
func (s *Session) checkGroupsArgs(o *output, p *parsedOpts) bool {
	fail := func(msg string) bool {
		usageFailure(o, "kafka-consumer-groups", msg)
		return false
	}
	if _, given := bootstrapArg(p); !given {
		fail(`Missing required argument "[bootstrap-server]"`)
		o.hint("add --bootstrap-server %s", brokerAddr(1))
		return false
	}
	selected := p.has("group") || p.has("all-groups")
	switch {
	case p.has("describe") && !selected:
		return fail("Option [describe] takes one of these options: [list], [describe], [delete], [reset-offsets]")
	case p.has("describe") && p.countOf("members", "offsets", "state") > 1:
		return fail("Option [describe] takes at most one of these options: [members], [offsets], [state]")
	case p.has("delete") && !selected:
		return fail("Option [delete] takes one of these options: [group], [all-groups]")
	case p.has("delete") && p.has("topic"):
		return fail("The consumer does not support topic-specific offset deletion from a consumer group.")
	case p.has("reset-offsets") && p.has("dry-run") && p.has("execute"):
		return fail("Option [reset-offsets] only accepts one of [execute] and [dry-run]")
	}
	if p.has("reset-offsets") && !p.has("dry-run") && !p.has("execute") {
		o.line("WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.")
	}
	if p.has("reset-offsets") && !selected {
		return fail("Option [reset-offsets] takes one of these options: [group], [all-groups]")
	}
	if p.has("reset-offsets") {
		var given []string
		for _, sc := range resetScenarios {
			if p.has(sc) {
				given = append(given, sc)
			}
		}
		if len(given) > 1 {
			return fail(fmt.Sprintf(`Option "[%s]" can't be used with option "[%s]"`, given[0], given[1]))
		}
	}
	if p.has("group") && p.has("all-groups") {
		return fail(`Option "[group]" can't be used with option "[all-groups]"`)
	}
	if p.has("topic") && !p.has("delete") && !p.has("reset-offsets") && !p.has("delete-offsets") {
		action := "list"
		if p.has("describe") {
			action = "describe"
		}
		return fail(fmt.Sprintf(`Option "[topic]" can't be used with option "[%s]"`, action))
	}
	if p.countOf("list", "describe", "delete", "reset-offsets", "delete-offsets") != 1 {
		return fail("Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets")
	}
	ignoredWords(o, "kafka-consumer-groups", p, "--group")
	return true
}

func groupsCall(p *parsedOpts) string {
	if p.has("list") || p.has("all-groups") {
		return "listConsumerGroups"
	}
	return "describeConsumerGroups"
}

// printGroupError is ConsumerGroupCommand.printError.
func printGroupError(o *output, msg string) {
	o.line("")
	o.line("Error: " + msg)
	o.fail()
}

// groupIDs lists the live groups, sorted.
func (s *Session) groupIDs() []string {
	var ids []string
	for _, g := range s.snap().Groups {
		ids = append(ids, g.ID)
	}
	sort.Strings(ids)
	return ids
}

func (s *Session) selectedGroups(p *parsedOpts) []string {
	if p.has("all-groups") {
		return s.groupIDs()
	}
	return p.all("group")
}

func (s *Session) listGroups(o *output, p *parsedOpts) {
	ids := s.groupIDs()
	if !p.has("state") && !p.has("type") {
		for _, id := range ids {
			o.line(id)
		}
		if len(ids) == 0 {
			o.hint("no consumer groups yet: a console consumer with --group NAME creates one")
		}
		return
	}
	states, ok := groupFilter(o, "state", p.val("state"), groupStates)
	if !ok {
		return
	}
	types, ok := groupFilter(o, "types", p.val("type"), groupTypes)
	if !ok {
		return
	}
	s.printGroupListing(o, p, states, types)
}

// groupStates and groupTypes are ConsumerGroupState's and GroupType's
// names, in enum order, without Unknown.
var (
	groupStates = []string{"PreparingRebalance", "CompletingRebalance", "Stable", "Dead", "Empty", "Assigning", "Reconciling"}
	groupTypes  = []string{"Consumer", "Classic"}
)

// groupFilter is consumerGroupStatesFromString / consumerGroupTypesFromString:
// a comma-separated list, matched without regard to case; an unknown name
// fails with the tool's usage message. An empty value keeps everything.
func groupFilter(o *output, what, value string, valid []string) (map[string]bool, bool) {
	if value == "" {
		return nil, true
	}
	keep := map[string]bool{}
	for _, part := range strings.Split(value, ",") {
		found := false
		for _, v := range valid {
			if strings.EqualFold(strings.TrimSpace(part), v) {
				keep[v], found = true, true
			}
		}
		if !found {
			usageFailure(o, "kafka-consumer-groups", fmt.Sprintf("Invalid %s list '%s'. Valid %s are: %s", what, value, strings.TrimSuffix(what, "s")+"s", strings.Join(valid, ", ")))
			return nil, false
		}
	}
	return keep, true
}

// printGroupListing is ConsumerGroupService.printGroupInfo: the GROUP
// column is as wide as the longest listed id (at least 15) plus 10.
func (s *Session) printGroupListing(o *output, p *parsedOpts, states, types map[string]bool) {
	snap := s.snap()
	var rows [][]any
	width := 15
	for _, id := range s.groupIDs() {
		g, _ := findGroup(snap, id)
		if (states != nil && !states[string(g.State)]) || (types != nil && !types["Classic"]) {
			continue
		}
		row := []any{id}
		if p.has("type") {
			row = append(row, "Classic") // every simulated group runs the classic protocol
		}
		if p.has("state") {
			row = append(row, string(g.State))
		}
		rows = append(rows, row)
		width = max(width, len(id))
	}
	format := fmt.Sprintf("%%-%ds", width+10)
	header := []any{"GROUP"}
	if p.has("type") {
		format += " %-20s"
		header = append(header, "TYPE")
	}
	if p.has("state") {
		format += " %-20s"
		header = append(header, "STATE")
	}
	o.linef(format, header...)
	for _, row := range rows {
		o.linef(format, row...)
	}
}

// deleteGroups is ConsumerGroupService.deleteGroups.
func (s *Session) deleteGroups(o *output, ids []string) {
	snap := s.snap()
	success := newJavaMap()
	type failure struct{ group, err string }
	var failed []failure
	for _, id := range ids {
		g, ok := findGroup(snap, id)
		switch {
		case !ok:
			failed = append(failed, failure{id, "org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist."})
		case g.State != sim.GroupEmpty:
			failed = append(failed, failure{id, "org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty."})
		default:
			if err := s.run.Apply(sim.Command{Kind: sim.CmdDeleteGroup, Group: id}); err != nil {
				failed = append(failed, failure{id, "org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty."})
				continue
			}
			success.Put(id, javaStringHash(id))
		}
	}
	var names []string
	for _, k := range success.Keys() {
		names = append(names, k.Key)
	}
	if len(failed) == 0 {
		o.linef("Deletion of requested consumer groups ('%s') was successful.", strings.Join(names, ", "))
		return
	}
	printGroupError(o, "Deletion of some consumer groups failed:")
	for _, f := range failed {
		o.linef("* Group '%s' could not be deleted due to: java.util.concurrent.ExecutionException: %s", f.group, f.err)
	}
	if len(names) > 0 {
		o.line("")
		o.linef("These consumer groups were deleted successfully: '%s', '", strings.Join(names, "'"))
	}
	for _, f := range failed {
		if strings.Contains(f.err, "not empty") {
			o.hint("group %s still has active members: a group can only be deleted once they have all left (or been removed after session.timeout.ms)", f.group)
		} else if sug := nearest(f.group, s.groupIDs()); sug != "" {
			o.hint("did you mean --group %s?", sug)
		} else {
			o.hint("there is no group %s: 'kafka-consumer-groups --list' shows the groups that exist", f.group)
		}
	}
}
