package replay

import (
	"context"
	"errors"
	"net"
	"sync"
)

// errKilled is what a crashed client's dials fail with.
var errKilled = errors.New("replay: client crashed")

// killSwitch is a dialer whose connections can all be cut at once. A
// crash is a process dying: kgo gets no chance to commit, send LeaveGroup
// or finish in-flight produce requests, which is what Kafka sees when a
// consumer or producer process is killed.
type killSwitch struct {
	mu    sync.Mutex
	dead  bool
	conns []net.Conn
}

// dial is given to kgo.Dialer.
func (k *killSwitch) dial(ctx context.Context, network, host string) (net.Conn, error) {
	if k.isDead() {
		return nil, errKilled
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, network, host)
	if err != nil {
		return nil, err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.dead { // killed while dialling
		c.Close()
		return nil, errKilled
	}
	k.conns = append(k.conns, c)
	return c, nil
}

func (k *killSwitch) isDead() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.dead
}

// kill cuts every connection and refuses new ones.
func (k *killSwitch) kill() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.dead = true
	for _, c := range k.conns {
		c.Close()
	}
	k.conns = nil
}
