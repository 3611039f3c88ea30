package wire

import "net"

// A crashed broker's port is closed, as a dead process's is: a client that
// dials it gets "connection refused", which Kafka clients treat as a broker
// to retry later or route around. Accepting and then closing at once looks
// instead like a broker that speaks another protocol (TLS, SASL), and
// clients such as kgo give up on the request for good. A restarted broker
// listens again on the same address.

// stopListening closes broker id's listener.
func (srv *Server) stopListening(id int) {
	srv.lnMu.Lock()
	defer srv.lnMu.Unlock()
	if ln := srv.listeners[id-1]; ln != nil {
		ln.Close()
		srv.listeners[id-1] = nil
	}
}

// listenAgain reopens broker id's listener if it is closed; if the port
// cannot be had yet, the next settle tries again.
func (srv *Server) listenAgain(id int) {
	srv.lnMu.Lock()
	defer srv.lnMu.Unlock()
	if srv.listeners[id-1] != nil {
		return
	}
	select {
	case <-srv.done:
		return
	default:
	}
	ln, err := net.Listen("tcp", srv.addrs[id-1])
	if err != nil {
		return
	}
	srv.listeners[id-1] = ln
	srv.wg.Add(1)
	go srv.accept(id, ln)
}
