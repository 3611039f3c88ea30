package sandbox

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// resetRow is one partition of a reset plan.
type resetRow struct {
	tp     sim.TopicPartition
	offset int64
}

// resetOffsets is --reset-offsets: work out each partition's new offset
// as ConsumerGroupCommand does, print the plan, and with --execute commit it.
func (s *Session) resetOffsets(o *output, p *parsedOpts) {
	scenario := ""
	for _, sc := range resetScenarios {
		if p.has(sc) {
			scenario = sc
		}
	}
	switch scenario {
	case "":
		usageFailure(o, "kafka-consumer-groups", "Option '[reset-offsets]' requires one of the following scenarios: [[to-offset], [to-datetime], [by-duration], [to-earliest], [to-latest], [to-current], [shift-by], [from-file]]")
		return
	case "from-file":
		o.hint("the sandbox reads no files: use --to-earliest, --to-latest, --to-offset, --shift-by, --to-datetime or --by-duration")
		o.fail()
		return
	}
	if !p.has("topic") && !p.has("all-topics") {
		usageFailure(o, "kafka-consumer-groups", "One of the reset scopes should be defined: --all-topics, --topic.")
		return
	}
	snap := s.snap()
	plans := newJavaMap()
	rowsOf := map[string][]resetRow{}
	for _, id := range s.selectedGroups(p) {
		rows, st := s.planReset(o, p, snap, id, scenario)
		if st == planStop {
			return
		}
		if st == planSkip {
			continue
		}
		plans.Put(id, javaStringHash(id))
		rowsOf[id] = rows
	}
	printed := false
	for _, k := range plans.Keys() {
		if p.has("export") {
			for _, r := range rowsOf[k.Key] {
				o.linef("%s,%d,%d", r.tp.Topic, r.tp.Partition, r.offset)
			}
			continue
		}
		for _, r := range rowsOf[k.Key] {
			if !printed {
				// 3.9.0 printed this table on one line, a bug fixed in
				// 3.9.1 (KAFKA #17058); the sandbox prints the fixed layout.
				o.line("")
				o.linef("%-30s %-30s %-10s %-15s", "GROUP", "TOPIC", "PARTITION", "NEW-OFFSET")
				printed = true
			}
			o.linef("%-30s %-30s %-10s %-15s", k.Key, r.tp.Topic, strconv.Itoa(r.tp.Partition), strconv.FormatInt(r.offset, 10))
		}
	}
	if p.has("execute") && printed {
		o.hint("committed: the group's consumers start from these offsets the next time they are assigned the partitions")
	} else if printed {
		o.hint("nothing changed: this was a dry run. Add --execute to commit these offsets.")
	}
}

// planStatus says how planning one group's reset went.
type planStatus int

const (
	planOK   planStatus = iota
	planSkip            // this group is left alone; the others go on
	planStop            // the command fails
)

// planReset works out one group's new offsets and, with --execute, commits them.
func (s *Session) planReset(o *output, p *parsedOpts, snap sim.Snapshot, id, scenario string) ([]resetRow, planStatus) {
	g, exists := findGroup(snap, id)
	if exists && g.State != sim.GroupEmpty {
		// Kafka prints this and goes on with the other groups.
		printGroupError(o, fmt.Sprintf("Assignments can only be reset if the group '%s' is inactive, but the current state is %s.", id, g.State))
		o.hint("stop the group's consumers first (a consumer that crashed stays a member until session.timeout.ms passes)")
		return nil, planSkip
	}
	tps, ok := s.resetScope(o, p, g)
	if !ok {
		return nil, planStop
	}
	if exists {
		for _, tp := range tps {
			if !contains(g.Config.Topics, tp.Topic) {
				s.topicsGap(o, id, g.Config.Topics)
				return nil, planStop
			}
		}
	}
	committed := map[sim.TopicPartition]int64{}
	for _, off := range g.Offsets {
		if off.Committed >= 0 {
			committed[sim.TopicPartition{Topic: off.Topic, Partition: off.Partition}] = off.Committed
		}
	}
	m := newJavaMap()
	next := map[string]int64{}
	for _, tp := range tps {
		off, ok := s.newOffset(o, p, scenario, tp, committed)
		if !ok {
			return nil, planStop
		}
		m.Put(tp.String(), topicPartitionHash(tp.Topic, tp.Partition))
		next[tp.String()] = off
	}
	var rows []resetRow
	byKey := map[string]sim.TopicPartition{}
	for _, tp := range tps {
		byKey[tp.String()] = tp
	}
	for _, k := range m.Keys() {
		rows = append(rows, resetRow{tp: byKey[k.Key], offset: next[k.Key]})
	}
	if p.has("execute") && !s.commitReset(o, id, exists, rows) {
		return nil, planStop
	}
	return rows, planOK
}

// resetScope lists the partitions to reset: --all-topics (those with a
// committed offset) or each --topic T / --topic T:0,1.
func (s *Session) resetScope(o *output, p *parsedOpts, g sim.GroupView) ([]sim.TopicPartition, bool) {
	var tps []sim.TopicPartition
	if p.has("all-topics") {
		for _, off := range g.Offsets {
			if off.Committed >= 0 {
				tps = append(tps, sim.TopicPartition{Topic: off.Topic, Partition: off.Partition})
			}
		}
		return tps, true
	}
	var whole []string
	for _, arg := range p.all("topic") {
		topic, parts, hasParts := strings.Cut(arg, ":")
		if !hasParts {
			whole = append(whole, arg)
			continue
		}
		if strings.Count(arg, ":") != 1 {
			usageFailure(o, "kafka-consumer-groups", fmt.Sprintf("Invalid topic arg '%s', expected topic name and partitions", arg))
			return nil, false
		}
		for _, ps := range strings.Split(parts, ",") {
			n, err := strconv.Atoi(ps)
			if err != nil {
				usageFailure(o, "kafka-consumer-groups", fmt.Sprintf("Invalid partition '%s' specified in topic arg '%s''", ps, arg))
				return nil, false
			}
			tps = append(tps, sim.TopicPartition{Topic: topic, Partition: n})
		}
	}
	sort.Strings(whole)
	for _, topic := range whole {
		t, ok := s.topicView(topic)
		if !ok {
			printGroupError(o, "Executing consumer group command failed due to java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.")
			if sug := nearest(topic, s.topicNames(false)); sug != "" {
				o.hint("there is no topic %s; did you mean %s?", topic, sug)
			} else {
				o.hint("there is no topic %s: 'kafka-topics --list' shows the topics", topic)
			}
			return nil, false
		}
		for _, pv := range t.Partitions {
			tps = append(tps, sim.TopicPartition{Topic: topic, Partition: pv.Partition})
		}
	}
	for _, tp := range tps {
		if t, ok := s.topicView(tp.Topic); !ok || tp.Partition < 0 || tp.Partition >= len(t.Partitions) {
			printGroupError(o, "Executing consumer group command failed due to java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.")
			return nil, false
		}
	}
	return tps, true
}

// newOffset is prepareOffsetsToReset for one partition, with
// checkOffsetsRange's clamping (and its warnings).
func (s *Session) newOffset(o *output, p *parsedOpts, scenario string, tp sim.TopicPartition,
	committed map[sim.TopicPartition]int64) (int64, bool) {
	t, _ := s.topicView(tp.Topic)
	pv := t.Partitions[tp.Partition]
	start, end := pv.LogStart, pv.HighWatermark
	if pv.Leader == 0 {
		what := "ending"
		if scenario == "to-earliest" {
			what = "starting"
		}
		usageFailure(o, "kafka-consumer-groups", fmt.Sprintf("Error getting %s offset of topic partition: %s", what, tp))
		o.hint("%s has no leader, so nobody can answer for its offsets", tp)
		return 0, false
	}
	parse := func(name string) (int64, bool) {
		n, err := strconv.ParseInt(strings.TrimSpace(p.val(name)), 10, 64)
		if err != nil {
			usageFailure(o, "kafka-consumer-groups", fmt.Sprintf("Cannot parse argument '%s' of option %s", p.val(name), name))
			return 0, false
		}
		return n, true
	}
	var want int64
	switch scenario {
	case "to-datetime", "by-duration":
		ts, ok := s.resetTargetMs(o, p, scenario)
		if !ok {
			return 0, false
		}
		return s.timestampOffset(o, tp, start, end, ts), true
	case "to-earliest":
		return start, true
	case "to-latest":
		return end, true
	case "to-current":
		if c, ok := committed[tp]; ok {
			return c, true
		}
		return end, true
	case "to-offset":
		n, ok := parse("to-offset")
		if !ok {
			return 0, false
		}
		want = n
	case "shift-by":
		n, ok := parse("shift-by")
		if !ok {
			return 0, false
		}
		c, has := committed[tp]
		if !has {
			usageFailure(o, "kafka-consumer-groups", fmt.Sprintf("Cannot shift offset for partition %s since there is no current committed offset", tp))
			return 0, false
		}
		want = c + n
	}
	const logger = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"
	switch {
	case want > end:
		o.logLine("WARN", fmt.Sprintf("New offset (%d) is higher than latest offset for topic partition %s. Value will be set to %d", want, tp, end), logger)
		return end, true
	case want < start:
		o.logLine("WARN", fmt.Sprintf("New offset (%d) is lower than earliest offset for topic partition %s. Value will be set to %d", want, tp, start), logger)
		return start, true
	}
	return want, true
}

// commitReset commits a plan. A group that does not exist yet gets one
// with no consumers, as committing offsets for a new group id creates it.
func (s *Session) commitReset(o *output, id string, exists bool, rows []resetRow) bool {
	if !exists && len(rows) > 0 {
		var topics []string
		for _, r := range rows {
			if !contains(topics, r.tp.Topic) {
				topics = append(topics, r.tp.Topic)
			}
		}
		spec := sim.DefaultGroup(id, topics...)
		spec.Consumers = 0
		if err := s.run.Apply(sim.Command{Kind: sim.CmdAddGroup, GroupSpec: &spec}); err != nil {
			if _, _, deleted := s.deletedGroup(id); deleted {
				o.hint("the simulator cannot bring back deleted group %s by resetting its offsets; start a consumer in it first", id)
			} else {
				o.hint("the simulator could not create group %s: %v", id, err)
			}
			o.fail()
			return false
		}
	}
	for _, r := range rows {
		if err := s.run.Apply(sim.Command{Kind: sim.CmdResetOffsets, Group: id, Topic: r.tp.Topic, Partition: r.tp.Partition,
			Reset: sim.ResetToOffset, Offset: r.offset}); err != nil {
			printGroupError(o, "Executing consumer group command failed due to "+err.Error())
			return false
		}
	}
	return true
}
