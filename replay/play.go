package replay

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// replayer plays one scenario's clients and timeline on the wall clock.
type replayer struct {
	sc        *scenarios.Scenario
	opts      Options
	base      []kgo.Opt
	obs       *observed
	clk       clock
	gate      *timelineGate
	admin     *admin
	producers []*producer
	groups    map[string][]*member // by group id; index i is consumer c(i+1)
	mu        sync.Mutex
	wg        sync.WaitGroup
	res       *Result
}

// play starts the clients, runs the timeline to the scenario's end,
// drains, and stops everything.
func (r *replayer) play(ctx context.Context) error {
	r.clk = clock{start: time.Now(), speed: r.opts.Speed}
	var times []int64
	for _, it := range r.sc.Timeline {
		times = append(times, it.AtMs)
	}
	r.gate = newTimelineGate(times)
	runCtx := ctx
	for _, pc := range r.sc.Config.Producers {
		if err := r.addProducer(runCtx, pc); err != nil {
			return err
		}
	}
	for _, gc := range r.sc.Config.Groups {
		_, notes := groupOpts(gc, r.clk)
		r.res.Notes = append(r.res.Notes, notes...)
		r.startGroup(runCtx, gc)
	}
	for i, it := range r.sc.Timeline {
		if it.AtMs > r.sc.DurationMs || !r.clk.sleepUntil(ctx, it.AtMs) || !r.gate.waitProducers(ctx, it.AtMs) {
			break
		}
		r.apply(runCtx, it.AtMs, it.Cmd)
		next := int64(math.MaxInt64)
		if i+1 < len(r.sc.Timeline) {
			next = r.sc.Timeline[i+1].AtMs
		}
		r.gate.advance(next)
	}
	r.gate.advance(math.MaxInt64)
	r.clk.sleepUntil(ctx, r.sc.DurationMs)
	// The producers' loops end on their own: by count, or at the first send
	// due after the end, however late the machine runs them.
	r.wg.Wait()
	logf(r.opts.Log, r.sc.DurationMs, "end", "the scenario's duration is over: producers stop; groups may drain for %s", r.opts.Drain)
	flushCtx, cancel := context.WithTimeout(ctx, r.opts.Drain+5*time.Second)
	for _, p := range r.producers {
		p.finish(flushCtx)
	}
	cancel()
	r.drain(ctx)
	r.closeMembers()
	return ctx.Err()
}

func (r *replayer) addProducer(ctx context.Context, pc sim.ProducerConfig) error {
	p, notes, err := newProducer(pc, r.base, r.clk, r.obs)
	if err != nil {
		return err
	}
	r.res.Notes = append(r.res.Notes, notes...)
	r.producers = append(r.producers, p)
	r.gate.reached(pc.ID, pc.StartMs)
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		p.run(ctx, r.clk, r.gate, r.sc.DurationMs)
	}()
	return nil
}

// startGroup starts the group's consumers at its start time.
func (r *replayer) startGroup(ctx context.Context, gc sim.GroupConfig) {
	for i := 1; i <= gc.Consumers; i++ {
		r.startMember(gc, i, gc.StartMs)
	}
}

// startMember starts consumer cN of a group at virtual time atMs. Members
// live on the drain's context, not the send loop's, so they keep reading
// after the producers stop.
func (r *replayer) startMember(gc sim.GroupConfig, index int, atMs int64) {
	m, err := newMember(gc, index, r.base, r.clk, r.obs)
	if err != nil {
		r.res.Notes = append(r.res.Notes, err.Error())
		return
	}
	r.mu.Lock()
	ms := r.groups[gc.ID]
	for len(ms) < index {
		ms = append(ms, nil)
	}
	ms[index-1] = m
	r.groups[gc.ID] = ms
	r.mu.Unlock()
	go func() {
		r.clk.sleepUntil(context.Background(), atMs)
		m.start(context.Background())
	}()
}

// member finds consumer cN of a group.
func (r *replayer) member(group string, index int) *member {
	r.mu.Lock()
	defer r.mu.Unlock()
	ms := r.groups[group]
	if index < 1 || index > len(ms) {
		return nil
	}
	return ms[index-1]
}

func (r *replayer) producer(id string) *producer {
	for _, p := range r.producers {
		if p.cfg.ID == id {
			return p
		}
	}
	return nil
}

// producerConfigs lists the producers the replay ran, those added by the
// timeline included.
func (r *replayer) producerConfigs() []sim.ProducerConfig {
	out := make([]sim.ProducerConfig, len(r.producers))
	for i, p := range r.producers {
		out[i] = p.cfg
	}
	return out
}

// drain waits until every live group has processed every acknowledged
// record of its topics at least once, or the drain time is up. It polls
// the tally: the ledger is taken after it either way.
func (r *replayer) drain(ctx context.Context) {
	deadline := time.Now().Add(r.opts.Drain)
	for time.Now().Before(deadline) && !r.caughtUp() {
		if !sleepCtx(ctx, 20*time.Millisecond) {
			return
		}
	}
}

func (r *replayer) caughtUp() bool {
	for _, gc := range r.sc.Config.Groups {
		if r.liveMembers(gc.ID) == 0 {
			continue
		}
		if !r.obs.groupCaughtUp(gc) {
			return false
		}
	}
	return true
}

func (r *replayer) liveMembers(group string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, m := range r.groups[group] {
		if m != nil && !m.crashed.Load() && !m.closing.Load() {
			n++
		}
	}
	return n
}

// closeMembers closes every member still running, as the end of a run.
func (r *replayer) closeMembers() {
	r.mu.Lock()
	var all []*member
	for _, gc := range r.sc.Config.Groups {
		all = append(all, r.groups[gc.ID]...)
	}
	r.mu.Unlock()
	var wg sync.WaitGroup
	for _, m := range all {
		if m == nil || m.crashed.Load() || m.closing.Load() {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.close()
		}()
	}
	wg.Wait()
}

// skip records a fault that did not happen and says so in the log.
func (r *replayer) skip(atMs int64, cmd sim.Command, why string) {
	line := fmt.Sprintf("%s at %s: %s", describe(cmd), scenarios.Seconds(atMs), why)
	r.res.Skipped = append(r.res.Skipped, line)
	logf(r.opts.Log, atMs, "skipped", "%s", line)
}
