package replay

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// member is one consumer of a group (cN) as a real kgo client.
type member struct {
	group   sim.GroupConfig
	index   int
	cl      *kgo.Client
	sess    *kgo.GroupTransactSession // a transactional group's member (transact.go)
	txns    int                       // transactions it began
	kill    *killSwitch
	obs     *observed
	clk     clock
	pollCtx context.Context // cancelled by crash and close
	cancel  context.CancelFunc
	done    chan struct{}
	// crashed stops processing between two records, as a killed process
	// would: what it processed of the batch is never committed.
	crashed atomic.Bool
	closing atomic.Bool
	started atomic.Bool
}

func newMember(gc sim.GroupConfig, index int, base []kgo.Opt, c clock, obs *observed) (*member, error) {
	opts, _ := groupOpts(gc, c)
	m := &member{group: gc, index: index, kill: &killSwitch{}, obs: obs, clk: c, done: make(chan struct{})}
	clientID := gc.ClientID
	if clientID == "" {
		clientID = fmt.Sprintf("consumer-%s-%d", gc.ID, index)
	}
	opts = append(append(append([]kgo.Opt{}, base...), opts...), kgo.ClientID(clientID), kgo.Dialer(m.kill.dial))
	if gc.GroupInstanceID != "" {
		opts = append(opts, kgo.InstanceID(fmt.Sprintf("%s-%d", gc.GroupInstanceID, index)))
	}
	if gc.Commit == sim.CommitTransactional && gc.OutputTopic != "" {
		sess, err := kgo.NewGroupTransactSession(append(opts, transactOpts(gc, index, c)...)...)
		if err != nil {
			return nil, fmt.Errorf("group %s c%d: %w", gc.ID, index, err)
		}
		m.sess, m.cl = sess, sess.Client()
		m.pollCtx, m.cancel = context.WithCancel(context.Background())
		return m, nil
	}
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("group %s c%d: %w", gc.ID, index, err)
	}
	m.cl = cl
	m.pollCtx, m.cancel = context.WithCancel(context.Background())
	return m, nil
}

// start runs the poll loop until the member is crashed, closed or the run
// ends (runCtx). Closing interrupts a poll but lets a batch in hand finish
// and commit, as close() called from the poll loop does.
func (m *member) start(runCtx context.Context) {
	pollCtx := m.pollCtx
	m.started.Store(true)
	go func() {
		defer close(m.done)
		for pollCtx.Err() == nil && !m.closing.Load() {
			m.pollOnce(runCtx, pollCtx)
		}
	}()
}

// pollOnce is one turn of the Java poll loop: poll, process, commit as the
// group's commit mode says, then let a waiting rebalance through.
func (m *member) pollOnce(ctx, pollCtx context.Context) {
	maxRecords := m.group.MaxPollRecords
	if maxRecords <= 0 {
		maxRecords = 500 // max.poll.records default
	}
	fetches := m.cl.PollRecords(pollCtx, maxRecords)
	if pollCtx.Err() != nil || m.crashed.Load() {
		return
	}
	recs := fetches.Records()
	for _, r := range recs {
		m.obs.fetched(m.group.ID, topicPart{r.Topic, r.Partition}, r.Offset)
	}
	if m.sess != nil {
		if len(recs) > 0 {
			m.pollTransact(ctx, recs)
		}
		m.cl.AllowRebalance()
		return
	}
	manual := m.group.Commit != sim.CommitAuto
	covered := false // a commit succeeded for this batch
	var done []string
	defer func() {
		// What was processed without a successful commit is what a crash
		// or a rebalance may hand to someone else to process again.
		if manual && !covered {
			m.obs.uncovered(m.group.ID, done)
		}
	}()
	if manual && m.group.Commit == sim.CommitBeforeProcessing && len(recs) > 0 {
		if covered = m.commit(ctx, recs); !covered {
			// commitSync threw (CommitFailedException in a rebalance): the
			// loop body ends there, before processing the batch.
			m.cl.AllowRebalance()
			return
		}
	}
	for _, r := range recs {
		if !sleepCtx(ctx, m.clk.real(m.group.ProcessingMs)) || m.crashed.Load() {
			return
		}
		m.obs.processedOne(m.group.ID, string(r.Value))
		done = append(done, string(r.Value))
	}
	if manual && m.group.Commit != sim.CommitBeforeProcessing && len(recs) > 0 && !m.crashed.Load() {
		covered = m.commit(ctx, recs)
	}
	m.cl.AllowRebalance()
}

// commit is commitSync of the batch's positions; false if it failed.
func (m *member) commit(ctx context.Context, recs []*kgo.Record) bool {
	if m.crashed.Load() || m.cl.CommitRecords(ctx, recs...) != nil {
		return false // the group moved on (a rebalance) or the member is dead
	}
	for _, r := range recs {
		m.obs.committedTo(m.group.ID, topicPart{r.Topic, r.Partition}, r.Offset+1)
	}
	return true
}

// crash abandons the member: no commit, no LeaveGroup. The group notices
// only when session.timeout.ms passes without a heartbeat.
func (m *member) crash() {
	m.crashed.Store(true)
	m.kill.kill()
	m.cancel()
	go func() { // its dials fail: nothing reaches the cluster
		m.cl.AllowRebalance()
		m.cl.Close()
	}()
}

// close is consumer.close(): the loop stops after its batch, an
// auto-committing member commits, and it leaves the group.
func (m *member) close() {
	m.closing.Store(true)
	m.cancel()
	if m.started.Load() {
		<-m.done
	}
	// A rebalance waiting on BlockRebalanceOnPoll would hold LeaveGroup
	// (and so Close) forever: let it through first.
	m.cl.AllowRebalance()
	m.cl.Close()
}

// pause and resume are consumer.pause()/resume() on every assigned topic:
// the member stays in the group and heartbeats, but fetches nothing.
func (m *member) pause() {
	m.cl.PauseFetchTopics(m.group.Topics...)
}

func (m *member) resume() {
	m.cl.ResumeFetchTopics(m.group.Topics...)
}
