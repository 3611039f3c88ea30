package ui

import (
	"errors"

	"kafkasim/sim"
)

// commitMode is the what-if setting that is not one Kafka property: when a
// group's consumers commit (scenario files call it commit).
const commitMode = "commit mode"

// whatIfSetting is one setting a what-if can change: a Kafka config name
// (or commitMode), whose config it lives in, and the values offered.
type whatIfSetting struct {
	Name  string
	Scope sim.Scope // ScopeProducer, ScopeConsumer (a group) or ScopeTopic
	// Values lists the choices; nil means 1 to the topic's replication
	// factor (min.insync.replicas).
	Values []string
}

// whatIfSettings are the settings the what-if offers, in menu order.
var whatIfSettings = []whatIfSetting{
	{commitMode, sim.ScopeConsumer, []string{sim.CommitAfterProcessing, sim.CommitBeforeProcessing, sim.CommitAuto, sim.CommitTransactional}},
	{"acks", sim.ScopeProducer, []string{"all", "1", "0"}},
	{"enable.idempotence", sim.ScopeProducer, []string{"true", "false"}},
	{"min.insync.replicas", sim.ScopeTopic, nil},
	{"unclean.leader.election.enable", sim.ScopeTopic, []string{"false", "true"}},
	{"partition.assignment.strategy", sim.ScopeConsumer, []string{"range,cooperative-sticky", sim.AssignorRange,
		sim.AssignorRoundRobin, sim.AssignorSticky, sim.AssignorCooperativeSticky}},
}

// whom names what the setting belongs to, for the menu.
func (s whatIfSetting) whom() string {
	switch s.Scope {
	case sim.ScopeProducer:
		return "producer"
	case sim.ScopeTopic:
		return "topic"
	}
	return "group"
}

// doc is the setting's one-line explanation.
func (s whatIfSetting) doc() string {
	if s.Name == commitMode {
		return "when consumers commit: before or after processing, auto-commit, or in a transaction"
	}
	p, _ := sim.LookupProp(s.Scope, s.Name)
	return p.Doc
}

// targets lists the producers, groups or topics of cfg the setting can
// change.
func (s whatIfSetting) targets(cfg *sim.Config) []string {
	var out []string
	switch s.Scope {
	case sim.ScopeProducer:
		for _, p := range cfg.Producers {
			out = append(out, p.ID)
		}
	case sim.ScopeTopic:
		for _, t := range cfg.Topics {
			out = append(out, t.Name)
		}
	default:
		for _, g := range cfg.Groups {
			out = append(out, g.ID)
		}
	}
	return out
}

// values lists the choices for target.
func (s whatIfSetting) values(cfg *sim.Config, target string) []string {
	if s.Values != nil {
		return s.Values
	}
	var out []string
	if t := s.find(cfg, target); t != nil {
		for n := 1; n <= t.(*sim.TopicConfig).ReplicationFactor; n++ {
			out = append(out, itoa(n))
		}
	}
	return out
}

// current is the setting's value for target in cfg.
func (s whatIfSetting) current(cfg *sim.Config, target string) string {
	t := s.find(cfg, target)
	switch {
	case t == nil:
		return ""
	case s.Name == commitMode:
		return t.(*sim.GroupConfig).Commit
	}
	v, _ := sim.GetProp(s.Scope, t, s.Name)
	return v
}

// apply sets the value on target in cfg, through sim's Set*Prop by the
// Kafka name, so the engine's rules for the value apply.
func (s whatIfSetting) apply(cfg *sim.Config, target, value string) error {
	t := s.find(cfg, target)
	switch t := t.(type) {
	case nil:
		return errors.New(s.whom() + " " + target + " is not in the scenario")
	case *sim.GroupConfig:
		if s.Name == commitMode {
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

// find is the config of target in cfg: a *sim.ProducerConfig,
// *sim.GroupConfig or *sim.TopicConfig, nil when absent.
func (s whatIfSetting) find(cfg *sim.Config, target string) any {
	switch s.Scope {
	case sim.ScopeProducer:
		for i := range cfg.Producers {
			if cfg.Producers[i].ID == target {
				return &cfg.Producers[i]
			}
		}
	case sim.ScopeTopic:
		for i := range cfg.Topics {
			if cfg.Topics[i].Name == target {
				return &cfg.Topics[i]
			}
		}
	default:
		for i := range cfg.Groups {
			if cfg.Groups[i].ID == target {
				return &cfg.Groups[i]
			}
		}
	}
	return nil
}

// label writes the setting at a value as the verdict names it:
// "commit after processing", "acks=1".
func (s whatIfSetting) label(value string) string {
	if s.Name != commitMode {
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

// copyConfig copies cfg deeply enough that apply on the copy leaves cfg
// alone.
func copyConfig(cfg sim.Config) sim.Config {
	cfg.Topics = append([]sim.TopicConfig(nil), cfg.Topics...)
	cfg.Producers = append([]sim.ProducerConfig(nil), cfg.Producers...)
	cfg.Groups = append([]sim.GroupConfig(nil), cfg.Groups...)
	return cfg
}
