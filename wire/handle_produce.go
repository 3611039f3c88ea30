package wire

import (
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// handleProduce hands each partition's batch to its leader in the engine.
// The answer goes out when every partition is answered: at once for a
// refusal, after the append for acks=1, once the high watermark passes the
// records for acks=all. acks=0 gets no answer at all.
func handleProduce(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.ProduceRequest)
	resp := kmsg.NewPtrProduceResponse()
	left := 0
	finish := func() {
		if left == 0 && req.Acks != 0 {
			srv.respond(r, resp)
		}
	}
	for _, t := range req.Topics {
		rt := kmsg.NewProduceResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := kmsg.NewProduceResponseTopicPartition()
			rp.Partition, rp.BaseOffset, rp.LogAppendTime, rp.LogStartOffset = p.Partition, -1, -1, -1
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	for ti, t := range req.Topics {
		for pi, p := range t.Partitions {
			out := &resp.Topics[ti].Partitions[pi]
			pb, err := decodeBatch(p.Records, r.version)
			if err != nil {
				name := "INVALID_RECORD"
				if err != nil {
					name = err.Error()
				}
				out.ErrorCode = code(name)
				continue
			}
			ep := sim.ExternalProduce{Broker: r.c.broker, ClientID: r.clientID, Acks: int(req.Acks),
				ProducerID: pb.producerID, ProducerEpoch: pb.producerEpoch, FirstSequence: pb.firstSequence,
				Topic: t.Topic, Partition: int(p.Partition), Records: pb.records, Codec: pb.codec}
			ep.Transactional = pb.transactional
			if req.TransactionID != nil {
				ep.TransactionalID = *req.TransactionID
			}
			if req.Acks != 0 {
				left++
				ep.Ticket = srv.park(func(rep sim.ExternalReply) {
					fillProduce(out, *rep.Produce)
					left--
					finish()
				})
			}
			if res, now := srv.sim.ExternalProduce(ep); now {
				fillProduce(out, res)
				if req.Acks != 0 {
					delete(srv.tickets, ep.Ticket)
					left--
				}
			}
		}
	}
	if req.Acks == 0 {
		srv.noAnswer(r)
		return
	}
	finish()
}

func fillProduce(out *kmsg.ProduceResponseTopicPartition, res sim.ProduceResult) {
	out.ErrorCode = code(res.Err)
	out.BaseOffset, out.LogStartOffset = res.BaseOffset, res.LogStart
	if out.ErrorCode != 0 {
		out.BaseOffset = -1
	}
}
