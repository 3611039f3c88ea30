package sim

import (
	"strings"
	"testing"
)

func TestFatesExplainLossAndDuplicates(t *testing.T) {
	s, gl := crashRun(t, 21, func(c *Config) { c.Groups[0].Commit = CommitAfterProcessing }, 4000)
	dups := s.Fates("billing", FateDuplicated)
	if len(dups) != gl.Duplicated || len(dups) == 0 {
		t.Fatalf("%d duplicated fates for a ledger of %+v", len(dups), gl)
	}
	if r := dups[0].Reason; !strings.Contains(r, "crashed") || strings.Count(r, "processed by") < 2 {
		t.Errorf("duplicate reason should tell both processings and the crash: %q", r)
	}
	s, gl = crashRun(t, 21, func(c *Config) { c.Groups[0].Commit = CommitBeforeProcessing }, 4000)
	lost := s.Fates("billing", FateLost)
	if len(lost) != gl.Lost || len(lost) == 0 {
		t.Fatalf("%d lost fates for a ledger of %+v", len(lost), gl)
	}
	if r := lost[0].Reason; !strings.Contains(r, "committed offset") {
		t.Errorf("an at-most-once loss should name the early commit: %q", r)
	}
}
