package sandbox

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"kafkasim/sim"
)

// The simulator's own verbs: faults, new consumers, and moving time.

// verbs maps each verb to its handler.
func verbs() map[string]command {
	return map[string]command{
		"crash":   (*Session).crashVerb,
		"restart": (*Session).restartVerb,
		"slow":    (*Session).slowVerb,
		"add":     (*Session).addVerb,
		"close":   consumerVerb("close"),
		"pause":   consumerVerb("pause"),
		"resume":  consumerVerb("resume"),
		"step":    (*Session).stepVerb,
		"play":    (*Session).playVerb,
		"help":    (*Session).helpVerb,
		"jobs":    (*Session).jobsVerb,
		"kill":    (*Session).killVerb,
	}
}

// verbUsage is each verb's syntax, for help and mistakes.
var verbUsage = map[string]string{
	"crash":   "crash broker N | crash consumer GROUP N",
	"restart": "restart broker N | restart consumer GROUP N",
	"slow":    "slow broker N DURATION (e.g. slow broker 1 3s; 0 heals it)",
	"add":     "add consumer GROUP",
	"close":   "close consumer GROUP N",
	"pause":   "pause consumer GROUP N",
	"resume":  "resume consumer GROUP N",
	"step":    "step [N]",
	"play":    "play [DURATION] (default 5s)",
	"help":    "help",
	"jobs":    "jobs (the console consumers running in the background)",
	"kill":    "kill %N (stop background job N)",
}

func verbMistake(o *output, verb, msg string) {
	o.line(verb + ": " + msg)
	o.hint("usage: %s", verbUsage[verb])
	o.fail()
}

// brokerArg reads "broker N".
func (s *Session) brokerArg(o *output, verb string, args []string, extra int) (int, bool) {
	if len(args) != 2+extra || args[0] != "broker" {
		verbMistake(o, verb, "which broker?")
		return 0, false
	}
	id, err := strconv.Atoi(args[1])
	n := s.brokerCount()
	if err != nil || id < 1 || id > n {
		verbMistake(o, verb, fmt.Sprintf("there is no broker %s (brokers are 1..%d)", args[1], n))
		return 0, false
	}
	return id, true
}

func (s *Session) brokerState(id int) sim.BrokerView {
	return s.snap().Brokers[id-1]
}

func (s *Session) crashVerb(o *output, args []string) {
	if len(args) > 0 && args[0] == "consumer" {
		consumerVerb("crash")(s, o, args)
		return
	}
	id, ok := s.brokerArg(o, "crash", args, 0)
	if !ok {
		return
	}
	if s.brokerState(id).State == sim.BrokerDown {
		o.hint("broker %d is already down; 'restart broker %d' brings it back", id, id)
		return
	}
	s.applyVerb(o, sim.Command{Kind: sim.CmdCrashBroker, Broker: id})
	o.linef("Broker %d (%s) crashed.", id, brokerAddr(id))
	timeout, prop := s.run.Sim().Config().Cluster.SessionTimeout()
	o.hint("the controller only notices when the broker misses heartbeats for %s (%s); until then it still counts as leader. Try 'play %s', then kafka-topics --describe.",
		prop, sim.FormatMs(timeout), sim.FormatMs(timeout+1000))
}

func (s *Session) restartVerb(o *output, args []string) {
	if len(args) > 0 && args[0] == "consumer" {
		consumerVerb("restart")(s, o, args)
		return
	}
	id, ok := s.brokerArg(o, "restart", args, 0)
	if !ok {
		return
	}
	if st := s.brokerState(id); st.State != sim.BrokerDown || st.Registering {
		o.hint("broker %d is already running", id)
		return
	}
	s.applyVerb(o, sim.Command{Kind: sim.CmdRestartBroker, Broker: id})
	o.linef("Broker %d (%s) restarted.", id, brokerAddr(id))
	if s.brokerState(id).Registering {
		o.hint("its old session has not expired yet, so the controller will not register it until it does: until then it serves nothing, and then it loses its leaderships and catches up as a follower")
		return
	}
	o.hint("its replicas catch up from the leaders and rejoin the ISR; leadership stays where it moved until the controller's balance check (leader.imbalance.check.interval.seconds, 5 minutes by default) hands it back to the preferred replica")
}

func (s *Session) slowVerb(o *output, args []string) {
	id, ok := s.brokerArg(o, "slow", args, 1)
	if !ok {
		return
	}
	ms, err := parseVirtualMs(args[2], true)
	if err != nil {
		verbMistake(o, "slow", err.Error())
		return
	}
	s.applyVerb(o, sim.Command{Kind: sim.CmdSlowBroker, Broker: id, DelayMs: ms})
	if ms == 0 {
		o.linef("Broker %d is back to normal speed.", id)
		return
	}
	o.linef("Broker %d now answers %s late.", id, sim.FormatMs(ms))
	o.hint("a follower that stays behind longer than replica.lag.time.max.ms (%s) is dropped from the ISR",
		sim.FormatMs(s.run.Sim().Config().Cluster.ReplicaLagTimeMaxMs))
}

func (s *Session) addVerb(o *output, args []string) {
	if len(args) != 2 || args[0] != "consumer" {
		verbMistake(o, "add", "add what?")
		return
	}
	g, ok := findGroup(s.snap(), args[1])
	if !ok {
		verbMistake(o, "add", fmt.Sprintf("there is no group %s; a console consumer with --group %s creates one", args[1], args[1]))
		return
	}
	if !s.consumerRoom(o, g.ID, false) {
		return
	}
	if err := s.run.Apply(sim.Command{Kind: sim.CmdAddConsumer, Group: g.ID}); err != nil {
		verbMistake(o, "add", err.Error())
		return
	}
	n := len(g.Members) + 1
	o.linef("Consumer c%d of group %s started (client.id %s).", n, g.ID, s.newMemberClientID(g.ID, n))
	o.hint("it joins at its first poll; the group then rebalances and shares the partitions of %s with it. 'play 5s' to watch.", strings.Join(g.Config.Topics, ", "))
}

// consumerVerb handles "VERB consumer GROUP N".
func consumerVerb(verb string) command {
	kinds := map[string]sim.CommandKind{"crash": sim.CmdCrashConsumer, "restart": sim.CmdRestartConsumer,
		"close": sim.CmdCloseConsumer, "pause": sim.CmdPauseConsumer, "resume": sim.CmdResumeConsumer}
	return func(s *Session, o *output, args []string) {
		if len(args) != 3 || args[0] != "consumer" {
			verbMistake(o, verb, "which consumer?")
			return
		}
		n, err := strconv.Atoi(strings.TrimPrefix(args[2], "c"))
		if err != nil {
			verbMistake(o, verb, fmt.Sprintf("%q is not a consumer number", args[2]))
			return
		}
		if gone := s.goneConsumer(args[1], n, verb); gone != "" {
			o.line(gone)
			o.hint("'kafka-consumer-groups --describe --group %s --members' lists the members still in the group; 'restart consumer %s %d' starts it again", args[1], args[1], n)
			o.fail()
			return
		}
		if err := s.run.Apply(sim.Command{Kind: kinds[verb], Group: args[1], Consumer: n}); err != nil {
			verbMistake(o, verb, err.Error())
			return
		}
		past := map[string]string{"crash": "crashed", "restart": "restarted", "close": "closed", "pause": "paused", "resume": "resumed"}[verb]
		o.linef("Consumer c%d of group %s %s.", n, args[1], past)
		switch verb {
		case "crash":
			o.hint("no LeaveGroup is sent: the coordinator keeps it as a member until session.timeout.ms passes without a heartbeat, then rebalances")
		case "close":
			o.hint("a clean shutdown commits its position (close() does so itself with enable.auto.commit=true; a program that commits by hand calls commitSync() first) and sends LeaveGroup, so the group rebalances at once")
		case "pause":
			o.hint("it stops calling poll(); heartbeats go on, but after max.poll.interval.ms it is taken out of the group")
		}
	}
}

func (s *Session) applyVerb(o *output, cmd sim.Command) {
	if err := s.run.Apply(cmd); err != nil {
		o.hint("%v", err)
		o.fail()
	}
}

// parseVirtualMs reads a duration: "3s", "500ms", "1m30s", or a number of
// milliseconds.
func parseVirtualMs(s string, zeroOK bool) (int64, error) {
	ms, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		d, derr := time.ParseDuration(s)
		if derr != nil {
			return 0, fmt.Errorf("%q is not a duration: write e.g. 3s, 500ms or 2m", s)
		}
		ms = d.Milliseconds()
	}
	switch {
	case ms < 0 || (ms == 0 && !zeroOK):
		return 0, fmt.Errorf("%q must be more than 0", s)
	case ms > maxPlayMs:
		return 0, fmt.Errorf("%q is longer than an hour", s)
	}
	return ms, nil
}

// maxPlayMs bounds one play, so a typo cannot stall the session.
const maxPlayMs = 3_600_000

// goneConsumer explains a crash or close aimed at a consumer that is no
// longer running (a console consumer that has exited is closed): the
// engine would do nothing, which must not read as a crash.
func (s *Session) goneConsumer(group string, n int, verb string) string {
	if verb != "crash" && verb != "close" {
		return ""
	}
	g, ok := findGroup(s.snap(), group)
	if !ok {
		return ""
	}
	name := fmt.Sprintf("c%d", n)
	for _, m := range g.Members {
		if m.Name != name {
			continue
		}
		switch m.State {
		case sim.MemberClosed:
			return fmt.Sprintf("%s: consumer %s of group %s is gone: it already left the group (closed), so there is nothing to %s.", verb, name, group, verb)
		case sim.MemberCrashed:
			return fmt.Sprintf("%s: consumer %s of group %s is gone: it already crashed, so there is nothing to %s.", verb, name, group, verb)
		}
	}
	return ""
}

// newMemberClientID is the client.id the engine gave member cN: the group's
// own client.id when it has one (a console consumer's group keeps
// console-consumer), else the consumer-GROUP-N that KafkaConsumer makes up.
func (s *Session) newMemberClientID(group string, n int) string {
	if g, ok := findGroup(s.snap(), group); ok {
		for _, m := range g.Members {
			if m.Name == "c"+strconv.Itoa(n) {
				return m.ClientID
			}
		}
	}
	return fmt.Sprintf("consumer-%s-%d", group, n)
}
