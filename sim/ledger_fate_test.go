package sim

import "testing"

// Records land and are acknowledged well after their send, so a checkpoint
// taken while thousands are in flight sees them change afterwards. Those
// writes copy the fates' chunks (8 bytes a record) and not the records'
// infos: the infos a checkpoint shares stay shared, but for the last
// chunk, which the next send appends to.
func TestLandingAndAckingCopyOnlyFates(t *testing.T) {
	c := benchConfig(0)
	c.Producers[0].Count = 100_000
	c.Producers[0].RatePerSec = 1_000_000
	s, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	for s.Step() && s.ledger.recs.Len() < 50_000 {
	}
	p := s.producers[0]
	inFlight := s.ledger.recs.Len() - p.acked - p.failed
	if inFlight < 10_000 {
		t.Fatalf("only %d records in flight at the checkpoint", inFlight)
	}
	checkpoint := s.Clone()
	for s.Step() && p.acked+p.failed < s.ledger.recs.Len() {
	}
	if p.acked < 50_000 {
		t.Fatalf("%d records acked after the checkpoint", p.acked)
	}
	infoChunk := s.ledger.recs.length() * 12
	if got := s.ledger.recs.copied; got > infoChunk {
		t.Errorf("landing and acking copied %d KB of record infos, want at most their last chunk (%d KB)",
			got>>10, infoChunk>>10)
	}
	if got, most := s.ledger.fates.copied, (inFlight+2*s.ledger.fates.length())*8; got == 0 || got > most {
		t.Errorf("the fates copied %d KB, want some and at most %d KB", got>>10, most>>10)
	}
	if checkpoint.ledger.fate(0).state() != recAcked || checkpoint.ledger.fate(int32(checkpoint.ledger.recs.Len()-1)).offset >= 0 {
		t.Error("the checkpoint's fates changed with the run's")
	}
}
