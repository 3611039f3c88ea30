package cli

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/scenarios"
	"kafkasim/sim"
	"kafkasim/wire"
)

// serve --headless --export FILE writes the session when it stops: the
// scenario served (its own producers and groups run too) and the live
// client's requests. Run headless, the file ends with the same ledger.
func TestServeExportsTheSessionOnExit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session.toml")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuf
	var served *wire.Server
	done := make(chan int)
	go func() {
		done <- serveUntil(ctx, []string{"the-log", "--listen", "127.0.0.1:0", "--headless", "--speed", "5", "--export", path},
			&out, &errOut, func(srv *wire.Server) {
				served = srv
				defer cancel()
				cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("cli-x"),
					kgo.AllowAutoTopicCreation(), kgo.DefaultProduceTopic("notes"))
				if err != nil {
					t.Error(err)
					return
				}
				defer cl.Close()
				pctx, stop := context.WithTimeout(ctx, 30*time.Second)
				defer stop()
				for _, v := range []string{"a", "b", "c"} {
					if err := cl.ProduceSync(pctx, &kgo.Record{Value: []byte(v)}).FirstErr(); err != nil {
						t.Error(err)
					}
				}
			})
	}()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "wrote the session to "+path) {
		t.Errorf("stdout does not say where the session went: %s", out.String())
	}
	live := served.Sim().Ledger()
	sc, err := scenarios.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(sc.DurationMs)
	if got := s.Ledger(); !reflect.DeepEqual(got, live) {
		t.Fatalf("the file's ledger differs from the session's:\n file %+v\n live %+v", got, live)
	}
	if !hasProducer(live, "cli-x", 3) {
		t.Errorf("the live producer's 3 records are not in the ledger: %+v", live)
	}
}

func hasProducer(lg sim.LedgerSummary, id string, acked int) bool {
	for _, p := range lg.Producers {
		if p.ID == id && p.Acked == acked {
			return true
		}
	}
	return false
}

// --export never replaces a file: serve refuses before it starts.
func TestServeExportRefusesAnExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.toml")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := invoke(Serve, "--headless", "--export", path); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Error("the file was replaced")
	}
}
