package wire

import (
	"errors"
	"sync"

	"kafkasim/sim"
)

// A scenario exported from a live session replays its clients' requests
// through the same handlers: this file is the server without a network.
// Answers are written nowhere; the engine's decisions are what count.

func init() { sim.SetClientRequestHandler(replayRequest) }

// replayRequest carries out one client-request or answer-fetch command.
func replayRequest(s *sim.Sim, broker int, req sim.ClientRequest, answerFetch bool) error {
	srv, _ := s.LiveState().(*Server)
	if srv == nil {
		srv = &Server{replaying: true, done: make(chan struct{}), open: map[*conn]bool{}, tickets: map[int64]waiter{}}
		for id := 1; id <= s.BrokerCount(); id++ { // Metadata advertises something
			srv.addrs = append(srv.addrs, "127.0.0.1:"+itoa(9091+id))
		}
		s.SetLiveState(srv)
	}
	srv.sim = s
	if broker < 1 || broker > s.BrokerCount() {
		return errors.New("there is no broker " + itoa(broker))
	}
	srv.deliverReplies()
	if answerFetch {
		return srv.replayFetchAnswer(req.Fetch)
	}
	c := &conn{srv: srv, broker: broker, host: req.Host, discard: true}
	c.cond = sync.NewCond(&c.mu)
	r := &request{c: c, slot: &slot{}, key: req.APIKey, version: req.Version, clientID: req.Client, body: req.Body}
	srv.handle(r)
	srv.deliverReplies()
	return nil
}

// replayFetchAnswer answers the n-th Fetch that waited, as the live
// server did at this time.
func (srv *Server) replayFetchAnswer(n int64) error {
	for i, pf := range srv.fetches {
		if pf.id == n {
			srv.fetches = append(srv.fetches[:i], srv.fetches[i+1:]...)
			srv.tryFetch(pf, true)
			srv.deliverReplies()
			return nil
		}
	}
	return errors.New("no Fetch number " + itoa(int(n)) + " is waiting")
}

// deliverReplies hands the engine's later answers to their requests.
func (srv *Server) deliverReplies() {
	for _, r := range srv.sim.TakeExternalReplies() {
		if w, ok := srv.tickets[r.Ticket]; ok {
			delete(srv.tickets, r.Ticket)
			w(r)
		}
	}
}

// CloneLiveState copies a replaying server for a clone of its run
// (sim.LiveStateCloner): the requests waiting for an answer are the
// clone's own from then on.
func (srv *Server) CloneLiveState() any {
	c := &Server{replaying: true, done: srv.done, open: map[*conn]bool{}, addrs: srv.addrs, sim: srv.sim,
		tickets: make(map[int64]waiter, len(srv.tickets)), nextTicket: srv.nextTicket, parked: srv.parked,
		fetches: append([]*parkedFetch(nil), srv.fetches...)}
	for k, w := range srv.tickets {
		c.tickets[k] = w
	}
	return c
}
