package wire

import (
	"kafkasim/scenarios"
	"kafkasim/sim"
)

// recorder keeps what the clients did, so the session can be written out
// as a scenario that replays it (Export): every request a broker handled,
// every waiting Fetch answered, and every command given through Do (the
// faults injected from the screen), each at the virtual time it reached
// the engine and in the order it did. Before each of them the engine had
// run everything due up to that time (advance), which is how a late
// timeline command runs too (sim.Command.Late), so the replay sees the
// engine in the same state at every step.
type recorder struct {
	entries []sim.Scheduled
	applied int // how many of the engine's Applied commands are accounted for
	bytes   int // the request bodies kept
	// fullAtMs is when the session outgrew what a scenario file holds and
	// recording stopped (-1 while it goes on): memory stays bounded.
	fullAtMs int64
}

// recordRequest notes a request about to be handled.
func (srv *Server) recordRequest(r *request) {
	if srv.rec == nil {
		return
	}
	req := &sim.ClientRequest{Client: r.clientID, Host: r.c.host, APIKey: r.key, Version: r.version,
		Body: append([]byte(nil), r.body...)}
	srv.rec.add(srv.sim.Now(), sim.Command{Kind: sim.CmdClientRequest, Broker: r.c.broker, Request: req})
}

// recordFetchAnswer notes that a waiting Fetch is about to be answered.
func (srv *Server) recordFetchAnswer(pf *parkedFetch) {
	if srv.rec == nil {
		return
	}
	srv.rec.add(srv.sim.Now(), sim.Command{Kind: sim.CmdAnswerFetch, Broker: pf.r.c.broker,
		Request: &sim.ClientRequest{Fetch: pf.id}})
}

// recordApplied notes the commands given since the last call (a fault
// from the screen); with skip they were a request's own doing (CreateTopics
// runs create-topic) and the request is what replays them.
func (srv *Server) recordApplied(skip bool) {
	if srv.rec == nil {
		return
	}
	applied := srv.sim.Applied()
	for _, a := range applied[min(srv.rec.applied, len(applied)):] {
		if !skip {
			c := a.Cmd
			c.Late = true
			srv.rec.add(a.AtMs, c)
		}
	}
	srv.rec.applied = len(applied)
}

func (rec *recorder) add(atMs int64, c sim.Command) {
	if rec.fullAtMs >= 0 {
		return
	}
	if c.Request != nil {
		rec.bytes += len(c.Request.Body)
	}
	if len(rec.entries) >= scenarios.MaxTimeline || rec.bytes > scenarios.MaxFileBytes {
		rec.entries, rec.fullAtMs = nil, atMs
		return
	}
	rec.entries = append(rec.entries, sim.Scheduled{AtMs: atMs, Cmd: c})
}
