package sim

import (
	"strconv"
	"strings"
)

// OffsetCommit and OffsetFetch for live groups, the reads the ledger
// counts for them, and ListGroups / DescribeGroups.

// CommitOffset is one partition of an OffsetCommit.
type CommitOffset struct {
	Topic       string
	Partition   int
	Offset      int64
	LeaderEpoch int32
}

// CommitRequest is a live OffsetCommit. A generation of -1 with no member
// id is a commit from outside the group protocol (an admin tool, or a
// consumer with assigned partitions), allowed only while the group is
// Empty.
type CommitRequest struct {
	Broker     int
	Group      string
	MemberID   string
	InstanceID string // a static member's group.instance.id (OffsetCommit v7+)
	Generation int
	Offsets    []CommitOffset
}

// ExternalCommit stores offsets (GroupCoordinator.handleCommitOffsets) and
// returns an error for each partition.
func (s *Sim) ExternalCommit(req CommitRequest) []string {
	codes := make([]string, len(req.Offsets))
	all := func(c string) []string {
		for i := range codes {
			codes[i] = c
		}
		return codes
	}
	if code := s.coordinatorCheck(req.Group, req.Broker); code != "" {
		return all(code)
	}
	eg := s.externalGroup(req.Group)
	member := req.MemberID
	switch {
	case req.Generation < 0 && req.MemberID == "" && eg.state == GroupEmpty:
		member = ""
	case eg.staticCheck(req.MemberID, req.InstanceID) != "":
		return all(eg.staticCheck(req.MemberID, req.InstanceID))
	case eg.member(req.MemberID) == nil:
		return all("UNKNOWN_MEMBER_ID")
	case req.Generation != eg.generation:
		return all("ILLEGAL_GENERATION")
	case eg.state == GroupCompletingRebalance:
		return all("REBALANCE_IN_PROGRESS")
	default:
		eg.member(req.MemberID).lastSeenMs = s.nowMs
	}
	s.storeLiveOffsets(req.Group, eg, member, req.Offsets, codes)
	return codes
}

// storeLiveOffsets makes offsets the group's committed offsets (an
// OffsetCommit, or a transaction's offsets when it commits), with an
// error code for each.
func (s *Sim) storeLiveOffsets(group string, eg *extGroup, member string, offsets []CommitOffset, codes []string) {
	var text []string
	for i, o := range offsets {
		if _, t := s.topicByName(o.Topic); t == nil || o.Partition < 0 || o.Partition >= len(t.parts) {
			codes[i] = "UNKNOWN_TOPIC_OR_PARTITION"
			continue
		}
		codes[i] = "NONE"
		tp := TopicPartition{Topic: o.Topic, Partition: o.Partition}
		eg.subscribe([]string{o.Topic})
		id := s.tpidAdd(tp)
		eg.g.committed.set(id, o.Offset)
		eg.g.committedEpoch.set(id, o.LeaderEpoch)
		s.addCommit(eg.g, id, o.Offset, member, eg.generation)
		text = append(text, tp.String()+"@"+strconv.FormatInt(o.Offset, 10))
	}
	if len(text) > 0 {
		s.emit(&Event{Type: EvCommitted, Group: group, Member: member, Gen: eg.generation, Count: len(text),
			Text: strings.Join(text, " ")})
	}
}

// CommittedOffset answers one partition of an OffsetFetch: the committed
// offset and its leader epoch, or -1 when there is none.
func (s *Sim) CommittedOffset(groupID, topic string, part int) (int64, int32) {
	g := s.groupByID(groupID)
	if g == nil {
		return -1, -1
	}
	tp := TopicPartition{Topic: topic, Partition: part}
	id := s.tpid(tp)
	off, ok := g.committed.get(id)
	if !ok {
		return -1, -1
	}
	ep, ok := g.committedEpoch.get(id)
	if !ok {
		ep = -1
	}
	return off, ep
}

// CommittedPartitions lists the partitions a group has offsets for, sorted.
func (s *Sim) CommittedPartitions(groupID string) []TopicPartition {
	g := s.groupByID(groupID)
	if g == nil {
		return nil
	}
	var out []TopicPartition
	for _, id := range g.committed.ids() {
		out = append(out, s.tpIDs.tp(id))
	}
	sortTPs(out)
	return out
}

// CoordinatorCheck is the error a group request to broker gets, "" when
// broker is the group's coordinator.
func (s *Sim) CoordinatorCheck(groupID string, broker int) string {
	return s.coordinatorCheck(groupID, broker)
}

// creditExternalRead counts records handed to a live group's member in the
// ledger, as that group's reads: the member whose assignment holds tp and
// whose client id sent the fetch. A record counts once per member and
// generation (a client fetching again after a lost response is not a new
// read); a record read again by another member, or after a rebalance, is
// a duplicate, as it is for the application.
func (s *Sim) creditExternalRead(clientID string, tp TopicPartition, recs []bufRec) {
	eg, m := s.readerOf(clientID, tp)
	if m == nil {
		return
	}
	if m.readUpTo == nil {
		m.readUpTo = map[TopicPartition]int64{}
	}
	from, seen := m.readUpTo[tp]
	var fresh []bufRec
	for _, r := range recs {
		if !seen || r.offset >= from {
			fresh = append(fresh, r)
		}
	}
	if len(fresh) == 0 {
		return
	}
	m.readUpTo[tp] = fresh[len(fresh)-1].offset + 1
	if s.holdTxnRead(clientID, m, eg.generation, fresh) {
		return
	}
	s.countProcessedAs(eg.g, &member{name: m.id, genSynced: eg.generation}, fresh, ReasonLiveRead)
}

func (s *Sim) readerOf(clientID string, tp TopicPartition) (*extGroup, *extMember) {
	if s.live == nil {
		return nil, nil
	}
	// Any state: during a rebalance a member still owns what it was last
	// assigned until SyncGroup hands it the new assignment, and a
	// cooperative consumer keeps fetching those partitions (KIP-429).
	for _, eg := range s.live.groups {
		for _, m := range eg.members {
			if m.clientID == clientID && containsTP(m.assigned, tp) {
				return eg, m
			}
		}
	}
	return nil, nil
}

// GroupListing is one group as ListGroups and DescribeGroups tell it.
type GroupListing struct {
	ID, State, ProtocolType, Protocol string
	Members                           []GroupMemberInfo
}

// ExternalGroups lists every group the coordinators know: live groups with
// their members, and the scenario's groups.
func (s *Sim) ExternalGroups() []GroupListing {
	var out []GroupListing
	for _, g := range s.groups {
		if g.state == GroupDead {
			continue
		}
		if s.live != nil {
			if eg := s.live.group(g.cfg.ID); eg != nil && eg.g == g {
				out = append(out, eg.listing())
				continue
			}
		}
		out = append(out, GroupListing{ID: g.cfg.ID, State: string(g.state), ProtocolType: "consumer", Protocol: g.protocol})
	}
	return out
}

func (eg *extGroup) listing() GroupListing {
	gl := GroupListing{ID: eg.id, State: string(eg.state), ProtocolType: eg.protocolType, Protocol: eg.protocol}
	for _, m := range eg.members {
		gl.Members = append(gl.Members, GroupMemberInfo{MemberID: m.id, InstanceID: m.instanceID, ClientID: m.clientID, ClientHost: m.host,
			Metadata: m.metadataFor(eg.protocol), Assignment: m.assignment})
	}
	return gl
}

// ReasonLiveRead marks records handed to a live client: the broker cannot
// see the application, so the ledger counts a record as processed when a
// fetch response hands it to a member of the group.
const ReasonLiveRead Reason = "live-read"

func liveReadWhy(e Event) string {
	s := "broker handed " + e.Member + " " + plural(e.Count, "record", "records") + " (" + e.Text +
		") in generation " + strconv.Itoa(e.Gen) + ": the ledger counts them as read by group " + e.Group
	if e.Duplicates > 0 {
		s += "; " + strconv.Itoa(int(e.Duplicates)) + " of them the group had read before: duplicates"
	}
	return s
}
