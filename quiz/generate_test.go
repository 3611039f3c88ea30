package quiz

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// seedsPerKind is how many random cases each generator is checked on.
const seedsPerKind = 400

// finish gives a case's question the fields Generate adds, so it can be
// validated on its own.
func finish(q Question, kind string) Question {
	for _, g := range generators {
		if g.kind == kind {
			q.Topic = g.topic
		}
	}
	q.ID = generatedPrefix + kind + "-1"
	q.Generated = true
	q.File = "generated:" + kind
	return q
}

// rightChoice is the text of a single question's correct choice.
func rightChoice(t *testing.T, q Question) string {
	t.Helper()
	if q.Kind != Single || len(q.Correct) != 1 {
		t.Fatalf("not a single question: %+v", q)
	}
	return q.Choices[q.Correct[0]]
}

// forSeeds runs check on a fresh stream for each seed, naming the seed in
// any failure so it can be replayed.
func forSeeds(t *testing.T, kind string, check func(t *testing.T, r *rand.Rand) Question) {
	for seed := range uint64(seedsPerKind) {
		r := rand.New(rand.NewPCG(seed, 12345))
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			q := finish(check(t, r), kind)
			if err := q.Validate(); err != nil {
				t.Fatalf("invalid question: %v\n%+v", err, q)
			}
		})
	}
}

func TestGeneratorKeyPartition(t *testing.T) {
	forSeeds(t, "key-partition", func(t *testing.T, r *rand.Rand) Question {
		c := newKeyPartitionCase(r)
		q := c.question()
		if want := refPartition(c.key, c.partitions); q.Number != want {
			t.Errorf("key %q over %d partitions: answer %d, reference %d", c.key, c.partitions, q.Number, want)
		}
		return q
	})
}

func TestGeneratorIdleConsumers(t *testing.T) {
	forSeeds(t, "idle-consumers", func(t *testing.T, r *rand.Rand) Question {
		c := newIdleConsumersCase(r)
		q := c.question()
		ref := refRange(map[string]int{c.topic: c.partitions}, c.members, []string{c.topic})
		var want []int
		for i, id := range c.members {
			if len(ref[id]) == 0 {
				want = append(want, i)
			}
		}
		if !slices.Equal(q.Correct, want) {
			t.Errorf("%d members, %d partitions: idle %v, reference %v", len(c.members), c.partitions, q.Correct, want)
		}
		if len(want) != len(c.members)-c.partitions {
			t.Errorf("reference idle count %d, want members-partitions", len(want))
		}
		return q
	})
}

func TestGeneratorAssignorShare(t *testing.T) {
	forSeeds(t, "assignor-share", func(t *testing.T, r *rand.Rand) Question {
		c := newAssignorShareCase(r)
		q := c.question()
		ref := refRange
		if c.strategy == "roundrobin" {
			ref = refRoundRobin
		}
		want := refList(ref(c.partitions, c.members, c.topics)[c.asked])
		if got := rightChoice(t, q); got != want {
			t.Errorf("%s %v %v, %s: answer %q, reference %q", c.strategy, c.partitions, c.members, c.asked, got, want)
		}
		return q
	})
}

func TestGeneratorActiveConsumers(t *testing.T) {
	forSeeds(t, "active-consumers", func(t *testing.T, r *rand.Rand) Question {
		c := newActiveConsumersCase(r)
		q := c.question()
		// Hand partitions out one by one and count who got any.
		owners := map[int]bool{}
		for p := range c.partitions {
			owners[p%c.consumers] = true
		}
		want := len(owners)
		if c.askIdle {
			want = c.consumers - len(owners)
		}
		if q.Number != want {
			t.Errorf("%d partitions, %d consumers, idle=%t: answer %d, reference %d", c.partitions, c.consumers, c.askIdle, q.Number, want)
		}
		return q
	})
}

func TestGeneratorCrashReprocess(t *testing.T) {
	forSeeds(t, "crash-reprocess", func(t *testing.T, r *rand.Rand) Question {
		c := newCrashReprocessCase(r)
		q := c.question()
		counts := map[int64]int{}
		refProcessCounts(counts, c.committed, c.lastProcessed) // before the crash
		resume := c.committed                                  // nothing new was committed
		refProcessCounts(counts, resume, c.lastProcessed)      // the replacement catches up
		var twice []int64
		for off, n := range counts {
			if n == 2 {
				twice = append(twice, off)
			}
		}
		want := fmt.Sprintf("it starts at %d; processed twice: %s", resume, refRangeOf(t, twice))
		if got := rightChoice(t, q); got != want {
			t.Errorf("answer %q, reference %q", got, want)
		}
		return q
	})
}

func TestGeneratorEarlyCommitLoss(t *testing.T) {
	forSeeds(t, "early-commit-loss", func(t *testing.T, r *rand.Rand) Question {
		c := newEarlyCommitCase(r)
		q := c.question()
		counts := map[int64]int{}
		refProcessCounts(counts, c.polledFirst, c.lastProcessed)
		committed := c.polledLast + 1
		refProcessCounts(counts, committed, committed+50) // the replacement moves on
		var never []int64
		for off := c.polledFirst; off <= c.polledLast; off++ {
			if counts[off] == 0 {
				never = append(never, off)
			}
		}
		if got, want := rightChoice(t, q), refRangeOf(t, never); got != want {
			t.Errorf("answer %q, reference %q", got, want)
		}
		return q
	})
}

func TestGeneratorGroupLag(t *testing.T) {
	forSeeds(t, "group-lag", func(t *testing.T, r *rand.Rand) Question {
		c := newLagCase(r)
		q := c.question()
		want := 0
		for p := range c.committed {
			for off := c.committed[p]; off < c.logEnd[p]; off++ {
				want++ // one unprocessed record
			}
		}
		if q.Number != want {
			t.Errorf("answer %d, reference %d", q.Number, want)
		}
		return q
	})
}

func TestGeneratorOffsetReset(t *testing.T) {
	forSeeds(t, "offset-reset", func(t *testing.T, r *rand.Rand) Question {
		c := newResetCase(r)
		q := c.question()
		exists := c.committed >= c.logStart && c.committed <= c.logEnd
		want := c.committed
		if !exists {
			want = map[string]int64{"earliest": c.logStart, "latest": c.logEnd}[c.policy]
		}
		if int64(q.Number) != want {
			t.Errorf("committed %d, log %d..%d, %s: answer %d, reference %d", c.committed, c.logStart, c.logEnd, c.policy, q.Number, want)
		}
		return q
	})
}

func TestGeneratorHighWatermark(t *testing.T) {
	forSeeds(t, "high-watermark", func(t *testing.T, r *rand.Rand) Question {
		c := newHighWatermarkCase(r)
		q := c.question()
		var leos []int64
		for _, b := range c.isr {
			leos = append(leos, c.leo[b])
		}
		slices.Sort(leos)
		if int64(q.Number) != leos[0] {
			t.Errorf("answer %d, reference %d", q.Number, leos[0])
		}
		return q
	})
}

func TestGeneratorAcksOneFailover(t *testing.T) {
	forSeeds(t, "acks1-failover", func(t *testing.T, r *rand.Rand) Question {
		c := newAcksOneCase(r)
		q := c.question()
		// Each replica's log holds offsets 0..LEO-1. The leader dies; the
		// next replica in the list (all are in the ISR) takes over, and
		// the others truncate to its log.
		newLeader := c.replicas[1]
		survives := c.record < c.leo[newLeader]
		if q.Truth != survives {
			t.Errorf("record %d, leos %v, new leader %d: answer %t, reference %t", c.record, c.leo, newLeader, q.Truth, survives)
		}
		return q
	})
}

func TestGeneratorAcksAllMinISR(t *testing.T) {
	forSeeds(t, "acks-all-min-isr", func(t *testing.T, r *rand.Rand) Question {
		c := newAcksAllCase(r)
		q := c.question()
		refused := rightChoice(t, q) == "Refused with NOT_ENOUGH_REPLICAS"
		if want := c.isrSize < c.minISR; refused != want {
			t.Errorf("ISR %d, min %d: refused=%t, reference %t", c.isrSize, c.minISR, refused, want)
		}
		return q
	})
}

func TestGeneratorLeaderElection(t *testing.T) {
	forSeeds(t, "leader-election", func(t *testing.T, r *rand.Rand) Question {
		c := newElectionCase(r)
		q := c.question()
		want := "No broker: the partition stays offline"
		var live []int
		for _, b := range c.replicas {
			if !slices.Contains(c.dead, b) {
				live = append(live, b)
			}
		}
		var liveISR []int
		for _, b := range live {
			if slices.Contains(c.isr, b) {
				liveISR = append(liveISR, b)
			}
		}
		switch {
		case len(liveISR) > 0:
			want = fmt.Sprintf("Broker %d", liveISR[0])
		case c.unclean && len(live) > 0:
			want = fmt.Sprintf("Broker %d", live[0])
		}
		if got := rightChoice(t, q); got != want {
			t.Errorf("replicas %v isr %v dead %v unclean %t: answer %q, reference %q", c.replicas, c.isr, c.dead, c.unclean, got, want)
		}
		return q
	})
}

func TestGeneratorRetentionStart(t *testing.T) {
	expiredActive := 0
	forSeeds(t, "retention-start", func(t *testing.T, r *rand.Rand) Question {
		c := newRetentionCase(r)
		q := c.question()
		want := unifiedLogStartAfterRetention(c)
		if want == c.logEnd {
			expiredActive++
		}
		if int64(q.Number) != want {
			t.Errorf("answer %d, reference %d (segments %+v, log end %d)", q.Number, want, c.segments, c.logEnd)
		}
		if strings.Contains(q.Explanation, "never the active") || strings.Contains(q.Explanation, "only closed") {
			t.Errorf("explanation denies the active segment's deletion: %s", q.Explanation)
		}
		return q
	})
	if expiredActive == 0 {
		t.Error("no seed expires the active segment: the case Kafka handles by rolling is never asked")
	}
}

// unifiedLogStartAfterRetention is a second, independent reading of
// UnifiedLog.deleteRetentionMsBreachedSegments (Kafka 3.9): the walk of
// deletableSegments over (segment, next segment) pairs, with its
// high-watermark bound and its "a final empty segment is never returned",
// then deleteSegments, which rolls a new active segment when every
// segment is to go and moves the log start to the segment above the last
// one deleted. The high watermark is the log end (every record committed).
func unifiedLogStartAfterRetention(c retentionCase) int64 {
	type seg struct{ base, end, largestTs int64 } // end: one past the last offset
	var log []seg
	for i, s := range c.segments {
		end := c.logEnd
		if i+1 < len(c.segments) {
			end = c.segments[i+1].baseOffset
		}
		log = append(log, seg{s.baseOffset, end, s.newestMs})
	}
	highWatermark := c.logEnd
	var deletable []seg
	for i, s := range log {
		lastAndEmpty := i == len(log)-1 && s.end == s.base
		upperBound := s.end
		if !(highWatermark >= upperBound && c.nowMs-s.largestTs > c.retentionMs) || lastAndEmpty {
			break
		}
		deletable = append(deletable, s)
	}
	if len(deletable) == 0 {
		return log[0].base
	}
	if len(deletable) == len(log) {
		log = append(log, seg{c.logEnd, c.logEnd, 0}) // roll()
	}
	return log[len(deletable)].base // the segment above the last deleted
}

func TestEveryGeneratorIsTested(t *testing.T) {
	// Keep this list in step with the TestGenerator* functions above.
	tested := []string{
		"key-partition", "idle-consumers", "assignor-share", "active-consumers",
		"crash-reprocess", "early-commit-loss", "group-lag", "offset-reset",
		"high-watermark", "acks1-failover", "acks-all-min-isr", "leader-election",
		"retention-start",
	}
	kinds := GeneratorKinds()
	slices.Sort(kinds)
	slices.Sort(tested)
	if !slices.Equal(kinds, tested) {
		t.Errorf("generator kinds %v, tested %v", kinds, tested)
	}
	if len(kinds) < 8 {
		t.Errorf("%d generator kinds, want at least 8", len(kinds))
	}
}

func TestGenerateIsSeededAndEndless(t *testing.T) {
	a := Generate(42, 60, nil)
	b := Generate(42, 60, nil)
	if len(a) != 60 {
		t.Fatalf("got %d questions, want 60", len(a))
	}
	for i := range a {
		if a[i].Prompt != b[i].Prompt || a[i].ID != b[i].ID {
			t.Fatalf("seed 42: question %d differs between runs", i)
		}
	}
	short := Generate(42, 10, nil)
	for i := range short {
		if short[i].Prompt != a[i].Prompt {
			t.Fatalf("a shorter run is not a prefix of a longer one at %d", i)
		}
	}
	// Every kind appears once in the first round.
	seen := map[string]bool{}
	for _, q := range a[:len(generators)] {
		seen[q.File] = true
	}
	if len(seen) != len(generators) {
		t.Errorf("first round covers %d kinds, want %d", len(seen), len(generators))
	}
	other := Generate(43, 60, nil)
	same := 0
	for i := range a {
		if a[i].Prompt == other[i].Prompt {
			same++
		}
	}
	if same > 5 {
		t.Errorf("seeds 42 and 43 share %d of 60 prompts", same)
	}
	ids := map[string]bool{}
	for _, q := range Generate(7, 500, nil) {
		if err := q.Validate(); err != nil {
			t.Fatalf("%s: %v", q.ID, err)
		}
		if ids[q.ID] {
			t.Fatalf("duplicate id %s", q.ID)
		}
		ids[q.ID] = true
		if !q.Generated {
			t.Fatalf("%s not marked generated", q.ID)
		}
	}
}

func TestGenerateTopicFilter(t *testing.T) {
	for _, q := range Generate(1, 30, []string{"durability", "keys"}) {
		if q.Topic != "durability" && q.Topic != "keys" {
			t.Errorf("%s has topic %s", q.ID, q.Topic)
		}
	}
	if got := Generate(1, 5, []string{"log"}); len(got) != 0 {
		t.Errorf("no generator covers log, got %d questions", len(got))
	}
	if got := Generate(1, 0, nil); got != nil {
		t.Errorf("n=0 gave %d questions", len(got))
	}
}

// brokenRange catches an offset range pasted into a sentence that does
// not fit it: "Records none exist", "Records 57 exist", "offsets none".
var brokenRange = regexp.MustCompile(`(?i)\b(records|offsets) none\b|\brecords -?\d+ exist\b|\brecord \d+ to \d+\b`)

// TestGeneratedSentencesRead: every generated prompt, choice and
// explanation reads as a sentence whatever range it names, including the
// empty one (an acks=1 failover that loses nothing).
func TestGeneratedSentencesRead(t *testing.T) {
	for seed := range uint64(40) {
		for _, q := range Generate(seed, 4*len(GeneratorKinds()), nil) {
			for _, s := range append([]string{q.Prompt, q.Explanation}, q.Choices...) {
				if m := brokenRange.FindString(s); m != "" {
					t.Errorf("seed %d, %s: %q in %q", seed, q.ID, m, s)
				}
			}
		}
	}
}
