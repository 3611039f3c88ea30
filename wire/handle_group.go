package wire

import (
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// handleFindCoordinator names the broker leading the group's
// __consumer_offsets partition; for a transactional.id (key type 1) the
// engine places __transaction_state like __consumer_offsets, so the same
// hash names its coordinator.
func handleFindCoordinator(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.FindCoordinatorRequest)
	resp := kmsg.NewPtrFindCoordinatorResponse()
	resp.NodeID = -1
	id := srv.sim.GroupCoordinator(req.CoordinatorKey)
	_, up, _ := srv.sim.BrokerStatus(id)
	switch {
	case id == 0 || !up:
		resp.ErrorCode = code("COORDINATOR_NOT_AVAILABLE")
	default:
		resp.NodeID = int32(id)
		resp.Host, resp.Port = srv.hostPort(id)
	}
	srv.respond(r, resp)
}

// handleJoinGroup parks the JoinGroup until the join phase completes.
func handleJoinGroup(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.JoinGroupRequest)
	jr := sim.JoinRequest{Broker: r.c.broker, Group: req.Group, MemberID: req.MemberID, ClientID: r.clientID,
		ClientHost: "/" + r.c.host, ProtocolType: req.ProtocolType, SessionMs: int64(req.SessionTimeoutMillis),
		RebalanceMs: int64(req.RebalanceTimeoutMillis), RequireKnownMember: r.version >= 4}
	if r.version == 0 {
		jr.RebalanceMs = jr.SessionMs // v0 has no rebalance timeout: the session timeout serves
	}
	if req.InstanceID != nil {
		jr.InstanceID = *req.InstanceID // a static member (KIP-345)
	}
	for _, p := range req.Protocols {
		jr.Protocols = append(jr.Protocols, sim.GroupProtocol{Name: p.Name, Metadata: p.Metadata})
		if req.ProtocolType == "consumer" {
			var md kmsg.ConsumerMemberMetadata
			if md.ReadFrom(p.Metadata) == nil {
				jr.Topics = appendNew(jr.Topics, md.Topics...)
			}
		}
	}
	write := func(res sim.JoinResult) {
		resp := kmsg.NewPtrJoinGroupResponse()
		resp.ErrorCode, resp.Generation, resp.MemberID, resp.LeaderID = code(res.Err), int32(res.Generation), res.MemberID, res.Leader
		pt, pr := res.ProtocolType, res.Protocol
		resp.ProtocolType, resp.Protocol = &pt, &pr
		for _, m := range res.Members {
			rm := kmsg.NewJoinGroupResponseMember()
			rm.MemberID, rm.ProtocolMetadata = m.MemberID, m.Metadata
			if m.InstanceID != "" {
				id := m.InstanceID
				rm.InstanceID = &id
			}
			resp.Members = append(resp.Members, rm)
		}
		srv.respond(r, resp)
	}
	jr.Ticket = srv.park(func(rep sim.ExternalReply) { write(*rep.Join) })
	if res, now := srv.sim.ExternalJoin(jr); now {
		delete(srv.tickets, jr.Ticket)
		write(res)
	}
}

func appendNew(xs []string, ys ...string) []string {
	for _, y := range ys {
		found := false
		for _, x := range xs {
			found = found || x == y
		}
		if !found {
			xs = append(xs, y)
		}
	}
	return xs
}

// handleSyncGroup parks a follower's SyncGroup until the leader sends the
// assignment. The assignments of the consumer protocol are decoded only so
// the ledger knows which member reads which partition.
func handleSyncGroup(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.SyncGroupRequest)
	sr := sim.SyncRequest{Broker: r.c.broker, Group: req.Group, MemberID: req.MemberID, Generation: int(req.Generation),
		InstanceID: deref(req.InstanceID)}
	if len(req.GroupAssignment) > 0 {
		sr.Assignments = map[string][]byte{}
		sr.Assigned = map[string][]sim.TopicPartition{}
		for _, a := range req.GroupAssignment {
			sr.Assignments[a.MemberID] = a.MemberAssignment
			var ma kmsg.ConsumerMemberAssignment
			if ma.ReadFrom(a.MemberAssignment) != nil {
				continue
			}
			for _, t := range ma.Topics {
				for _, p := range t.Partitions {
					sr.Assigned[a.MemberID] = append(sr.Assigned[a.MemberID], sim.TopicPartition{Topic: t.Topic, Partition: int(p)})
				}
			}
		}
	}
	write := func(res sim.SyncResult) {
		resp := kmsg.NewPtrSyncGroupResponse()
		resp.ErrorCode, resp.MemberAssignment = code(res.Err), res.Assignment
		pt, pr := res.ProtocolType, res.Protocol
		resp.ProtocolType, resp.Protocol = &pt, &pr
		srv.respond(r, resp)
	}
	sr.Ticket = srv.park(func(rep sim.ExternalReply) { write(*rep.Sync) })
	if res, now := srv.sim.ExternalSync(sr); now {
		delete(srv.tickets, sr.Ticket)
		write(res)
	}
}

func handleHeartbeat(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.HeartbeatRequest)
	resp := kmsg.NewPtrHeartbeatResponse()
	resp.ErrorCode = code(srv.sim.ExternalHeartbeat(req.Group, req.MemberID, deref(req.InstanceID), r.c.broker, int(req.Generation)))
	srv.respond(r, resp)
}

// handleLeaveGroup: v0-v2 name one member, v3+ a list, each by member id
// or, for static members, by group.instance.id (KIP-345).
func handleLeaveGroup(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.LeaveGroupRequest)
	leaving := []sim.LeavingMember{{MemberID: req.MemberID}}
	if r.version >= 3 {
		leaving = leaving[:0]
		for _, m := range req.Members {
			leaving = append(leaving, sim.LeavingMember{MemberID: m.MemberID, InstanceID: deref(m.InstanceID)})
		}
	}
	top, codes := srv.sim.ExternalLeave(req.Group, r.c.broker, leaving)
	resp := kmsg.NewPtrLeaveGroupResponse()
	resp.ErrorCode = code(top)
	if r.version < 3 && len(codes) == 1 && codes[0] != "NONE" {
		resp.ErrorCode = code(codes[0])
	}
	if r.version >= 3 {
		for i, c := range codes {
			m := kmsg.NewLeaveGroupResponseMember()
			m.MemberID, m.InstanceID, m.ErrorCode = leaving[i].MemberID, req.Members[i].InstanceID, code(c)
			resp.Members = append(resp.Members, m)
		}
	}
	srv.respond(r, resp)
}

// deref is a nullable string's value, "" for null.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
