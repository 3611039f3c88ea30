package sim

import (
	"strings"
	"testing"
)

// Rule: delivery.timeout.ms must be at least linger.ms + request.timeout.ms;
// set lower, the Java client refuses it (KafkaProducer.configureDeliveryTimeout
// throws ConfigException); left at its default it is raised to the sum.
func TestDeliveryTimeoutBelowLingerPlusRequestTimeoutIsRefused(t *testing.T) {
	c := basicConfig(1)
	c.Producers[0].LingerMs, c.Producers[0].RequestTimeoutMs, c.Producers[0].DeliveryTimeoutMs = 100, 5000, 4000
	_, err := New(c)
	if err == nil || !strings.Contains(err.Error(), "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms") {
		t.Fatalf("want the client's ConfigException, got %v", err)
	}
	c.Producers[0].DeliveryTimeoutMs = 5100
	if _, err := New(c); err != nil {
		t.Fatalf("delivery.timeout.ms = linger.ms + request.timeout.ms is allowed: %v", err)
	}
	c.Producers[0].RequestTimeoutMs, c.Producers[0].DeliveryTimeoutMs = 200000, defaultDeliveryTimeoutMs
	s := mustNew(t, c)
	if got := s.producers[0].cfg.DeliveryTimeoutMs; got != 200100 {
		t.Fatalf("a default delivery.timeout.ms is raised to linger.ms + request.timeout.ms: got %d", got)
	}
	// The same check guards producers added during a run.
	p := DefaultProducer("late", "orders")
	p.RequestTimeoutMs, p.DeliveryTimeoutMs = 3000, 2000
	if err := s.Apply(Command{Kind: CmdAddProducer, ProducerSpec: &p}); err == nil {
		t.Fatalf("an added producer with delivery.timeout.ms < request.timeout.ms should be refused")
	}
}

// Rule: an expired batch fails with the client's TimeoutException, "Expiring
// N record(s) for T-P:X ms has passed since batch creation"
// (Sender.sendProducerData), not with a broker error; and retries back off
// exponentially from retry.backoff.ms up to retry.backoff.max.ms with 20%
// jitter (KIP-580, ExponentialBackoff(retryBackoffMs, 2, retryBackoffMaxMs, 0.2)).
func TestExpiryTextAndExponentialBackoff(t *testing.T) {
	c := notEnoughReplicasConfig(2)
	c.Producers[0].Count = 5
	c.Producers[0].DeliveryTimeoutMs = 20000
	s := mustNew(t, c)
	leader := leaderOf(s, "orders", 0)
	for b := 1; b <= 3; b++ {
		if b != leader {
			_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: b})
		}
	}
	s.RunUntil(60000)
	var backoffs []int64
	expiries := 0
	for _, e := range s.Events() {
		if e.Type == EvRetried && e.Partition == 0 && e.Count > 0 && len(backoffs) < 8 && e.FirstSeq == 0 {
			backoffs = append(backoffs, e.DelayMs)
		}
		if e.Type == EvProduceFailed && e.Err == "TimeoutException" {
			expiries++
			if !strings.Contains(e.Why(), "Expiring 1 record(s) for orders-0:20000 ms has passed since batch creation") {
				t.Fatalf("expiry text: %s", e.Why())
			}
		}
		if e.Type == EvProduceFailed && e.Err == "REQUEST_TIMED_OUT" {
			t.Fatalf("an expired batch fails with TimeoutException, not REQUEST_TIMED_OUT: %s", e.Why())
		}
	}
	if expiries != 5 {
		t.Fatalf("want 5 batches expired, got %d", expiries)
	}
	if len(backoffs) < 6 {
		t.Fatalf("want several retries of the first batch, got backoffs %v", backoffs)
	}
	base, most := c.Producers[0].RetryBackoffMs, c.Producers[0].RetryBackoffMaxMs
	for i, b := range backoffs {
		term := min(base<<i, most)
		if b < term*8/10 || b > min(term*12/10, most) {
			t.Fatalf("retry %d backed off %dms; want %d±20%% capped at %d (all: %v)", i+1, b, term, most, backoffs)
		}
	}
	if backoffs[len(backoffs)-1] < 3*base {
		t.Fatalf("backoff should grow towards retry.backoff.max.ms: %v", backoffs)
	}
}
