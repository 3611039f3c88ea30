package cli

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/wire"
)

// serve opens one listener per broker, says it is bound to loopback, and
// prints the ledger of what live clients did when it stops.
func TestServeListensPerBrokerAndPrintsTheLedger(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuf
	done := make(chan int)
	go func() {
		done <- serveUntil(ctx, []string{"--brokers", "2", "--listen", "127.0.0.1:0", "--headless"}, &out, &errOut,
			func(srv *wire.Server) {
				defer cancel()
				cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("cli-test"),
					kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.AllowAutoTopicCreation(),
					kgo.DefaultProduceTopic("notes"))
				if err != nil {
					t.Error(err)
					return
				}
				defer cl.Close()
				pctx, stop := context.WithTimeout(ctx, 30*time.Second)
				defer stop()
				if err := cl.ProduceSync(pctx, &kgo.Record{Value: []byte("hi")}).FirstErr(); err != nil {
					t.Error(err)
				}
			})
	}()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"broker 1 listening on 127.0.0.1:", "broker 2 listening on 127.0.0.1:", "bound to loopback only"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q: %s", want, errOut.String())
		}
	}
	if !strings.Contains(out.String(), "producer cli-test: sent 1, acked 1") {
		t.Errorf("ledger missing: %s", out.String())
	}
}

func TestServeRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--listen", "nope"}, {"--speed", "0"}, {"--brokers", "0"}, {"--for", "soon"}, {"a", "b"}} {
		if code, _, _ := invoke(Serve, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// syncBuf is an output the server writes while the test may read.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
