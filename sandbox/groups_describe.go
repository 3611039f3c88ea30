package sandbox

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// missing is what kafka-consumer-groups prints where a value is absent.
const missing = "-"

// consumerHost is the HOST column: the client's address as the broker
// saw it. The sandbox's clients all run on the learner's machine.
const consumerHost = "/127.0.0.1"

// groupRow is one row of --describe --offsets.
type groupRow struct {
	group, topic, partition, current, logEnd, lag, consumerID, host, clientID string
}

func (s *Session) describeGroup(o *output, p *parsedOpts, id string) {
	snap := s.snap()
	g, ok := findGroup(snap, id)
	if !ok {
		printGroupError(o, fmt.Sprintf("Consumer group '%s' does not exist.", id))
		if sug := nearest(id, s.groupIDs()); sug != "" {
			o.hint("did you mean --group %s? 'kafka-consumer-groups --list' shows them all", sug)
		} else {
			o.hint("groups appear when a consumer joins one, e.g. kafka-console-consumer --group %s ...", id)
		}
		return
	}
	switch {
	case p.has("members"):
		s.describeMembers(o, g, p.has("verbose"))
	case p.has("state"):
		describeState(o, g)
	default:
		s.describeOffsets(o, snap, g)
	}
}

// memberStateLine is shouldPrintMemberState: a note about Empty and
// rebalancing groups, printed before the table.
func memberStateLine(o *output, g sim.GroupView) {
	switch g.State {
	case sim.GroupEmpty:
		o.line("")
		o.linef("Consumer group '%s' has no active members.", g.ID)
	case sim.GroupPreparingRebalance, sim.GroupCompletingRebalance:
		o.line("")
		o.linef("Warning: Consumer group '%s' is rebalancing.", g.ID)
	}
}

// describeOffsets prints the offsets table: rows for the partitions each
// member owns (members with more partitions first), then rows for
// partitions with a committed offset and no owner.
func (s *Session) describeOffsets(o *output, snap sim.Snapshot, g sim.GroupView) {
	committed := map[sim.TopicPartition]sim.GroupOffset{}
	for _, off := range g.Offsets {
		committed[sim.TopicPartition{Topic: off.Topic, Partition: off.Partition}] = off
	}
	var rows []groupRow
	assigned := map[sim.TopicPartition]bool{}
	for _, m := range membersBySize(g) {
		rows = append(rows, s.partitionRows(snap, g, committed, m.Assigned, m.MemberID, consumerHost, m.ClientID)...)
		for _, tp := range m.Assigned {
			assigned[tp] = true
		}
	}
	var orphans []sim.TopicPartition
	for _, off := range g.Offsets {
		tp := sim.TopicPartition{Topic: off.Topic, Partition: off.Partition}
		if off.Committed >= 0 && !assigned[tp] {
			orphans = append(orphans, tp)
		}
	}
	rows = append(rows, s.partitionRows(snap, g, committed, orphans, missing, missing, missing)...)

	memberStateLine(o, g)
	if len(rows) == 0 {
		return
	}
	w := [4]int{15, 15, 15, 15}
	for _, r := range rows {
		w[0] = max(w[0], len(r.group))
		w[1] = max(w[1], len(r.topic))
		w[2] = max(w[2], len(r.consumerID))
		w[3] = max(w[3], len(r.host))
	}
	format := fmt.Sprintf("%%-%ds %%-%ds %%-10s %%-15s %%-15s %%-15s %%-%ds %%-%ds %%s", w[0], w[1], w[2], w[3])
	o.line("")
	o.linef(format, "GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID")
	for _, r := range rows {
		o.linef(format, r.group, r.topic, r.partition, r.current, r.logEnd, r.lag, r.consumerID, r.host, r.clientID)
	}
}

// membersBySize lists the members the coordinator reports with an
// assignment, most partitions first. Outside Stable the coordinator
// reports no assignments at all.
func membersBySize(g sim.GroupView) []sim.MemberView {
	if g.State != sim.GroupStable {
		return nil
	}
	var ms []sim.MemberView
	for _, m := range g.Members {
		if len(m.Assigned) > 0 && m.State != sim.MemberClosed {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return len(ms[i].Assigned) > len(ms[j].Assigned) })
	return ms
}

// partitionRows builds the rows of a set of partitions in the order Kafka
// prints them: sorted by partition, then through a HashMap (the log end
// offsets it looked up), whose bucket order wins.
func (s *Session) partitionRows(snap sim.Snapshot, g sim.GroupView, committed map[sim.TopicPartition]sim.GroupOffset,
	tps []sim.TopicPartition, consumerID, host, clientID string) []groupRow {
	sorted := append([]sim.TopicPartition(nil), tps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Partition < sorted[j].Partition })
	m := newJavaMap()
	byKey := map[string]sim.TopicPartition{}
	for _, tp := range sorted {
		m.Put(tp.String(), topicPartitionHash(tp.Topic, tp.Partition))
		byKey[tp.String()] = tp
	}
	var rows []groupRow
	for _, k := range m.Keys() {
		tp := byKey[k.Key]
		r := groupRow{group: g.ID, topic: tp.Topic, partition: strconv.Itoa(tp.Partition),
			current: missing, logEnd: missing, lag: missing, consumerID: consumerID, host: host, clientID: clientID}
		off, ok := committed[tp]
		end, known := logEndOffset(snap, tp)
		if known {
			r.logEnd = strconv.FormatInt(end, 10)
		}
		if ok && off.Committed >= 0 {
			r.current = strconv.FormatInt(off.Committed, 10)
			if known {
				r.lag = strconv.FormatInt(end-off.Committed, 10)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// logEndOffset is what ListOffsets(latest) answers for a read_uncommitted
// admin client: the high watermark. A partition without a leader cannot
// answer.
func logEndOffset(snap sim.Snapshot, tp sim.TopicPartition) (int64, bool) {
	for _, t := range snap.Topics {
		if t.Name == tp.Topic && tp.Partition < len(t.Partitions) {
			pv := t.Partitions[tp.Partition]
			return pv.HighWatermark, pv.Leader != 0
		}
	}
	return 0, false
}

// inGroup reports whether the coordinator still counts a member: a
// crashed one stays until its session times out (and its assignment is
// cleared then).
func inGroup(m sim.MemberView) bool {
	switch m.State {
	case sim.MemberClosed:
		return false
	case sim.MemberCrashed:
		return len(m.Assigned) > 0
	}
	return true
}

// describeMembers is --describe --members [--verbose].
func (s *Session) describeMembers(o *output, g sim.GroupView, verbose bool) {
	var ms []sim.MemberView
	for _, m := range g.Members {
		if inGroup(m) {
			ms = append(ms, m)
		}
	}
	memberStateLine(o, g)
	// printMembers prints the header even when no member is left; the
	// widths grow only with the rows.
	w := [4]int{15, 15, 15, 15}
	for _, m := range ms {
		w[0] = max(w[0], len(g.ID))
		w[1] = max(w[1], len(m.MemberID))
		w[2] = max(w[2], len(consumerHost))
		w[3] = max(w[3], len(m.ClientID))
	}
	format := fmt.Sprintf("%%-%ds %%-%ds %%-%ds %%-%ds %%-15s ", w[0], w[1], w[2], w[3])
	header := fmt.Sprintf(format, "GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS")
	if verbose {
		header += "ASSIGNMENT"
	}
	o.line("")
	o.line(header)
	for _, m := range ms {
		assigned := m.Assigned
		if g.State != sim.GroupStable {
			assigned = nil
		}
		row := fmt.Sprintf(format, g.ID, m.MemberID, consumerHost, m.ClientID, strconv.Itoa(len(assigned)))
		if verbose {
			row += assignmentText(assigned)
		}
		o.line(row)
	}
}

// assignmentText is --verbose's ASSIGNMENT column: "topic(0,1), other(2)".
func assignmentText(tps []sim.TopicPartition) string {
	if len(tps) == 0 {
		return missing
	}
	byTopic := map[string][]string{}
	for _, tp := range tps {
		byTopic[tp.Topic] = append(byTopic[tp.Topic], strconv.Itoa(tp.Partition))
	}
	var groups []string
	for topic, parts := range byTopic {
		sort.Strings(parts) // Kafka sorts them as strings: 10 before 2
		groups = append(groups, topic+"("+strings.Join(parts, ",")+")")
	}
	sort.Strings(groups)
	return strings.Join(groups, ", ")
}

// describeState is --describe --state.
func describeState(o *output, g sim.GroupView) {
	memberStateLine(o, g)
	coordinator := fmt.Sprintf("%s  (%d)", brokerAddr(g.Coordinator), g.Coordinator)
	width := max(25, len(coordinator))
	format := fmt.Sprintf("%%-%ds %%-25s %%-20s %%-15s %%s", width)
	members := 0
	for _, m := range g.Members {
		if inGroup(m) {
			members++
		}
	}
	protocol := g.Protocol
	if g.State == sim.GroupEmpty {
		protocol = "" // a group with no members has no agreed assignor
	}
	o.line("")
	o.linef(format, "GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS")
	o.linef(format, g.ID, coordinator, protocol, string(g.State), strconv.Itoa(members))
}
