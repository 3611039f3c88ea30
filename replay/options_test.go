package replay

import (
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// TestProducerOptsMapJavaConfigs builds a kgo client from a producer's
// configs and reads the options back (Client.OptValue): acks, idempotence
// and the scaled durations land on their kgo equivalents
// (pkg/kgo/config.go), and what has none is noted.
func TestProducerOptsMapJavaConfigs(t *testing.T) {
	c := clock{speed: 10}
	tests := []struct {
		name         string
		edit         func(*sim.ProducerConfig)
		acks         int16
		idempotentOK bool // DisableIdempotentWrite not given
		note         string
	}{
		{"the default: acks=all, idempotent", func(*sim.ProducerConfig) {}, -1, true, ""},
		{"acks=1 cannot be idempotent (KIP-679)", func(p *sim.ProducerConfig) { p.Acks = sim.AcksLeader }, 1, false, ""},
		{"acks=0", func(p *sim.ProducerConfig) { p.Acks = sim.AcksNone; p.EnableIdempotence = false }, 0, false, ""},
		{"idempotence off", func(p *sim.ProducerConfig) { p.EnableIdempotence = false }, -1, false, ""},
		{"transactional.id is noted", func(p *sim.ProducerConfig) { p.TransactionalID = "tx" }, -1, true, "transactional.id is not replayed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pc := sim.DefaultProducer("p", "orders")
			pc.LingerMs = 50
			tc.edit(&pc)
			opts, notes := producerOpts(pc, c)
			cl, err := kgo.NewClient(append(opts, kgo.SeedBrokers("127.0.0.1:1"))...)
			if err != nil {
				t.Fatal(err)
			}
			defer cl.Close()
			if got := cl.OptValue(kgo.RequiredAcks).(kgo.Acks); got != acksOf(tc.acks) {
				t.Errorf("acks %v, want %d", got, tc.acks)
			}
			if disabled := cl.OptValue(kgo.DisableIdempotentWrite).(bool); disabled == tc.idempotentOK {
				t.Errorf("DisableIdempotentWrite = %v", disabled)
			}
			if got := cl.OptValue(kgo.ProducerLinger).(time.Duration); got != 5*time.Millisecond {
				t.Errorf("linger %v, want 50ms scaled by 10 = 5ms", got)
			}
			if joined := strings.Join(notes, "\n"); tc.note == "" && joined != "" || !strings.Contains(joined, tc.note) {
				t.Errorf("notes %q, want %q", notes, tc.note)
			}
		})
	}
}

func acksOf(n int16) kgo.Acks {
	switch n {
	case 0:
		return kgo.NoAck()
	case 1:
		return kgo.LeaderAck()
	}
	return kgo.AllISRAcks()
}

// TestGroupOptsCommitModes: only auto commit keeps kgo's autocommit, every
// group blocks rebalances until its batch is done (Java rebalances inside
// poll()), and the assignors keep their order.
func TestGroupOptsCommitModes(t *testing.T) {
	for _, mode := range []string{sim.CommitAuto, sim.CommitAfterProcessing, sim.CommitBeforeProcessing} {
		gc := sim.DefaultGroup("g", "orders")
		gc.Commit = mode
		gc.Assignors = []string{sim.AssignorRange, sim.AssignorCooperativeSticky}
		opts, _ := groupOpts(gc, clock{speed: 1})
		cl, err := kgo.NewClient(append(opts, kgo.SeedBrokers("127.0.0.1:1"))...)
		if err != nil {
			t.Fatal(err)
		}
		if disabled := cl.OptValue(kgo.DisableAutoCommit).(bool); disabled == (mode == sim.CommitAuto) {
			t.Errorf("%s: DisableAutoCommit = %v", mode, disabled)
		}
		if !cl.OptValue(kgo.BlockRebalanceOnPoll).(bool) {
			t.Errorf("%s: rebalances not blocked on poll", mode)
		}
		bs := cl.OptValue(kgo.Balancers).([]kgo.GroupBalancer)
		if len(bs) != 2 || bs[0].ProtocolName() != "range" || bs[1].ProtocolName() != "cooperative-sticky" {
			t.Errorf("%s: balancers %v", mode, bs)
		}
		cl.Close()
	}
}
