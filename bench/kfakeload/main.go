// Command kfakeload runs the benchmark load against franz-go's in-process
// fake cluster (kfake) with the real franz-go client: 3 brokers, a topic of
// 12 partitions, one producer sending -n records over 16 keys with
// acks=all, and a group of 4 consumers reading from the earliest offset
// until every record is processed. scripts/bench compares its CPU time and
// memory with kafkasim's on the same load.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
)

const (
	topic      = "load"
	partitions = 12
	keys       = 16
	consumers  = 4
)

func main() {
	n := flag.Int("n", 1_000_000, "records to send and consume")
	flag.Parse()
	if err := run(*n); err != nil {
		fmt.Fprintln(os.Stderr, "kfakeload:", err)
		os.Exit(1)
	}
}

func run(n int) error {
	cluster, err := kfake.NewCluster(kfake.NumBrokers(3), kfake.SeedTopics(partitions, topic))
	if err != nil {
		return err
	}
	defer cluster.Close()
	seeds := cluster.ListenAddrs()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	g := &group{want: int64(n), done: make(chan struct{}), cancel: cancel}
	var wg sync.WaitGroup
	for i := 0; i < consumers; i++ {
		cl, err := kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.ConsumerGroup("readers"),
			kgo.ConsumeTopics(topic), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
		if err != nil {
			return err
		}
		wg.Add(1)
		go g.consume(ctx, cl, &wg)
	}
	if err := produce(context.Background(), seeds, n); err != nil {
		return err
	}
	<-g.done
	wg.Wait()
	fmt.Printf("sent %d, processed %d\n", n, g.processed.Load())
	return nil
}

// produce sends n keyed records with acks=all (idempotent, the client's
// default) and waits for every acknowledgement.
func produce(ctx context.Context, seeds []string, n int) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.DefaultProduceTopic(topic),
		kgo.RequiredAcks(kgo.AllISRAcks()))
	if err != nil {
		return err
	}
	defer cl.Close()
	var failed atomic.Int64
	for i := 0; i < n; i++ {
		key := "key-" + strconv.Itoa(i%keys)
		value := "loadgen#" + strconv.Itoa(i+1)
		cl.Produce(ctx, &kgo.Record{Key: []byte(key), Value: []byte(value)}, func(_ *kgo.Record, err error) {
			if err != nil {
				failed.Add(1)
			}
		})
	}
	if err := cl.Flush(ctx); err != nil {
		return err
	}
	if f := failed.Load(); f > 0 {
		return fmt.Errorf("%d records failed", f)
	}
	return nil
}

// group counts what its members processed and says when it is all done.
type group struct {
	want      int64
	processed atomic.Int64
	done      chan struct{}
	cancel    context.CancelFunc // wakes members still waiting in a poll
	once      sync.Once
}

// consume polls until the group has processed every record in all,
// committing as it goes (the client's auto-commit).
func (g *group) consume(ctx context.Context, cl *kgo.Client, wg *sync.WaitGroup) {
	defer wg.Done()
	defer cl.Close()
	for {
		select {
		case <-g.done:
			return
		default:
		}
		fs := cl.PollRecords(ctx, 10_000)
		if fs.IsClientClosed() || ctx.Err() != nil {
			return
		}
		if got := g.processed.Add(int64(fs.NumRecords())); got >= g.want {
			g.once.Do(func() { close(g.done); g.cancel() })
			return
		}
	}
}
