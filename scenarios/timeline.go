package scenarios

import (
	"fmt"
	"strings"

	"kafkasim/sim"
)

// TimelineEntry is one [[timeline]] block as written: a command, when it
// runs and what to say. Lessons decode solution steps into it too.
type TimelineEntry struct {
	At  string `toml:"at"` // Go duration: "5s"; empty means 0s
	Do  string `toml:"do"` // a command kind: "crash-broker"
	Say string `toml:"say"`

	Broker     int     `toml:"broker"`     // 1-based
	Producer   string  `toml:"producer"`   // producer id
	Group      string  `toml:"group"`      // group id
	Consumer   int     `toml:"consumer"`   // 1 = c1
	Topic      string  `toml:"topic"`      // topic name
	Partitions int     `toml:"partitions"` // add-partitions: the new total
	Count      int     `toml:"count"`      // drop-acks: responses; produce: records (default 1)
	Delay      string  `toml:"delay"`      // slow-broker: "0s" heals
	Key        *string `toml:"key"`        // produce: nil = null key
	Value      *string `toml:"value"`      // produce: nil = null value (a tombstone)
	// Controller is a dedicated controller node's id (crash-controller,
	// restart-controller): the nodes after the brokers.
	Controller int `toml:"controller"`
	// To is where reset-offsets sets the group's committed offsets:
	// "earliest" or "latest" (kafka-consumer-groups --reset-offsets).
	To string `toml:"to"`
	// When binds say to the run (a Condition); Else is said when it fails.
	When string `toml:"when"`
	Else string `toml:"else"`
	// Client, Host, Request and Body are a live client's request
	// (client-request); Fetch names a waiting Fetch (answer-fetch); Late
	// runs any entry after what is already due in its millisecond
	// (timeline_client.go).
	Client  string `toml:"client"`
	Host    string `toml:"host"`
	Request string `toml:"request"`
	Body    string `toml:"body"`
	Fetch   int    `toml:"fetch"`
	Late    bool   `toml:"late"`
}

var timelineKeys = []string{"at", "do", "say", "broker", "producer", "group", "consumer", "topic", "partitions", "count", "delay", "key", "value", "controller", "to", "client", "host", "request", "body", "fetch", "late"}

// narrationKeys bind a timeline entry's say to the run.
var narrationKeys = []string{"when", "else"}

// commandFields lists the keys each timeline command takes besides at and
// say; a trailing "?" marks an optional one.
var commandFields = map[sim.CommandKind][]string{
	sim.CmdCrashBroker:       {"broker"},
	sim.CmdRestartBroker:     {"broker"},
	sim.CmdCrashController:   {"controller"},
	sim.CmdRestartController: {"controller"},
	sim.CmdSlowBroker:        {"broker", "delay"},
	sim.CmdDropAcks:          {"broker", "count"},
	sim.CmdCrashProducer:     {"producer"},
	sim.CmdCrashConsumer:     {"group", "consumer"},
	sim.CmdRestartConsumer:   {"group", "consumer"},
	sim.CmdCloseConsumer:     {"group", "consumer"},
	sim.CmdPauseConsumer:     {"group", "consumer"},
	sim.CmdResumeConsumer:    {"group", "consumer"},
	sim.CmdAddConsumer:       {"group"},
	sim.CmdAddPartitions:     {"topic", "partitions"},
	sim.CmdProduce:           {"producer", "key?", "value?", "count?"},
	sim.CmdResetOffsets:      {"group", "topic", "to"},
	sim.CmdNote:              {},
	sim.CmdClientRequest:     {"broker", "request", "body", "client?", "host?"},
	sim.CmdAnswerFetch:       {"broker", "fetch"},
}

// TimelineCommands lists the `do` values a timeline accepts, in the order
// the documentation gives them.
func TimelineCommands() []string {
	return []string{"crash-broker", "restart-broker", "crash-controller", "restart-controller", "slow-broker", "drop-acks", "crash-producer",
		"crash-consumer", "restart-consumer", "close-consumer", "pause-consumer", "resume-consumer",
		"add-consumer", "add-partitions", "reset-offsets", "produce", "note", "client-request", "answer-fetch"}
}

// Scheduled checks the entry on its own (not against a cluster: see Parse
// for that) and turns it into the engine's command. Its error is a
// Problems, one per mistake, each naming the key.
func (t TimelineEntry) Scheduled() (sim.Scheduled, error) {
	s, probs := t.check(t.set)
	if len(probs) > 0 {
		return sim.Scheduled{}, probs
	}
	return s, nil
}

// check validates the entry; present says which keys were written (a
// decoded struct cannot tell an absent broker from broker = 0).
func (t TimelineEntry) check(present func(string) bool) (sim.Scheduled, Problems) {
	var probs Problems
	bad := func(key, msg, hint string) { probs = append(probs, &Problem{Key: key, Msg: msg, Hint: hint}) }
	var s sim.Scheduled
	if t.At != "" {
		ms, err := parseDurationValue(t.At)
		if err != nil {
			bad("at", err.Error(), `write a time such as "5s"`)
		}
		s.AtMs = ms
	}
	kind := sim.CommandKind(t.Do)
	fields, known := commandFields[kind]
	if !known {
		if t.Do == "" {
			bad("do", "missing: what should happen", "use one of: "+strings.Join(TimelineCommands(), ", "))
		} else {
			bad("do", fmt.Sprintf("%q is not a timeline command", t.Do), suggest(t.Do, TimelineCommands()))
		}
		return s, probs
	}
	uses := map[string]bool{"late": true}
	for _, f := range fields {
		name, optional := strings.CutSuffix(f, "?")
		uses[name] = true
		if !optional && !present(name) {
			bad(name, fmt.Sprintf("do = %q needs %s", t.Do, name), fieldHint(name))
		}
	}
	for _, name := range timelineKeys[3:] {
		if present(name) && !uses[name] {
			bad(name, fmt.Sprintf("not used by do = %q", t.Do), usesHint(kind))
		}
	}
	if kind == sim.CmdNote && strings.TrimSpace(t.Say) == "" {
		bad("say", `do = "note" needs say`, "write what the learner should notice")
	}
	c := sim.Command{Kind: kind, Broker: t.Broker, Producer: t.Producer, Group: t.Group, Consumer: t.Consumer,
		Topic: t.Topic, Partitions: t.Partitions, Count: t.Count, Say: Sanitize(strings.TrimSpace(t.Say))}
	if present("controller") {
		c.Broker = t.Controller
		if t.Controller < 1 {
			bad("controller", fmt.Sprintf("controller node %d does not exist", t.Controller), "controller nodes are numbered after the brokers: controller = 4 with 3 brokers")
		}
	}
	if present("broker") && t.Broker < 1 {
		bad("broker", fmt.Sprintf("broker %d does not exist", t.Broker), "brokers are numbered from 1")
	}
	if present("consumer") && t.Consumer < 1 {
		bad("consumer", fmt.Sprintf("consumer %d does not exist", t.Consumer), "consumers are numbered from 1 (consumer = 1 is c1)")
	}
	if present("count") && (t.Count < 1 || t.Count > MaxRecords) {
		bad("count", fmt.Sprintf("%d is out of range", t.Count), fmt.Sprintf("use 1 to %d", MaxRecords))
	}
	if present("partitions") && (t.Partitions < 1 || t.Partitions > MaxPartitions) {
		bad("partitions", fmt.Sprintf("%d is out of range", t.Partitions), fmt.Sprintf("use 1 to %d", MaxPartitions))
	}
	if present("delay") {
		ms, err := parseDurationValue(t.Delay)
		if err != nil {
			bad("delay", err.Error(), `write a duration such as "500ms"; "0s" heals the broker`)
		}
		c.DelayMs = ms
	}
	if kind == sim.CmdResetOffsets {
		c.Partition = -1
		switch t.To {
		case "earliest":
			c.Reset = sim.ResetToEarliest
		case "latest":
			c.Reset = sim.ResetToLatest
		default:
			if present("to") {
				bad("to", fmt.Sprintf("%q is not a reset target", t.To), `use to = "earliest" or to = "latest"`)
			}
		}
	}
	if kind == sim.CmdProduce && c.Count == 0 {
		c.Count = 1
	}
	c.Late = t.Late
	if kind == sim.CmdClientRequest || kind == sim.CmdAnswerFetch {
		c.Request = t.clientRequest(present, bad)
	}
	if t.Key != nil {
		k := SanitizeLine(*t.Key)
		c.Key = &k
	}
	if t.Value != nil {
		v := SanitizeLine(*t.Value)
		c.Value = &v
	}
	s.Cmd = c
	return s, probs
}

// set reports whether a field holds a value (zero counts as unset).
func (t TimelineEntry) set(name string) bool {
	switch name {
	case "broker":
		return t.Broker != 0
	case "controller":
		return t.Controller != 0
	case "producer":
		return t.Producer != ""
	case "group":
		return t.Group != ""
	case "consumer":
		return t.Consumer != 0
	case "topic":
		return t.Topic != ""
	case "partitions":
		return t.Partitions != 0
	case "count":
		return t.Count != 0
	case "delay":
		return t.Delay != ""
	case "key":
		return t.Key != nil
	case "value":
		return t.Value != nil
	case "to":
		return t.To != ""
	case "client":
		return t.Client != ""
	case "host":
		return t.Host != ""
	case "request":
		return t.Request != ""
	case "body":
		return t.Body != ""
	case "fetch":
		return t.Fetch != 0
	case "late":
		return t.Late
	}
	return false
}

func fieldHint(name string) string {
	switch name {
	case "broker":
		return "brokers are numbered from 1: broker = 1"
	case "controller":
		return "controller nodes are numbered after the brokers: controller = 4 with 3 brokers"
	case "consumer":
		return "consumer = 1 is c1"
	case "delay":
		return `delay = "500ms" slows it, "0s" heals it`
	case "count":
		return "how many responses to drop: count = 1"
	case "partitions":
		return "the new total: partitions = 6"
	case "to":
		return `where the group starts: to = "earliest" or to = "latest"`
	}
	return "add " + name + ` = "..."`
}

func usesHint(kind sim.CommandKind) string {
	var names []string
	for _, f := range commandFields[kind] {
		names = append(names, strings.TrimSuffix(f, "?"))
	}
	if len(names) == 0 {
		return string(kind) + " takes only at and say"
	}
	return string(kind) + " takes " + strings.Join(names, ", ") + " (and at, say)"
}
