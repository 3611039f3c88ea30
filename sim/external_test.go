package sim

import "testing"

// liveSim is a 3-broker cluster with topic orders (3 partitions, RF 3).
func liveSim(t *testing.T) *Sim {
	t.Helper()
	cl := DefaultCluster(3)
	s, err := New(Config{Seed: 3, Cluster: cl, Topics: []TopicConfig{DefaultTopic("orders", 3, 3)}})
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(100)
	return s
}

func produceLive(s *Sim, ticket int64, seq int32, n int) ExternalProduce {
	recs := make([]ExternalRecord, n)
	for i := range recs {
		recs[i] = ExternalRecord{Value: []byte{byte('a' + i)}}
	}
	return ExternalProduce{Ticket: ticket, Broker: s.topics[0].parts[0].leader, ClientID: "app", Acks: -1, ProducerID: 7,
		FirstSequence: seq, Topic: "orders", Partition: 0, Records: recs}
}

// A retry of an idempotent batch (same producer id, epoch and first
// sequence) is the same records: the leader answers with the first
// write's offsets and the ledger counts the records once
// (ProducerStateManager's duplicate check).
func TestLiveIdempotentRetryIsTheSameRecords(t *testing.T) {
	s := liveSim(t)
	s.ExternalProduce(produceLive(s, 1, 0, 3))
	s.RunUntil(s.Now() + 50)
	s.ExternalProduce(produceLive(s, 2, 0, 3)) // the client did not hear the ack and retries
	s.RunUntil(s.Now() + 50)
	replies := s.TakeExternalReplies()
	if len(replies) != 2 || replies[0].Produce.BaseOffset != 0 || replies[1].Produce.BaseOffset != 0 {
		t.Fatalf("replies %+v, want two acks at offset 0", replies)
	}
	lg := s.Ledger()
	if p := lg.Producers[0]; p.Sent != 3 || p.Acked != 3 || lg.LogDuplicates != 0 {
		t.Errorf("ledger %+v; want 3 sent, 3 acked, no duplicates in the log", lg)
	}
	if hw := s.topics[0].parts[0].hw; hw != 3 {
		t.Errorf("high watermark %d, want 3", hw)
	}
}

// A fetch to a follower, past the log end, or with an old leader epoch is
// refused as a Kafka leader refuses it (ReplicaManager.readFromLog,
// KIP-320's FENCED_LEADER_EPOCH).
func TestLiveFetchErrors(t *testing.T) {
	s := liveSim(t)
	p := s.topics[0].parts[0]
	follower := p.replicas[1]
	if p.replicas[0] != p.leader {
		follower = p.replicas[0]
	}
	cases := []struct {
		req  ExternalFetch
		want string
	}{
		{ExternalFetch{Broker: follower, Topic: "orders", CurrentLeaderEpoch: -1}, "NOT_LEADER_OR_FOLLOWER"},
		{ExternalFetch{Broker: p.leader, Topic: "orders", Offset: 5, CurrentLeaderEpoch: -1}, "OFFSET_OUT_OF_RANGE"},
		{ExternalFetch{Broker: p.leader, Topic: "orders", CurrentLeaderEpoch: int32(p.leaderEpoch) + 1}, "UNKNOWN_LEADER_EPOCH"},
		{ExternalFetch{Broker: p.leader, Topic: "nope", CurrentLeaderEpoch: -1}, "UNKNOWN_TOPIC_OR_PARTITION"},
		{ExternalFetch{Broker: p.leader, Topic: "orders", CurrentLeaderEpoch: -1, MaxBytes: 1}, "NONE"},
	}
	for _, c := range cases {
		if got := s.ExternalFetchPartition(c.req).Err; got != c.want {
			t.Errorf("%+v: %s, want %s", c.req, got, c.want)
		}
	}
}

// joinLive joins a member and returns its id once the join phase is over.
func joinLive(t *testing.T, s *Sim, ticket int64, client string) {
	t.Helper()
	_, now := s.ExternalJoin(JoinRequest{Ticket: ticket, Broker: s.GroupCoordinator("g"), Group: "g", ClientID: client,
		ProtocolType: "consumer", Protocols: []GroupProtocol{{Name: "range"}}, SessionMs: 10000, RebalanceMs: 30000,
		Topics: []string{"orders"}})
	if now {
		t.Fatalf("join of %s answered at once", client)
	}
}

// The classic group protocol: the join phase waits for every member, the
// leader alone gets the member list and sends the assignment in SyncGroup,
// a member that goes silent for session.timeout.ms is removed, and the
// rebalance it causes makes Heartbeat answer REBALANCE_IN_PROGRESS
// (GroupCoordinator.handleJoinGroup / handleSyncGroup / handleHeartbeat).
func TestLiveGroupProtocol(t *testing.T) {
	s := liveSim(t)
	coord := s.GroupCoordinator("g")
	joinLive(t, s, 1, "a")
	joinLive(t, s, 2, "b")
	// group.initial.rebalance.delay.ms (3s) lets both join generation 1.
	s.RunUntil(s.Now() + 3000)
	var ids [2]string
	var leader string
	for _, r := range s.TakeExternalReplies() {
		ids[r.Ticket-1] = r.Join.MemberID
		leader = r.Join.Leader
		if (r.Join.MemberID == r.Join.Leader) != (len(r.Join.Members) == 2) {
			t.Errorf("%s got %d members; only the leader gets the list", r.Join.MemberID, len(r.Join.Members))
		}
	}
	follower := ids[0]
	if follower == leader {
		follower = ids[1]
	}
	if _, now := s.ExternalSync(SyncRequest{Ticket: 3, Broker: coord, Group: "g", MemberID: follower, Generation: 1}); now {
		t.Fatal("the follower's SyncGroup was answered before the leader's")
	}
	s.ExternalSync(SyncRequest{Ticket: 4, Broker: coord, Group: "g", MemberID: leader, Generation: 1,
		Assignments: map[string][]byte{follower: []byte("f"), leader: []byte("l")},
		Assigned:    map[string][]TopicPartition{follower: {{"orders", 0}}, leader: {{"orders", 1}, {"orders", 2}}}})
	for _, r := range s.TakeExternalReplies() {
		if r.Ticket == 3 && string(r.Sync.Assignment) != "f" {
			t.Errorf("follower got %q, want its own assignment", r.Sync.Assignment)
		}
	}
	if got := s.ExternalHeartbeat("g", leader, "", coord, 0); got != "ILLEGAL_GENERATION" {
		t.Errorf("heartbeat of generation 0: %s", got)
	}
	// Only the leader heartbeats; the follower's session runs out.
	for range 12 {
		s.RunUntil(s.Now() + 1000)
		s.ExternalHeartbeat("g", leader, "", coord, 1)
	}
	if got := s.ExternalHeartbeat("g", follower, "", coord, 1); got != "UNKNOWN_MEMBER_ID" {
		t.Errorf("the silent member's heartbeat: %s, want UNKNOWN_MEMBER_ID", got)
	}
	if got := s.ExternalHeartbeat("g", leader, "", coord, 1); got != "REBALANCE_IN_PROGRESS" {
		t.Errorf("the leader's heartbeat after the removal: %s, want REBALANCE_IN_PROGRESS", got)
	}
	if codes := s.ExternalCommit(CommitRequest{Broker: coord, Group: "g", MemberID: leader, Generation: 0,
		Offsets: []CommitOffset{{Topic: "orders", Offset: 1}}}); codes[0] != "ILLEGAL_GENERATION" {
		t.Errorf("a commit from generation 0: %s", codes[0])
	}
}

// Records the broker hands a live member count as the group's reads; the
// same records handed to the next owner after a rebalance are duplicates,
// but a member fetching again what it already got is not.
func TestLiveReadsCountDuplicatesAcrossOwners(t *testing.T) {
	s := liveSim(t)
	s.ExternalProduce(produceLive(s, 1, 0, 4))
	s.RunUntil(s.Now() + 50)
	s.TakeExternalReplies()
	eg := s.externalGroup("g")
	eg.subscribe([]string{"orders"})
	eg.state, eg.generation = GroupStable, 1
	tp := TopicPartition{Topic: "orders", Partition: 0}
	eg.members = []*extMember{{id: "a-1", clientID: "a", assigned: []TopicPartition{tp}}}
	leader := s.topics[0].parts[0].leader
	fetch := func(client string) {
		s.ExternalFetchPartition(ExternalFetch{Broker: leader, ClientID: client, Topic: "orders", CurrentLeaderEpoch: -1,
			MaxBytes: 1 << 20})
	}
	fetch("a")
	fetch("a") // a lost response, fetched again: not a new read
	eg.generation = 2
	eg.members = []*extMember{{id: "b-1", clientID: "b", assigned: []TopicPartition{tp}}}
	fetch("b")
	g := s.Ledger().Groups[0]
	if g.Duplicated != 4 || g.ExactlyOnce != 0 || g.Processed != 8 {
		t.Errorf("group ledger %+v; want 4 duplicated out of 8 reads", g)
	}
}

// drop-acks on the leader loses a live producer's answer on the way back,
// as it does for the scenario's producers: the records are written, the
// client hears nothing and will retry after its request timeout.
func TestLiveDroppedAckIsNotAnswered(t *testing.T) {
	s := liveSim(t)
	leader := s.topics[0].parts[0].leader
	if err := s.Apply(Command{Kind: CmdDropAcks, Broker: leader, Count: 1}); err != nil {
		t.Fatal(err)
	}
	s.ExternalProduce(produceLive(s, 1, 0, 2))
	s.RunUntil(s.Now() + 100)
	if r := s.TakeExternalReplies(); len(r) != 0 {
		t.Fatalf("answered %+v; the ack should be lost", r)
	}
	if hw := s.topics[0].parts[0].hw; hw != 2 {
		t.Errorf("high watermark %d, want 2: the records are written", hw)
	}
	s.ExternalProduce(produceLive(s, 2, 0, 2)) // the retry, same sequence
	s.RunUntil(s.Now() + 100)
	r := s.TakeExternalReplies()
	if len(r) != 1 || r[0].Produce.Err != "NONE" || r[0].Produce.BaseOffset != 0 || s.Ledger().LogDuplicates != 0 {
		t.Errorf("retry answered %+v; want the first write's offset 0 and no duplicate", r)
	}
}
