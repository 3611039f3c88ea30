package wire

import (
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

func handleOffsetCommit(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.OffsetCommitRequest)
	cr := sim.CommitRequest{Broker: r.c.broker, Group: req.Group, MemberID: req.MemberID, Generation: int(req.Generation)}
	if req.InstanceID != nil {
		cr.InstanceID = *req.InstanceID
	}
	for _, t := range req.Topics {
		for _, p := range t.Partitions {
			epoch := p.LeaderEpoch
			if r.version < 6 {
				epoch = -1
			}
			cr.Offsets = append(cr.Offsets, sim.CommitOffset{Topic: t.Topic, Partition: int(p.Partition), Offset: p.Offset,
				LeaderEpoch: epoch})
		}
	}
	codes := srv.sim.ExternalCommit(cr)
	resp := kmsg.NewPtrOffsetCommitResponse()
	i := 0
	for _, t := range req.Topics {
		rt := kmsg.NewOffsetCommitResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewOffsetCommitResponseTopicPartition()
			rp.Partition, rp.ErrorCode = p.Partition, code(codes[i])
			i++
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

// handleOffsetFetch answers committed offsets; null topics (v2+) means
// every partition the group has offsets for.
func handleOffsetFetch(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.OffsetFetchRequest)
	resp := kmsg.NewPtrOffsetFetchResponse()
	if c := srv.sim.CoordinatorCheck(req.Group, r.c.broker); c != "" {
		resp.ErrorCode = code(c)
		srv.respond(r, resp)
		return
	}
	topics := req.Topics
	if topics == nil {
		for _, tp := range srv.sim.CommittedPartitions(req.Group) {
			if n := len(topics); n == 0 || topics[n-1].Topic != tp.Topic {
				t := kmsg.NewOffsetFetchRequestTopic()
				t.Topic = tp.Topic
				topics = append(topics, t)
			}
			topics[len(topics)-1].Partitions = append(topics[len(topics)-1].Partitions, int32(tp.Partition))
		}
	}
	for _, t := range topics {
		rt := kmsg.NewOffsetFetchResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewOffsetFetchResponseTopicPartition()
			rp.Partition = p
			rp.Offset, rp.LeaderEpoch = srv.sim.CommittedOffset(req.Group, t.Topic, int(p))
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

// handleInitProducerID gives an idempotent producer its id (or bumps its
// epoch, KIP-360); a transactional.id goes to the transaction coordinator.
func handleInitProducerID(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.InitProducerIDRequest)
	resp := kmsg.NewPtrInitProducerIDResponse()
	if req.TransactionalID != nil {
		handleInitTransactional(srv, r, req)
		return
	}
	pid, epoch := int64(-1), int16(-1)
	if r.version >= 3 {
		pid, epoch = req.ProducerID, req.ProducerEpoch
	}
	resp.ProducerID, resp.ProducerEpoch = srv.sim.InitProducerID(r.clientID, pid, epoch)
	srv.respond(r, resp)
}
