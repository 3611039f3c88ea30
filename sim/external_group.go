package sim

// The group coordinator for live consumer groups: the classic protocol
// (GroupCoordinator and GroupMetadata in Kafka 3.9). The coordinator never
// reads the protocol's metadata or assignments: the leader client picks
// the partitions with its own assignor and sends them in SyncGroup. The
// wire package decodes them only so the ledger knows who reads what.

// Kafka's bounds on session.timeout.ms (group.min.session.timeout.ms and
// group.max.session.timeout.ms).
const (
	groupMinSessionMs = 6000
	groupMaxSessionMs = 1800000
)

// GroupProtocol is one assignor a member supports, with its metadata.
type GroupProtocol struct {
	Name     string
	Metadata []byte
}

// GroupMemberInfo is one member as JoinGroup tells the leader, and as
// DescribeGroups describes it.
type GroupMemberInfo struct {
	MemberID, InstanceID, ClientID, ClientHost string
	Metadata                                   []byte
	Assignment                                 []byte
}

// JoinRequest is a live JoinGroup.
type JoinRequest struct {
	Ticket       int64
	Broker       int
	Group        string
	MemberID     string
	InstanceID   string // group.instance.id of a static member (KIP-345), or ""
	ClientID     string
	ClientHost   string
	ProtocolType string
	Protocols    []GroupProtocol
	SessionMs    int64
	RebalanceMs  int64
	// RequireKnownMember: JoinGroup v4+, where a new member first gets its
	// id back with MEMBER_ID_REQUIRED (KIP-394).
	RequireKnownMember bool
	// Topics the member subscribes to (from the consumer protocol's
	// metadata), for the ledger.
	Topics []string
}

// JoinResult answers a JoinGroup. Members is filled for the leader only.
type JoinResult struct {
	Err          string
	Generation   int
	ProtocolType string
	Protocol     string
	Leader       string
	MemberID     string
	Members      []GroupMemberInfo
}

type extGroup struct {
	id           string
	g            *group // the ledger's view: reads, commits, history
	state        GroupState
	generation   int
	protocolType string
	protocol     string
	leader       string
	members      []*extMember
	pending      []string // member ids handed out with MEMBER_ID_REQUIRED
	delayUntil   int64    // group.initial.rebalance.delay.ms, from Empty
	deadline     int64    // the rebalance timeout
	timerAt      int64    // when the queued timer fires, -1 = none
}

type extMember struct {
	id, clientID, host string
	instanceID         string // static members (external_group_static.go)
	sessionMs          int64
	rebalanceMs        int64
	protocols          []GroupProtocol
	topics             []string
	joinTicket         int64 // 0 = no JoinGroup waiting
	syncTicket         int64
	lastSeenMs         int64
	assignment         []byte
	assigned           []TopicPartition
	readUpTo           map[TopicPartition]int64
	held               []heldRead // a transactional client's reads, until a commit (external_txn_reads.go)
}

func (x *external) group(id string) *extGroup {
	for _, eg := range x.groups {
		if eg.id == id {
			return eg
		}
	}
	return nil
}

func (eg *extGroup) member(id string) *extMember {
	for _, m := range eg.members {
		if m.id == id {
			return m
		}
	}
	return nil
}

// externalGroup finds or creates a live group, with a group in the ledger.
func (s *Sim) externalGroup(id string) *extGroup {
	x := s.ext()
	if eg := x.group(id); eg != nil {
		return eg
	}
	cfg := DefaultGroup(id)
	cfg.Consumers = 0
	g := s.groupByID(id)
	if g == nil || g.state == GroupDead {
		g = &group{cfg: cfg, idx: int32(len(s.groups)), state: GroupEmpty, leader: -1}
		s.groups = append(s.groups, g)
		g.coord = s.coordinator(g)
	}
	eg := &extGroup{id: id, g: g, state: GroupEmpty, timerAt: -1}
	x.groups = append(x.groups, eg)
	return eg
}

// subscribe adds topics to what the ledger counts for the group.
func (eg *extGroup) subscribe(topics []string) {
	for _, t := range topics {
		if !containsString(eg.g.cfg.Topics, t) {
			eg.g.cfg.Topics = append(eg.g.cfg.Topics, t)
		}
	}
}

// ExternalJoin handles a JoinGroup. It answers at once (true) or parks the
// request until the rebalance's join phase completes.
func (s *Sim) ExternalJoin(req JoinRequest) (JoinResult, bool) {
	fail := func(code string) (JoinResult, bool) {
		return JoinResult{Err: code, Generation: -1, MemberID: req.MemberID}, true
	}
	if code := s.coordinatorCheck(req.Group, req.Broker); code != "" {
		return fail(code)
	}
	if req.SessionMs < groupMinSessionMs || req.SessionMs > groupMaxSessionMs {
		return fail("INVALID_SESSION_TIMEOUT")
	}
	eg := s.externalGroup(req.Group)
	if len(eg.members) > 0 && (req.ProtocolType != eg.protocolType || !eg.supportsAny(req.Protocols)) {
		return fail("INCONSISTENT_GROUP_PROTOCOL")
	}
	if req.InstanceID != "" {
		if res, answered, done := s.staticJoin(eg, &req); done {
			return res, answered
		}
	}
	m := eg.member(req.MemberID)
	switch {
	case req.MemberID == "" && req.RequireKnownMember:
		id := s.newMemberID(req.ClientID)
		eg.pending = append(eg.pending, id)
		return JoinResult{Err: "MEMBER_ID_REQUIRED", Generation: -1, MemberID: id}, true
	case req.MemberID == "":
		req.MemberID = s.newMemberID(req.ClientID)
	case m == nil && !eg.takePending(req.MemberID):
		return fail("UNKNOWN_MEMBER_ID")
	}
	if m != nil && m.matches(req.Protocols) &&
		(eg.state == GroupCompletingRebalance || (eg.state == GroupStable && m.id != eg.leader)) {
		// A member rejoining with the same metadata (it missed the
		// JoinGroup answer) gets the current generation back; only the
		// leader's rejoin, or changed metadata, rebalances
		// (GroupCoordinator.handleJoinGroup).
		m.lastSeenMs = s.nowMs
		return eg.joinResult(m), true
	}
	if eg.state == GroupEmpty || len(eg.members) == 0 {
		eg.protocolType = req.ProtocolType
	}
	if m == nil {
		m = &extMember{id: req.MemberID, clientID: req.ClientID, host: req.ClientHost, instanceID: req.InstanceID}
		eg.members = append(eg.members, m)
		s.emit(&Event{Type: EvMemberJoined, Group: eg.id, Member: m.id, Broker: req.Broker})
	}
	m.sessionMs, m.rebalanceMs, m.protocols, m.topics = req.SessionMs, req.RebalanceMs, req.Protocols, req.Topics
	m.joinTicket, m.lastSeenMs = req.Ticket, s.nowMs
	eg.subscribe(req.Topics)
	if eg.state != GroupPreparingRebalance {
		s.prepareRebalance(eg, ReasonJoin, m.id)
	}
	s.maybeCompleteExternalJoin(eg, false)
	return JoinResult{}, false
}

func (eg *extGroup) takePending(id string) bool {
	for i, p := range eg.pending {
		if p == id {
			eg.pending = append(eg.pending[:i:i], eg.pending[i+1:]...)
			return true
		}
	}
	return false
}

// supportsAny: a new member must share at least one protocol with every
// member already in the group.
func (eg *extGroup) supportsAny(ps []GroupProtocol) bool {
	for _, p := range ps {
		ok := true
		for _, m := range eg.members {
			ok = ok && m.supports(p.Name)
		}
		if ok {
			return true
		}
	}
	return false
}

func (m *extMember) supports(name string) bool {
	for _, p := range m.protocols {
		if p.Name == name {
			return true
		}
	}
	return false
}

// newMemberID is clientId-UUID, as the coordinator makes them.
func (s *Sim) newMemberID(clientID string) string { return clientID + "-" + s.uuid() }

func (m *extMember) metadataFor(protocol string) []byte {
	for _, p := range m.protocols {
		if p.Name == protocol {
			return p.Metadata
		}
	}
	return nil
}

// matches: the same protocols, in the same order, with the same metadata.
func (m *extMember) matches(ps []GroupProtocol) bool {
	if len(ps) != len(m.protocols) {
		return false
	}
	for i, p := range ps {
		if p.Name != m.protocols[i].Name || string(p.Metadata) != string(m.protocols[i].Metadata) {
			return false
		}
	}
	return true
}
