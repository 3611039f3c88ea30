package wire

import (
	"github.com/twmb/franz-go/pkg/kmsg"
)

// handleListOffsets answers the earliest (-2) and latest (-1) offsets,
// and offsets by timestamp, from the leader.
func handleListOffsets(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.ListOffsetsRequest)
	resp := kmsg.NewPtrListOffsetsResponse()
	for _, t := range req.Topics {
		rt := kmsg.NewListOffsetsResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewListOffsetsResponseTopicPartition()
			rp.Partition = p.Partition
			ts := p.Timestamp
			if ts >= 0 {
				ts -= srv.wallBaseMs // the engine's clock is virtual
			}
			off, epoch, errName := srv.sim.ListOffsets(t.Topic, int(p.Partition), r.c.broker, p.CurrentLeaderEpoch, ts,
				req.IsolationLevel == 1)
			rp.ErrorCode, rp.Offset, rp.LeaderEpoch, rp.Timestamp = code(errName), off, epoch, -1
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

// handleOffsetsForLeaderEpoch answers where a leader epoch ends in the
// leader's log, which a consumer uses to detect truncation (KIP-320).
func handleOffsetsForLeaderEpoch(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.OffsetForLeaderEpochRequest)
	resp := kmsg.NewPtrOffsetForLeaderEpochResponse()
	for _, t := range req.Topics {
		rt := kmsg.NewOffsetForLeaderEpochResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewOffsetForLeaderEpochResponseTopicPartition()
			rp.Partition = p.Partition
			epoch, end, errName := srv.sim.EndOffsetForEpoch(t.Topic, int(p.Partition), r.c.broker, p.CurrentLeaderEpoch,
				p.LeaderEpoch)
			rp.ErrorCode, rp.LeaderEpoch, rp.EndOffset = code(errName), epoch, end
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}
