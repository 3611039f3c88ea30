package replay

import (
	"context"
	"fmt"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// A transactional group (commit = "transactional") is replayed as the
// engine plays it: consume-transform-produce with a kgo
// GroupTransactSession per member. Each batch is one transaction: the
// member processes its records, writes one output per input to the output
// topic ("<input value> processed", the engine's output), and commits the
// outputs with the input offsets (TxnOffsetCommit, KIP-447). An output's
// value also names the member and transaction, so the ledger, which
// follows records by value, tells an aborted attempt's output from the
// retry's. Its
// transactional.id is the engine's, "<group>-cN", so a restarted member
// fences its old instance. As in the engine's ledger, an input counts as
// processed and an output as delivered only when the transaction
// commits; an aborted one counts nothing, and the session rewinds to the
// committed offsets, so its inputs are processed again.

// transactOpts are the producer side of a transactional member.
func transactOpts(gc sim.GroupConfig, index int, c clock) []kgo.Opt {
	opts := []kgo.Opt{kgo.TransactionalID(txnID(gc, index)), kgo.DefaultProduceTopic(gc.OutputTopic),
		kgo.RequiredAcks(kgo.AllISRAcks())}
	if gc.TransactionTimeoutMs > 0 {
		opts = append(opts, kgo.TransactionTimeout(c.real(gc.TransactionTimeoutMs)))
	}
	return opts
}

// txnID is the engine's transactional.id for member cN (sim txnProducer).
func txnID(gc sim.GroupConfig, index int) string { return fmt.Sprintf("%s-c%d", gc.ID, index) }

// output is one record a transaction wrote, as the cluster answered it.
type output struct {
	value     string
	partition int32
	offset    int64
	err       error
}

// pollTransact is one turn of a transactional member's loop: poll, begin,
// process and write, then commit the transaction.
func (m *member) pollTransact(ctx context.Context, recs []*kgo.Record) {
	if err := m.sess.Begin(); err != nil {
		return
	}
	m.txns++
	var mu sync.Mutex
	var outs []*output
	var done []string
	for _, r := range recs {
		if !sleepCtx(ctx, m.clk.real(m.group.ProcessingMs)) || m.crashed.Load() {
			return // a dead process: its transaction stays open until the coordinator aborts it
		}
		o := &output{value: fmt.Sprintf("%s processed (%s txn %d)", r.Value, txnID(m.group, m.index), m.txns), offset: -1}
		mu.Lock()
		outs = append(outs, o)
		mu.Unlock()
		m.obs.sent(txnID(m.group, m.index), m.group.OutputTopic, o.value)
		m.sess.Produce(ctx, &kgo.Record{Key: r.Key, Value: []byte(o.value)}, func(rec *kgo.Record, err error) {
			mu.Lock()
			defer mu.Unlock()
			o.partition, o.offset, o.err = rec.Partition, rec.Offset, err
		})
		done = append(done, string(r.Value))
	}
	if m.crashed.Load() {
		return
	}
	committed, err := m.sess.End(ctx, kgo.TryCommit)
	committed = committed && err == nil
	mu.Lock()
	defer mu.Unlock()
	for _, o := range outs {
		if committed {
			m.obs.answered(o.value, o.partition, o.offset, o.err)
		} else {
			m.obs.answered(o.value, 0, -1, errAborted)
		}
	}
	if !committed {
		return
	}
	for _, v := range done {
		m.obs.processedOne(m.group.ID, v)
	}
	for _, r := range recs {
		m.obs.committedTo(m.group.ID, topicPart{r.Topic, r.Partition}, r.Offset+1)
	}
}

var errAborted = fmt.Errorf("the transaction was aborted")
