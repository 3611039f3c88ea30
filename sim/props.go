package sim

import (
	"fmt"

	"kafkasim/internal/fuzzy"
	"sort"
	"strconv"
	"strings"
)

// KafkaVersion is the Kafka release whose defaults the simulator uses. 3.9 is
// the last line that still runs in ZooKeeper mode as well as KRaft.
const KafkaVersion = "3.9"

// Scope says which kind of client or server a property belongs to.
type Scope int

// The scopes a property can belong to.
const (
	ScopeBroker Scope = iota
	ScopeTopic
	ScopeProducer
	ScopeConsumer
)

func (s Scope) String() string {
	switch s {
	case ScopeBroker:
		return "broker"
	case ScopeTopic:
		return "topic"
	case ScopeProducer:
		return "producer"
	default:
		return "consumer"
	}
}

// Prop is one Kafka configuration property the simulator understands.
type Prop struct {
	Name    string
	Scope   Scope
	Default string
	Doc     string
}

// propDef pairs a Prop with how to read and write it on its config struct.
type propDef struct {
	Prop
	set func(target any, value string) error
	get func(target any) string
}

var propDefs = buildPropDefs()

// Props lists the properties of one scope, sorted by name.
func Props(scope Scope) []Prop {
	var out []Prop
	for _, d := range propDefs {
		if d.Scope == scope {
			out = append(out, d.Prop)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupProp finds a property by scope and name.
func LookupProp(scope Scope, name string) (Prop, bool) {
	d, ok := findProp(scope, name)
	return d.Prop, ok
}

func findProp(scope Scope, name string) (propDef, bool) {
	for _, d := range propDefs {
		if d.Scope == scope && d.Name == name {
			return d, true
		}
	}
	return propDef{}, false
}

// PropError is a property that is unknown or has a value it cannot take.
type PropError struct {
	Scope Scope
	Name  string
	Value string
	Msg   string
	Hint  string
}

func (e *PropError) Error() string {
	if e.Hint == "" {
		return e.Msg
	}
	return e.Msg + " (" + e.Hint + ")"
}

func setProp(scope Scope, target any, name, value string) error {
	d, ok := findProp(scope, name)
	if !ok {
		return &PropError{Scope: scope, Name: name, Value: value,
			Msg:  fmt.Sprintf("unknown %s config %q", scope, name),
			Hint: suggestProp(scope, name)}
	}
	if err := d.set(target, strings.TrimSpace(value)); err != nil {
		return &PropError{Scope: scope, Name: name, Value: value,
			Msg: fmt.Sprintf("%s=%s: %v", name, value, err), Hint: "default is " + d.Default}
	}
	return nil
}

// SetClusterProp sets a broker config (server.properties) by its Kafka name.
func SetClusterProp(c *ClusterConfig, name, value string) error {
	return setProp(ScopeBroker, c, name, value)
}

// SetTopicProp sets a topic config by its Kafka name.
func SetTopicProp(t *TopicConfig, name, value string) error {
	return setProp(ScopeTopic, t, name, value)
}

// SetProducerProp sets a producer config by its Kafka name.
func SetProducerProp(p *ProducerConfig, name, value string) error {
	return setProp(ScopeProducer, p, name, value)
}

// SetGroupProp sets a consumer config by its Kafka name.
func SetGroupProp(g *GroupConfig, name, value string) error {
	return setProp(ScopeConsumer, g, name, value)
}

// GetProp reads a property's current value from a config struct of its scope.
func GetProp(scope Scope, target any, name string) (string, bool) {
	d, ok := findProp(scope, name)
	if !ok {
		return "", false
	}
	return d.get(target), true
}

// TopicConfigPairs returns the topic's configs that differ from the
// defaults as name=value, sorted by name: what kafka-topics --describe lists.
func TopicConfigPairs(t TopicConfig) []string {
	var out []string
	for _, p := range Props(ScopeTopic) {
		v, _ := GetProp(ScopeTopic, &t, p.Name)
		if v != p.Default {
			out = append(out, p.Name+"="+v)
		}
	}
	return out
}

func suggestProp(scope Scope, name string) string {
	names := make([]string, 0, 16)
	for _, p := range Props(scope) {
		names = append(names, p.Name)
	}
	best, bestDist := fuzzy.Nearest(name, names)
	if best != "" && bestDist <= len(name)/2+1 {
		return "did you mean " + strconv.Quote(best) + "?"
	}
	return "known " + scope.String() + " configs: " + strings.Join(names, ", ")
}
