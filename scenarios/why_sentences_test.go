package scenarios

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"kafkasim/sim"
)

// The frequent event types' sentences are appended to a buffer
// (sim.Event.AppendWhy) rather than formatted. This test pins one sentence
// of every branch of their wording, taken from runs of every built-in at
// its own seed, so a slip in the append code shows up as a diff; and it
// checks, for every event of those runs, that AppendWhy writes Why()'s
// bytes after whatever the buffer already holds. Update deliberately
// (go test ./scenarios -run WhySentences -update).
func TestWhySentencesOfFrequentTypes(t *testing.T) {
	first := map[string]string{}
	for _, name := range Names() {
		sc, s := builtInSim(t, name)
		s.RunUntil(sc.DurationMs)
		evs := s.Events()
		for i := range evs {
			e := &evs[i]
			why := e.Why()
			if got := string(e.AppendWhy([]byte("prefix|"))); got != "prefix|"+why {
				t.Fatalf("%s: AppendWhy wrote %q, Why() says %q", name, got, why)
			}
			if key, ok := whyBranch(e); ok && first[key] == "" {
				first[key] = why
			}
		}
	}
	for _, key := range wantWhyBranches {
		if first[key] == "" {
			t.Errorf("no built-in run shows the branch %q any more: pin it with another run", key)
		}
	}
	keys := make([]string, 0, len(first))
	for k := range first {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var got bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&got, "%s\n\t%s\n", k, first[k])
	}
	checkGolden(t, filepath.Join("testdata", "golden", "why-sentences.golden"), got.Bytes())
}

// whyBranch names which branch of its type's wording an event takes.
func whyBranch(e *sim.Event) (string, bool) {
	one := func(n int) string {
		if n == 1 {
			return "1"
		}
		return "n"
	}
	span := func() string { return one(int(e.EndOffset - e.Offset)) }
	switch e.Type {
	case sim.EvAppended:
		return fmt.Sprintf("%s records=%s offsets=%s copy=%s", e.Type, one(e.Count), span(), e.Text), true
	case sim.EvReplicated:
		return fmt.Sprintf("%s offsets=%s", e.Type, span()), true
	case sim.EvHWAdvanced:
		return fmt.Sprintf("%s isr=%s", e.Type, one(e.Count)), true
	case sim.EvProduceRequest:
		return fmt.Sprintf("%s records=%s sequenced=%t retry=%t", e.Type, one(e.Count), e.FirstSeq >= 0, e.Attempt > 1), true
	case sim.EvAcked:
		return fmt.Sprintf("%s records=%s offsets=%s acks=%d", e.Type, one(e.Count), span(), e.Acks), true
	case sim.EvFetched:
		return fmt.Sprintf("%s records=%s", e.Type, one(e.Count)), true
	case sim.EvProcessed:
		return fmt.Sprintf("%s records=%s duplicates=%t reason=%s", e.Type, one(e.Count), e.Duplicates > 0, e.Reason), true
	case sim.EvCommitted:
		return fmt.Sprintf("%s member=%t reason=%s", e.Type, e.Member != "", e.Reason), true
	}
	return "", false
}

// wantWhyBranches are the branches the built-ins must keep showing.
var wantWhyBranches = []string{
	"records-appended records=1 offsets=1 copy=",
	"records-appended records=n offsets=n copy=",
	"records-appended records=1 offsets=1 copy=duplicate",
	"records-replicated offsets=1",
	"records-replicated offsets=n",
	"high-watermark-advanced isr=1",
	"high-watermark-advanced isr=n",
	"produce-request records=1 sequenced=false retry=false",
	"produce-request records=n sequenced=true retry=false",
	"produce-request records=1 sequenced=false retry=true",
	"produce-request records=1 sequenced=true retry=true",
	"produce-acked records=1 offsets=1 acks=-1",
	"produce-acked records=1 offsets=1 acks=1",
	"produce-acked records=n offsets=n acks=-1",
	"records-fetched records=1",
	"records-fetched records=n",
	"records-processed records=1 duplicates=false reason=",
	"records-processed records=n duplicates=true reason=",
	"offsets-committed member=true reason=after-processing",
	"offsets-committed member=true reason=before-processing",
	"offsets-committed member=true reason=auto",
	"offsets-committed member=false reason=manual",
}

// checkGolden compares got with the golden file at path, or rewrites it
// under -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the sentences differ from %s (run with -update if the change is intended):\n%s",
			path, firstDiff(string(want), string(got)))
	}
}
