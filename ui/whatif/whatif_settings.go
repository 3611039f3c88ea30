package whatif

import (
	"errors"
	"slices"
	"strconv"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// CommitMode is the what-if setting that is not one Kafka property: when a
// group's consumers commit (scenario files call it commit).
const CommitMode = "commit mode"

// WhatIfSetting is one setting a what-if can change: a Kafka config name
// (or commitMode), whose config it lives in, and the values offered.
type WhatIfSetting struct {
	Name  string
	Scope sim.Scope // ScopeProducer, ScopeConsumer (a group) or ScopeTopic
	// Values lists the choices; nil means 1 to the topic's replication
	// factor (min.insync.replicas). When they are numbers, the value as
	// played joins them in order if it is not one of them.
	Values []string
	// Trade says what the setting trades, for the chooser; "" when its
	// doc says enough.
	Trade string
	// CountsBatches makes the verdict count the producer's batches, for
	// the settings that decide how records are grouped into requests.
	CountsBatches bool
}

// WhatIfSettings are the settings the what-if offers, in menu order.
var WhatIfSettings = []WhatIfSetting{
	{CommitMode, sim.ScopeConsumer, []string{sim.CommitAfterProcessing, sim.CommitBeforeProcessing, sim.CommitAuto, sim.CommitTransactional}, "", false},
	{"acks", sim.ScopeProducer, []string{"all", "1", "0"}, "", false},
	{"enable.idempotence", sim.ScopeProducer, []string{"true", "false"}, "", false},
	{"min.insync.replicas", sim.ScopeTopic, nil, "", false},
	{"unclean.leader.election.enable", sim.ScopeTopic, []string{"false", "true"}, "", false},
	{"partition.assignment.strategy", sim.ScopeConsumer, []string{"range,cooperative-sticky", sim.AssignorRange,
		sim.AssignorRoundRobin, sim.AssignorSticky, sim.AssignorCooperativeSticky}, "", false},
	{"batch.size", sim.ScopeProducer, []string{"256", "1024", "16384", "65536"},
		"bigger batches mean fewer requests per record, but only when records wait (linger.ms or a backlog) to fill them", true},
	{"linger.ms", sim.ScopeProducer, []string{"0", "5", "100"},
		"waiting fills batches so fewer requests carry the same records, and every record arrives that much later", true},
	{"max.poll.records", sim.ScopeConsumer, []string{"1", "20", "100", "500"},
		"fewer records per poll keep each poll's work inside max.poll.interval.ms, at the cost of more polls and commits", false},
	{"max.poll.interval.ms", sim.ScopeConsumer, []string{"10000", "30000", "300000"},
		"a longer limit lets slow batches finish, but a consumer that is really stuck holds its partitions that much longer", false},
	{"compression.type", sim.ScopeProducer, sim.ProducerCodecs,
		"compressed batches are smaller on the wire and on disk, so more records fit under batch.size; the producer pays in CPU", true},
	{"fetch.min.bytes", sim.ScopeConsumer, []string{"1", "1024", "16384", "65536"},
		"the broker holds each fetch until this much is ready: fewer, fuller fetches, and records wait up to fetch.max.wait.ms longer", false},
	{"fetch.max.wait.ms", sim.ScopeConsumer, []string{"0", "100", "500", "2000"},
		"the longest the broker holds a fetch for fetch.min.bytes: a cap on the latency that fuller fetches cost", false},
}

// countsFetches makes the verdict count the group's fetches, for the
// settings that decide how the broker answers them.
func (s WhatIfSetting) countsFetches() bool {
	return s.Name == "fetch.min.bytes" || s.Name == "fetch.max.wait.ms"
}

// whom names what the setting belongs to, for the menu.
func (s WhatIfSetting) whom() string {
	switch s.Scope {
	case sim.ScopeProducer:
		return "producer"
	case sim.ScopeTopic:
		return "topic"
	}
	return "group"
}

// doc is the setting's one-line explanation; trade, when set, follows it.
func (s WhatIfSetting) doc() string {
	if s.Name == CommitMode {
		return "when consumers commit: before or after processing, auto-commit, or in a transaction"
	}
	p, _ := sim.LookupProp(s.Scope, s.Name)
	return p.Doc
}

// WhatIfWorld is where a setting's target can live: the scenario's
// config, or a command given by hand that made it (the sandbox's
// kafka-topics --create, a console producer, a console consumer's group).
type WhatIfWorld struct {
	Cfg  *sim.Config
	Hand []sim.Applied
}

// copy copies the world deeply enough that apply on the copy leaves w
// alone.
func (w WhatIfWorld) copy() WhatIfWorld {
	cfg := *w.Cfg
	cfg.Topics = append([]sim.TopicConfig(nil), cfg.Topics...)
	cfg.Producers = append([]sim.ProducerConfig(nil), cfg.Producers...)
	cfg.Groups = append([]sim.GroupConfig(nil), cfg.Groups...)
	hand := append([]sim.Applied(nil), w.Hand...)
	for i := range hand {
		c := &hand[i].Cmd
		if c.TopicSpec != nil {
			t := *c.TopicSpec
			c.TopicSpec = &t
		}
		if c.ProducerSpec != nil {
			p := *c.ProducerSpec
			c.ProducerSpec = &p
		}
		if c.GroupSpec != nil {
			g := *c.GroupSpec
			c.GroupSpec = &g
		}
	}
	return WhatIfWorld{Cfg: &cfg, Hand: hand}
}

// Targets lists the producers, groups or topics the setting can change,
// the scenario's first.
func (s WhatIfSetting) Targets(w WhatIfWorld) []string {
	var out []string
	all, _ := s.configs(w)
	for _, c := range all {
		if name := nameOf(c); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// configs lists every config of the setting's scope in w: the scenario's
// (the first inConfig), then those made by hand commands.
func (s WhatIfSetting) configs(w WhatIfWorld) (all []any, inConfig int) {
	var out []any
	cfg := w.Cfg
	switch s.Scope {
	case sim.ScopeProducer:
		for i := range cfg.Producers {
			out = append(out, &cfg.Producers[i])
		}
	case sim.ScopeTopic:
		for i := range cfg.Topics {
			out = append(out, &cfg.Topics[i])
		}
	default:
		for i := range cfg.Groups {
			out = append(out, &cfg.Groups[i])
		}
	}
	inConfig = len(out)
	for _, h := range w.Hand {
		switch c := h.Cmd; {
		case s.Scope == sim.ScopeProducer && c.ProducerSpec != nil:
			out = append(out, c.ProducerSpec)
		case s.Scope == sim.ScopeTopic && c.TopicSpec != nil:
			out = append(out, c.TopicSpec)
		case s.Scope == sim.ScopeConsumer && c.GroupSpec != nil:
			out = append(out, c.GroupSpec)
		}
	}
	return out, inConfig
}

// nameOf is a producer's or group's id, or a topic's name.
func nameOf(c any) string {
	switch c := c.(type) {
	case *sim.ProducerConfig:
		return c.ID
	case *sim.TopicConfig:
		return c.Name
	case *sim.GroupConfig:
		return c.ID
	}
	return ""
}

// find is the config of target: a *sim.ProducerConfig, *sim.GroupConfig
// or *sim.TopicConfig, nil when absent. The scenario's own comes first; of
// those made by hand, the latest (a group deleted and made again).
func (s WhatIfSetting) find(w WhatIfWorld, target string) any {
	all, inConfig := s.configs(w)
	var found any
	for i, c := range all {
		if nameOf(c) == target {
			if i < inConfig {
				return c
			}
			found = c
		}
	}
	return found
}

// ValuesFor lists the choices for target.
func (s WhatIfSetting) ValuesFor(w WhatIfWorld, target string) []string {
	if s.Values != nil {
		return WithPlayed(s.Values, s.Current(w, target))
	}
	var out []string
	if t, ok := s.find(w, target).(*sim.TopicConfig); ok {
		for n := 1; n <= t.ReplicationFactor; n++ {
			out = append(out, components.Itoa(n))
		}
	}
	return out
}

// Current is the setting's value for target.
func (s WhatIfSetting) Current(w WhatIfWorld, target string) string {
	t := s.find(w, target)
	switch {
	case t == nil:
		return ""
	case s.Name == CommitMode:
		return t.(*sim.GroupConfig).Commit
	}
	v, _ := sim.GetProp(s.Scope, t, s.Name)
	return v
}

// apply sets the value on target, through sim's Set*Prop by the Kafka
// name, so the engine's rules for the value apply.
func (s WhatIfSetting) apply(w WhatIfWorld, target, value string) error {
	switch t := s.find(w, target).(type) {
	case nil:
		return errors.New(s.whom() + " " + target + " is not in this run")
	case *sim.GroupConfig:
		if s.Name == CommitMode {
			t.Commit = value
			return nil
		}
		return sim.SetGroupProp(t, s.Name, value)
	case *sim.ProducerConfig:
		return sim.SetProducerProp(t, s.Name, value)
	case *sim.TopicConfig:
		return sim.SetTopicProp(t, s.Name, value)
	}
	return nil
}

// Label writes the setting at a value as the verdict names it:
// "commit after processing", "acks=1".
func (s WhatIfSetting) Label(value string) string {
	if s.Name != CommitMode {
		return s.Name + "=" + value
	}
	switch value {
	case sim.CommitAfterProcessing:
		return "commit after processing"
	case sim.CommitBeforeProcessing:
		return "commit before processing"
	case sim.CommitAuto:
		return "auto-commit"
	case sim.CommitTransactional:
		return "transactional commits"
	}
	return "commit " + value
}

// WithPlayed adds the value as played to numeric choices it is not among,
// in order, so the chooser shows where the run stands.
func WithPlayed(values []string, played string) []string {
	p, err := strconv.ParseInt(played, 10, 64)
	if err != nil || slices.Contains(values, played) {
		return values
	}
	out := make([]string, 0, len(values)+1)
	for _, v := range values {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return values
		}
		if p >= 0 && n > p {
			out, p = append(out, played), -1
		}
		out = append(out, v)
	}
	if p >= 0 {
		out = append(out, played)
	}
	return out
}
