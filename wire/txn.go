package wire

import (
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// Transactions: the transaction coordinator's requests (InitProducerId with
// a transactional.id, AddPartitionsToTxn, AddOffsetsToTxn, EndTxn) and the
// group coordinator's TxnOffsetCommit, each decided by the engine.

// txnCode is the error a transactional response carries: versions before
// KIP-588 (v2 of these requests) know a fenced producer only as
// INVALID_PRODUCER_EPOCH.
func txnCode(name string, version int16) int16 {
	if name == "PRODUCER_FENCED" && version < 2 {
		name = "INVALID_PRODUCER_EPOCH"
	}
	return code(name)
}

func handleInitTransactional(srv *Server, r *request, req *kmsg.InitProducerIDRequest) {
	resp := kmsg.NewPtrInitProducerIDResponse()
	pid, epoch, c := srv.sim.InitTransactionalProducer(r.c.broker, r.clientID, *req.TransactionalID,
		int64(req.TransactionTimeoutMillis))
	resp.ProducerID, resp.ProducerEpoch, resp.ErrorCode = pid, epoch, code(c)
	srv.respond(r, resp)
}

func handleAddPartitionsToTxn(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.AddPartitionsToTxnRequest)
	var tps []sim.TopicPartition
	for _, t := range req.Topics {
		for _, p := range t.Partitions {
			tps = append(tps, sim.TopicPartition{Topic: t.Topic, Partition: int(p)})
		}
	}
	codes := srv.sim.AddPartitionsToTxn(r.c.broker, req.TransactionalID, req.ProducerID, req.ProducerEpoch, tps)
	resp := kmsg.NewPtrAddPartitionsToTxnResponse()
	i := 0
	for _, t := range req.Topics {
		rt := kmsg.NewAddPartitionsToTxnResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewAddPartitionsToTxnResponseTopicPartition()
			rp.Partition, rp.ErrorCode = p, txnCode(codes[i], r.version)
			i++
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

func handleAddOffsetsToTxn(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.AddOffsetsToTxnRequest)
	resp := kmsg.NewPtrAddOffsetsToTxnResponse()
	c := srv.sim.AddOffsetsToTxn(r.c.broker, req.TransactionalID, req.ProducerID, req.ProducerEpoch, req.Group)
	resp.ErrorCode = txnCode(c, r.version)
	srv.respond(r, resp)
}

func handleEndTxn(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.EndTxnRequest)
	resp := kmsg.NewPtrEndTxnResponse()
	c := srv.sim.EndTxn(r.c.broker, req.TransactionalID, req.ProducerID, req.ProducerEpoch, req.Commit)
	resp.ErrorCode = txnCode(c, r.version)
	srv.respond(r, resp)
}

func handleTxnOffsetCommit(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.TxnOffsetCommitRequest)
	tc := sim.TxnCommitOffsets{Broker: r.c.broker, TransactionID: req.TransactionalID, Group: req.Group,
		ProducerID: req.ProducerID, ProducerEpoch: req.ProducerEpoch, Generation: -1}
	if r.version >= 3 { // KIP-447: the member and generation are checked
		tc.MemberID, tc.Generation = req.MemberID, int(req.Generation)
	}
	for _, t := range req.Topics {
		for _, p := range t.Partitions {
			epoch := p.LeaderEpoch
			if r.version < 2 {
				epoch = -1
			}
			tc.Offsets = append(tc.Offsets, sim.CommitOffset{Topic: t.Topic, Partition: int(p.Partition), Offset: p.Offset,
				LeaderEpoch: epoch})
		}
	}
	codes := srv.sim.TxnOffsetCommit(tc)
	resp := kmsg.NewPtrTxnOffsetCommitResponse()
	i := 0
	for _, t := range req.Topics {
		rt := kmsg.NewTxnOffsetCommitResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewTxnOffsetCommitResponseTopicPartition()
			rp.Partition, rp.ErrorCode = p.Partition, txnCode(codes[i], r.version)
			i++
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}
