package wire

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// waiter is a request whose answer the engine decides later.
type waiter func(r sim.ExternalReply)

// drive is the driver goroutine: the only one that touches the simulation.
func (srv *Server) drive() {
	defer srv.wg.Done()
	t := time.NewTicker(srv.cfg.Tick)
	defer t.Stop()
	srv.brokerUp = make([]bool, srv.sim.BrokerCount()+1)
	srv.noteBrokers()
	for {
		select {
		case <-srv.done:
			for c := range srv.open {
				c.close()
			}
			return
		case c := <-srv.conns:
			srv.advance()
			if !srv.brokerUp[c.broker] {
				c.nc.Close() // a crashed broker accepts no one
				continue
			}
			srv.open[c] = true
			c.start()
		case r := <-srv.reqs:
			srv.advance()
			if !r.c.isClosed() && srv.brokerUp[r.c.broker] {
				srv.recordRequest(r)
				srv.handle(r)
				srv.recordApplied(true)
			}
		case f := <-srv.calls:
			srv.advance()
			f()
			srv.recordApplied(false)
		case <-t.C:
			srv.advance()
		}
		srv.settle()
	}
}

// virtualNow is the virtual time the wall clock says it is.
func (srv *Server) virtualNow() int64 {
	return srv.startVirtual + int64(float64(time.Since(srv.startWall).Milliseconds())*srv.cfg.Speed)
}

// advance runs the engine up to now.
func (srv *Server) advance() {
	if srv.replaying {
		return // the scenario's run moves the clock
	}
	srv.sim.RunUntil(srv.virtualNow())
}

// settle delivers what the engine decided, closes the connections of
// brokers that went down, answers parked fetches and narrates.
func (srv *Server) settle() {
	for _, r := range srv.sim.TakeExternalReplies() {
		if w, ok := srv.tickets[r.Ticket]; ok {
			delete(srv.tickets, r.Ticket)
			w(r)
		}
	}
	srv.noteBrokers()
	srv.pollFetches()
	srv.narrate()
}

// noteBrokers closes every connection to a broker that is down: its
// clients see the connection break, as they would with a real crash.
func (srv *Server) noteBrokers() {
	for id := 1; id < len(srv.brokerUp); id++ {
		_, up, _ := srv.sim.BrokerStatus(id)
		if up {
			srv.listenAgain(id)
		}
		if srv.brokerUp[id] && !up {
			srv.stopListening(id)
			for c := range srv.open {
				if c.broker == id {
					c.close()
					delete(srv.open, c)
				}
			}
		}
		srv.brokerUp[id] = up
	}
	for c := range srv.open {
		if c.isClosed() {
			delete(srv.open, c)
		}
	}
}

func (srv *Server) narrate() {
	fresh := srv.sim.EventsSince(srv.narrated)
	if srv.cfg.Events != nil && len(fresh) > 0 {
		srv.cfg.Events(fresh)
	}
	for i := 0; srv.cfg.Narrate != nil && i < len(fresh); i++ {
		fmt.Fprintf(srv.cfg.Narrate, "%9s  %s\n", sim.FormatMs(fresh[i].AtMs), fresh[i].Why())
	}
	srv.narrated = srv.sim.EventCount()
	srv.sim.ForgetEventsBefore(srv.narrated)
}

// park registers a waiter and returns its ticket.
func (srv *Server) park(w waiter) int64 {
	srv.nextTicket++
	srv.tickets[srv.nextTicket] = w
	return srv.nextTicket
}

// respond encodes resp as the answer to r.
func (srv *Server) respond(r *request, resp kmsg.Response) {
	resp.SetVersion(r.version)
	body := make([]byte, 8, 64)
	binary.BigEndian.PutUint32(body[4:], uint32(r.corr))
	// ApiVersions answers with header v0 even in flexible versions, so a
	// client that does not know the broker yet can read it (KIP-511).
	if resp.IsFlexible() && r.key != 18 {
		body = append(body, 0)
	}
	body = resp.AppendTo(body)
	binary.BigEndian.PutUint32(body, uint32(len(body)-4))
	r.c.fill(r.slot, body, false)
}

// noAnswer frees r's slot: the request gets no response (acks=0).
func (srv *Server) noAnswer(r *request) { r.c.fill(r.slot, nil, true) }

func flexibleRequest(key, version int16) bool {
	req := kmsg.RequestForKey(key)
	if req == nil {
		return false
	}
	req.SetVersion(version)
	return req.IsFlexible()
}
