package wire

import (
	"time"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// parkedFetch is a Fetch waiting for records, up to its max wait (Kafka's
// DelayedFetch).
type parkedFetch struct {
	r        *request
	req      *kmsg.FetchRequest
	deadline time.Time
	id       int64 // the how-many-th Fetch that waited
}

// handleFetch reads each partition from the engine. With nothing to
// return it waits, up to MaxWaitMillis of wall time, for records to
// arrive below the high watermark.
func handleFetch(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.FetchRequest)
	wait := time.Duration(req.MaxWaitMillis) * time.Millisecond
	pf := &parkedFetch{r: r, req: req, deadline: time.Now().Add(wait)}
	if !srv.tryFetch(pf, wait <= 0) {
		srv.parked++
		pf.id = srv.parked
		srv.fetches = append(srv.fetches, pf)
	}
}

// pollFetches answers the parked fetches that now have records, or whose
// wait is over; those of closed connections are dropped.
func (srv *Server) pollFetches() {
	keep := srv.fetches[:0]
	now := time.Now()
	for _, pf := range srv.fetches {
		if pf.r.c.isClosed() {
			continue
		}
		// Each answer sees the engine up to now, as a request does, and
		// is recorded: a replay answers it at the same virtual time.
		srv.advance()
		if !now.Before(pf.deadline) || srv.fetchHasSomething(pf) {
			srv.recordFetchAnswer(pf)
			srv.tryFetch(pf, true)
		} else {
			keep = append(keep, pf)
		}
	}
	clear(srv.fetches[len(keep):])
	srv.fetches = keep
}

// tryFetch answers pf if any partition has records or an error, or if
// force; it reports whether it answered. The engine counts records as read
// only when they are returned, so a fetch that waits has no effect.
func (srv *Server) tryFetch(pf *parkedFetch, force bool) bool {
	req, r := pf.req, pf.r
	if !force && !srv.fetchHasSomething(pf) {
		return false
	}
	resp := kmsg.NewPtrFetchResponse()
	budget := int(req.MaxBytes)
	if budget <= 0 {
		budget = 50 << 20
	}
	for _, t := range req.Topics {
		rt := kmsg.NewFetchResponseTopic()
		rt.Topic = t.Topic
		for _, p := range t.Partitions {
			rp := srv.fetchPartition(r, req, t.Topic, p, budget)
			budget -= len(rp.RecordBatches)
			rt.Partitions = append(rt.Partitions, rp)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
	return true
}

// fetchHasSomething: some partition would return records or an error.
func (srv *Server) fetchHasSomething(pf *parkedFetch) bool {
	for _, t := range pf.req.Topics {
		for _, p := range t.Partitions {
			st := srv.sim.PeekFetch(pf.r.c.broker, t.Topic, int(p.Partition), p.FetchOffset, p.CurrentLeaderEpoch,
				pf.req.IsolationLevel == 1)
			if st {
				return true
			}
		}
	}
	return false
}

// fetchPartition reads one partition of a Fetch, within budget bytes.
// A topic stored in zstd is refused to a Fetch older than v10 before it
// is read, as Kafka refuses it (KafkaApis.maybeConvertFetchedData,
// UNSUPPORTED_COMPRESSION_TYPE), so the engine counts no read.
func (srv *Server) fetchPartition(r *request, req *kmsg.FetchRequest, topic string, p kmsg.FetchRequestTopicPartition,
	budget int) kmsg.FetchResponseTopicPartition {
	rp := kmsg.NewFetchResponseTopicPartition()
	rp.Partition = p.Partition
	rp.PreferredReadReplica = -1
	// Empty, not null: librdkafka refuses a null record set.
	rp.RecordBatches = []byte{}
	rp.HighWatermark, rp.LastStableOffset, rp.LogStartOffset = -1, -1, -1
	if cfg, ok := srv.sim.TopicConfigOf(topic); ok && cfg.CompressionType == sim.CodecZstd && r.version < 10 {
		rp.ErrorCode = code("UNSUPPORTED_COMPRESSION_TYPE")
		return rp
	}
	maxBytes := min(int(p.PartitionMaxBytes), budget)
	res := srv.sim.ExternalFetchPartition(sim.ExternalFetch{Broker: r.c.broker, ClientID: r.clientID, Topic: topic,
		Partition: int(p.Partition), Offset: p.FetchOffset, CurrentLeaderEpoch: p.CurrentLeaderEpoch,
		MaxBytes: max(maxBytes, 1), ReadCommitted: req.IsolationLevel == 1})
	rp.ErrorCode = code(res.Err)
	rp.HighWatermark, rp.LastStableOffset, rp.LogStartOffset = res.HighWatermark, res.LastStable, res.LogStart
	if len(res.Records) > 0 {
		batches, err := encodeBatches(res.Records, srv.wallBaseMs)
		if err != nil {
			rp.ErrorCode = code("UNKNOWN_SERVER_ERROR")
			return rp
		}
		rp.RecordBatches = batches
	}
	return rp
}
