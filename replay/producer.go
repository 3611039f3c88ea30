package replay

import (
	"context"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// producer is one scenario producer as a real kgo client.
type producer struct {
	cfg     sim.ProducerConfig
	cl      *kgo.Client
	kill    *killSwitch
	obs     *observed
	crashed atomic.Bool
	mu      sync.Mutex // serialises sends so keys cycle in send order
	sends   int
	pending sync.WaitGroup
}

func newProducer(pc sim.ProducerConfig, base []kgo.Opt, c clock, obs *observed) (*producer, []string, error) {
	opts, notes := producerOpts(pc, c)
	p := &producer{cfg: pc, kill: &killSwitch{}, obs: obs}
	opts = append(append(append([]kgo.Opt{}, base...), opts...), kgo.ClientID(pc.ID), kgo.Dialer(p.kill.dial),
		kgo.DefaultProduceTopic(pc.Topic))
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("producer %s: %w", pc.ID, err)
	}
	p.cl = cl
	return p, notes, nil
}

// run sends at the scenario's rate from its start until its count, its
// crash or the scenario's end (endMs).
// The gate must already know it (reached) before the run starts.
func (p *producer) run(ctx context.Context, c clock, gate *timelineGate, endMs int64) {
	defer gate.reached(p.cfg.ID, math.MaxInt64)
	if p.cfg.RatePerSec <= 0 {
		return
	}
	for n := 0; p.cfg.Count == 0 || n < p.cfg.Count; n++ {
		at := p.cfg.StartMs + int64(n)*1000/int64(p.cfg.RatePerSec)
		if at > endMs {
			return
		}
		gate.reached(p.cfg.ID, at)
		if !c.sleepUntil(ctx, at) || !gate.waitPast(ctx, at) || p.crashed.Load() {
			return
		}
		p.send(ctx, nil, nil)
	}
}

// send is one send(): the next key in the cycle unless one is given, and a
// value unique to this send so the ledger can follow it.
func (p *producer) send(ctx context.Context, key, value *string) {
	if p.crashed.Load() {
		return
	}
	p.mu.Lock()
	n := p.sends
	p.sends++
	p.mu.Unlock()
	r := &kgo.Record{Topic: p.cfg.Topic}
	switch {
	case key != nil:
		r.Key = []byte(*key)
	case len(p.cfg.Keys) > 0:
		r.Key = []byte(p.cfg.Keys[n%len(p.cfg.Keys)])
	}
	id := fmt.Sprintf("%s#%d@%s", p.cfg.ID, n+1, p.obs.runID)
	r.Value = []byte(id)
	if value != nil {
		r.Value = []byte(id + " " + *value)
	}
	p.obs.sent(p.cfg.ID, p.cfg.Topic, string(r.Value))
	p.pending.Add(1)
	p.cl.Produce(context.WithoutCancel(ctx), r, func(r *kgo.Record, err error) {
		defer p.pending.Done()
		if !p.crashed.Load() {
			p.obs.answered(string(r.Value), r.Partition, r.Offset, err)
		}
	})
}

// crash abandons the producer: its batches in flight never get an answer.
func (p *producer) crash() {
	p.crashed.Store(true)
	p.kill.kill()
	go p.cl.Close() // fails its buffered records; nobody is listening
}

// finish waits for the answers still due, then closes.
func (p *producer) finish(ctx context.Context) {
	if p.crashed.Load() {
		return
	}
	if p.cl.Flush(ctx) != nil {
		p.crashed.Store(true) // out of time: what is unanswered stays in flight
	}
	p.cl.Close()
}
