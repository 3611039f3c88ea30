package wire

import (
	"bufio"
	"encoding/binary"
	"io"
	"net"
	"sync"
)

// conn is one client connection to one broker. Requests are read in
// order; each gets a slot, and answers are written in slot order however
// late each is decided (Kafka answers a connection's requests in order).
type conn struct {
	srv    *Server
	broker int
	nc     net.Conn
	host   string

	mu     sync.Mutex
	cond   *sync.Cond
	slots  []*slot
	closed bool
	// discard: a replayed request's connection, which has no socket and
	// keeps no answers.
	discard bool
}

// slot is one request's place in the answer order. none: the request
// gets no answer (acks=0).
type slot struct {
	data  []byte
	ready bool
	none  bool
}

// request is what the read loop hands the driver.
type request struct {
	c        *conn
	slot     *slot
	key      int16
	version  int16
	corr     int32
	clientID string
	body     []byte
}

const maxRequestBytes = 100 << 20

func newConn(srv *Server, broker int, nc net.Conn) *conn {
	c := &conn{srv: srv, broker: broker, nc: nc}
	c.host, _, _ = net.SplitHostPort(nc.RemoteAddr().String())
	c.cond = sync.NewCond(&c.mu)
	return c
}

// start runs the read and write loops; the driver calls it once it has
// accepted the connection.
func (c *conn) start() {
	go c.readLoop()
	go c.writeLoop()
}

func (c *conn) readLoop() {
	r := bufio.NewReader(c.nc)
	var sz [4]byte
	for {
		if _, err := io.ReadFull(r, sz[:]); err != nil {
			c.close()
			return
		}
		n := binary.BigEndian.Uint32(sz[:])
		if n < 8 || n > maxRequestBytes {
			c.close()
			return
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(r, buf); err != nil {
			c.close()
			return
		}
		req, ok := parseHeader(buf)
		if !ok {
			c.close()
			return
		}
		req.c = c
		req.slot = c.newSlot()
		select {
		case c.srv.reqs <- req:
		case <-c.srv.done:
			c.close()
			return
		}
	}
}

// parseHeader reads the request header (v1, or v2 with tagged fields
// for flexible versions): api key, version, correlation id, client id.
func parseHeader(b []byte) (*request, bool) {
	req := &request{key: int16(binary.BigEndian.Uint16(b)), version: int16(binary.BigEndian.Uint16(b[2:])),
		corr: int32(binary.BigEndian.Uint32(b[4:]))}
	rest := b[8:]
	if len(rest) < 2 {
		return nil, false
	}
	l := int16(binary.BigEndian.Uint16(rest))
	rest = rest[2:]
	if l > 0 {
		if int(l) > len(rest) {
			return nil, false
		}
		req.clientID = string(rest[:l])
		rest = rest[l:]
	}
	if flexibleRequest(req.key, req.version) {
		var ok bool
		if rest, ok = skipTags(rest); !ok {
			return nil, false
		}
	}
	req.body = rest
	return req, true
}

// skipTags skips a tagged-field section (KIP-482).
func skipTags(b []byte) ([]byte, bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return nil, false
	}
	b = b[k:]
	for range n {
		if _, k = binary.Uvarint(b); k <= 0 {
			return nil, false
		}
		b = b[k:]
		size, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < size {
			return nil, false
		}
		b = b[k+int(size):]
	}
	return b, true
}

func (c *conn) newSlot() *slot {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := &slot{}
	if !c.discard {
		c.slots = append(c.slots, s)
	}
	return s
}

// fill sets a slot's answer (nil data with none for no answer).
func (c *conn) fill(s *slot, data []byte, none bool) {
	c.mu.Lock()
	s.data, s.none, s.ready = data, none, true
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *conn) writeLoop() {
	w := bufio.NewWriter(c.nc)
	for {
		c.mu.Lock()
		for !c.closed && (len(c.slots) == 0 || !c.slots[0].ready) {
			c.cond.Wait()
		}
		if c.closed {
			c.mu.Unlock()
			return
		}
		var out [][]byte
		for len(c.slots) > 0 && c.slots[0].ready {
			if !c.slots[0].none {
				out = append(out, c.slots[0].data)
			}
			c.slots = c.slots[1:]
		}
		c.mu.Unlock()
		for _, b := range out {
			if _, err := w.Write(b); err != nil {
				c.close()
				return
			}
		}
		if err := w.Flush(); err != nil {
			c.close()
			return
		}
	}
}

func (c *conn) close() {
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		if c.nc != nil {
			c.nc.Close()
		}
		c.cond.Broadcast()
	}
	c.mu.Unlock()
}

func (c *conn) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}
