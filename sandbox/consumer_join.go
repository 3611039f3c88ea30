package sandbox

import (
	"fmt"
	"sort"
	"strings"

	"kafkasim/sim"
)

// How the console consumer joins a group: a new group, a group that
// exists, or one that was deleted and is used again.

// joinConsoleMember starts the console consumer's member of the group and
// returns its 1-based index.
func (s *Session) joinConsoleMember(o *output, c *consumerRun) (int, bool) {
	snap := s.snap()
	if g, ok := findGroup(snap, c.group); ok {
		if !sameTopics(g.Config.Topics, c.topics) {
			s.topicsGap(o, c.group, g.Config.Topics)
			return 0, false
		}
		if len(c.props) > 0 {
			o.hint("group %s already exists: the simulator gives all its consumers the configs it was created with, so --consumer-property is ignored", c.group)
		}
		return s.addConsoleMember(o, c, len(g.Members)+1)
	}
	if spec, members, ok := s.deletedGroup(c.group); ok {
		// A deleted group keeps its place in the engine; a new member
		// brings it back with no offsets, as a new group would start.
		if !sameTopics(spec.Topics, c.topics) {
			s.topicsGap(o, c.group, spec.Topics)
			return 0, false
		}
		return s.addConsoleMember(o, c, members+1)
	}
	spec, ok := s.consoleGroupSpec(o, c)
	if !ok || !s.consumerRoom(o, c.group, true) {
		return 0, false
	}
	if err := s.run.Apply(sim.Command{Kind: sim.CmdAddGroup, GroupSpec: &spec}); err != nil {
		o.hint("the simulator could not start group %s: %v", c.group, err)
		o.fail()
		return 0, false
	}
	return 1, true
}

func (s *Session) addConsoleMember(o *output, c *consumerRun, index int) (int, bool) {
	if !s.consumerRoom(o, c.group, true) {
		return 0, false
	}
	if err := s.run.Apply(sim.Command{Kind: sim.CmdAddConsumer, Group: c.group}); err != nil {
		o.hint("the simulator could not add a consumer to group %s: %v", c.group, err)
		o.fail()
		return 0, false
	}
	return index, true
}

func (s *Session) topicsGap(o *output, group string, topics []string) {
	o.hint("group %s consumes %s; the simulator cannot yet add another topic to an existing group. Use a new --group name for this topic.",
		group, strings.Join(topics, ", "))
	o.fail()
}

// consoleGroupSpec is a new group as the console consumer creates it: one
// member, auto-commit on, auto.offset.reset earliest with --from-beginning
// and latest otherwise, then the --consumer-property settings.
func (s *Session) consoleGroupSpec(o *output, c *consumerRun) (sim.GroupConfig, bool) {
	spec := sim.DefaultGroup(c.group, c.topics...)
	spec.StartMs = s.run.Sim().Now()
	spec.ClientID = "console-consumer" // ConsoleConsumerOptions, unless client.id is given
	spec.AutoOffsetReset = "latest"
	if c.fromBeginning {
		spec.AutoOffsetReset = "earliest"
	}
	var unused []string
	keys := make([]string, 0, len(c.props))
	for k := range c.props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, known := sim.LookupProp(sim.ScopeConsumer, k); !known {
			if !knownClientConfigs[k] {
				unused = append(unused, k)
			}
			continue
		}
		if err := sim.SetGroupProp(&spec, k, c.props[k]); err != nil {
			o.line("org.apache.kafka.common.config.ConfigException: " + strings.Replace(invalidValueMessage(k, c.props[k], err), "Not a number of type LONG", "Not a number of type INT", 1))
			o.hint("%s", propHint(sim.ScopeConsumer, k))
			o.fail()
			return spec, false
		}
	}
	if len(unused) > 0 {
		o.logLine("WARN", fmt.Sprintf("These configurations '[%s]' were supplied but are not used yet.", strings.Join(unused, ", ")),
			"org.apache.kafka.clients.consumer.ConsumerConfig")
	}
	return spec, true
}

// deletedGroup finds a group that was created and later deleted: its spec
// and how many consumers it has had.
func (s *Session) deletedGroup(id string) (sim.GroupConfig, int, bool) {
	var spec sim.GroupConfig
	found, members := false, 0
	for _, g := range s.run.Sim().Config().Groups {
		if g.ID == id {
			spec, found, members = g, true, g.Consumers
		}
	}
	for _, a := range s.run.Sim().Applied() {
		switch {
		case a.Cmd.Kind == sim.CmdAddGroup && a.Cmd.GroupSpec != nil && a.Cmd.GroupSpec.ID == id:
			spec, found, members = *a.Cmd.GroupSpec, true, a.Cmd.GroupSpec.Consumers
		case a.Cmd.Kind == sim.CmdAddConsumer && a.Cmd.Group == id:
			members++
		}
	}
	return spec, members, found
}

func sameTopics(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
