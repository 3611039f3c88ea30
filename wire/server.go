package wire

import (
	"fmt"
	"io"
	"net"
	"strconv"
	"sync"
	"time"

	"kafkasim/sim"
)

// Config says how to serve a simulation.
type Config struct {
	// Host and Port of the first broker's listener; broker n listens on
	// Port+n-1. Port 0 picks free ports (tests).
	Host string
	Port int
	// Speed is virtual milliseconds per wall millisecond (1 = real time).
	Speed float64
	// Narrate, if set, gets each engine event as a line of plain English.
	Narrate io.Writer
	// Events, if set, gets each batch of new engine events on the driver
	// goroutine, before the server forgets them (the live screen keeps
	// its own copy). It must not keep the slice.
	Events func([]sim.Event)
	// Tick is how often the clock moves when no request comes (default 5ms).
	Tick time.Duration
	// Record keeps every request the clients send, so Export can write
	// the session as a scenario file.
	Record bool
}

// Server is a simulated cluster on the network.
type Server struct {
	cfg       Config
	sim       *sim.Sim
	listeners []net.Listener // nil while its broker is down (listen.go)
	lnMu      sync.Mutex
	addrs     []string

	reqs  chan *request
	calls chan func()
	conns chan *conn
	done  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once

	// Owned by the driver goroutine.
	startWall    time.Time
	startVirtual int64
	open         map[*conn]bool
	tickets      map[int64]waiter
	nextTicket   int64
	fetches      []*parkedFetch
	narrated     int
	brokerUp     []bool
	// wallBaseMs turns virtual ms into the wall-clock timestamps clients
	// see on records.
	wallBaseMs int64
	// rec keeps the session for Export (nil unless Config.Record).
	rec *recorder
	// parked counts the Fetches that waited, to name them (answer-fetch).
	parked int64
	// replaying: this server has no network and no clock; it replays a
	// scenario's client requests (replay.go).
	replaying bool
}

// Start listens on one port per broker and starts the driver. The
// simulation belongs to the server from now on: use Do to touch it.
func Start(s *sim.Sim, cfg Config) (*Server, error) {
	if cfg.Speed <= 0 {
		cfg.Speed = 1
	}
	if cfg.Tick <= 0 {
		cfg.Tick = 5 * time.Millisecond
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	srv := &Server{cfg: cfg, sim: s, reqs: make(chan *request, 256), calls: make(chan func()), conns: make(chan *conn, 16),
		done: make(chan struct{}), open: map[*conn]bool{}, tickets: map[int64]waiter{}}
	if cfg.Record {
		srv.rec = &recorder{applied: len(s.Applied()), fullAtMs: -1}
	}
	for id := 1; id <= s.BrokerCount(); id++ {
		port := 0
		if cfg.Port != 0 {
			port = cfg.Port + id - 1
		}
		ln, err := net.Listen("tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(port)))
		if err != nil {
			srv.closeListeners()
			return nil, fmt.Errorf("broker %d: %w", id, err)
		}
		srv.listeners = append(srv.listeners, ln)
		srv.addrs = append(srv.addrs, ln.Addr().String())
	}
	for i, ln := range srv.listeners {
		srv.wg.Add(1)
		go srv.accept(i+1, ln)
	}
	srv.startWall, srv.startVirtual = time.Now(), s.Now()
	srv.wallBaseMs = srv.startWall.UnixMilli() - srv.startVirtual
	srv.wg.Add(1)
	go srv.drive()
	return srv, nil
}

// Addrs lists each broker's listener, broker 1 first.
func (srv *Server) Addrs() []string { return append([]string(nil), srv.addrs...) }

// Do runs f on the driver goroutine, with the clock brought up to now, and
// waits for it. It is the only safe way to read or change the simulation
// while the server runs.
func (srv *Server) Do(f func(s *sim.Sim)) {
	ran := make(chan struct{})
	select {
	case srv.calls <- func() { f(srv.sim); close(ran) }:
		<-ran
	case <-srv.done:
	}
}

// Close stops listening, closes every connection and stops the driver.
func (srv *Server) Close() {
	srv.once.Do(func() {
		close(srv.done)
		srv.closeListeners()
	})
	srv.wg.Wait()
}

func (srv *Server) closeListeners() {
	srv.lnMu.Lock()
	defer srv.lnMu.Unlock()
	for _, ln := range srv.listeners {
		if ln != nil {
			ln.Close()
		}
	}
}

func (srv *Server) accept(broker int, ln net.Listener) {
	defer srv.wg.Done()
	for {
		nc, err := ln.Accept()
		if err != nil {
			return
		}
		c := newConn(srv, broker, nc)
		select {
		case srv.conns <- c:
		case <-srv.done:
			nc.Close()
			return
		}
	}
}

// host and port of broker id's listener, as Metadata advertises it.
func (srv *Server) hostPort(id int) (string, int32) {
	h, p, _ := net.SplitHostPort(srv.addrs[id-1])
	n, _ := strconv.Atoi(p)
	return h, int32(n)
}

// Sim is the simulation. Read it only after Close, or inside Do.
func (srv *Server) Sim() *sim.Sim { return srv.sim }
