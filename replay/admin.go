package replay

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// admin is the replay's own client for topics, offsets and reading the
// logs back.
type admin struct {
	base []kgo.Opt
	cl   *kgo.Client
	adm  *kadm.Client
}

func newAdmin(base []kgo.Opt) (*admin, error) {
	cl, err := kgo.NewClient(append(append([]kgo.Opt{}, base...), kgo.ClientID("kafkasim-replay-admin"))...)
	if err != nil {
		return nil, err
	}
	return &admin{base: base, cl: cl, adm: kadm.NewClient(cl)}, nil
}

func (a *admin) close() { a.cl.Close() }

// ensureTopics creates the scenario's topics that are missing, with the
// scenario's partitions and a replication factor capped to the brokers
// the cluster has. A topic that exists is used as it is.
func (a *admin) ensureTopics(ctx context.Context, topics []sim.TopicConfig) ([]string, error) {
	brokers, err := a.adm.ListBrokers(ctx)
	if err != nil {
		return nil, fmt.Errorf("cannot reach the cluster: %w", err)
	}
	var notes []string
	for _, t := range topics {
		details, err := a.adm.ListTopics(ctx, t.Name)
		if err != nil {
			return nil, err
		}
		if d, ok := details[t.Name]; ok && d.Err == nil {
			if len(d.Partitions) != t.Partitions {
				notes = append(notes, fmt.Sprintf("topic %s exists with %d partitions (the scenario has %d): used as it is",
					t.Name, len(d.Partitions), t.Partitions))
			}
			continue
		}
		rf := min(t.ReplicationFactor, len(brokers))
		if rf != t.ReplicationFactor {
			notes = append(notes, fmt.Sprintf("topic %s: replication factor %d capped to the cluster's %d brokers",
				t.Name, t.ReplicationFactor, len(brokers)))
		}
		configs := map[string]*string{}
		if t.MinInsyncReplicas > 0 {
			v := strconv.Itoa(min(t.MinInsyncReplicas, rf))
			configs["min.insync.replicas"] = &v
		}
		if t.CleanupPolicy != "" {
			v := t.CleanupPolicy
			configs["cleanup.policy"] = &v
		}
		resp, err := a.adm.CreateTopic(ctx, int32(t.Partitions), int16(rf), configs, t.Name)
		if err == nil {
			err = resp.Err
		}
		if err != nil {
			return nil, fmt.Errorf("create topic %s: %w", t.Name, err)
		}
	}
	return notes, nil
}

// view reads back each group's committed offsets and how many copies of
// each record the topics' logs hold.
func (a *admin) view(ctx context.Context, topics []sim.TopicConfig, groups []sim.GroupConfig) (clusterView, error) {
	v := clusterView{committed: map[string]map[topicPart]int64{}, copies: map[string]int{}}
	for _, g := range groups {
		offs, err := a.adm.FetchOffsets(ctx, g.ID)
		if err != nil {
			return v, fmt.Errorf("group %s: offsets: %w", g.ID, err)
		}
		m := map[topicPart]int64{}
		offs.Each(func(o kadm.OffsetResponse) {
			if o.Err == nil && o.At >= 0 {
				m[topicPart{o.Topic, o.Partition}] = o.At
			}
		})
		v.committed[g.ID] = m
	}
	names := make([]string, len(topics))
	for i, t := range topics {
		names[i] = t.Name
	}
	return v, a.readLogs(ctx, names, v.copies)
}

// readLogs counts every record value in the topics, from the log start to
// the high watermark.
func (a *admin) readLogs(ctx context.Context, topics []string, copies map[string]int) error {
	ends, err := a.adm.ListEndOffsets(ctx, topics...)
	if err != nil {
		return err
	}
	left := map[topicPart]int64{} // partition → the offset still to reach
	ends.Each(func(o kadm.ListedOffset) {
		if o.Err == nil && o.Offset > 0 {
			left[topicPart{o.Topic, o.Partition}] = o.Offset
		}
	})
	if len(left) == 0 {
		return nil
	}
	cl, err := kgo.NewClient(append(append([]kgo.Opt{}, a.base...), kgo.ClientID("kafkasim-replay-reader"),
		kgo.ConsumeTopics(topics...), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))...)
	if err != nil {
		return err
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	idle := time.Now()
	for len(left) > 0 {
		pctx, pcancel := context.WithTimeout(ctx, time.Second)
		fs := cl.PollFetches(pctx)
		pcancel()
		if ctx.Err() != nil {
			return fmt.Errorf("reading the logs back: %w", ctx.Err())
		}
		if fs.NumRecords() == 0 && time.Since(idle) > 5*time.Second {
			// A transactional topic ends in COMMIT or ABORT markers,
			// which no consumer is handed: nothing more is coming.
			return nil
		}
		if fs.NumRecords() > 0 {
			idle = time.Now()
		}
		fs.EachRecord(func(r *kgo.Record) {
			copies[string(r.Value)]++
			tp := topicPart{r.Topic, r.Partition}
			if end, ok := left[tp]; ok && r.Offset+1 >= end {
				delete(left, tp)
			}
		})
	}
	return nil
}
