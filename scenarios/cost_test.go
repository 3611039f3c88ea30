package scenarios

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

func mustParse(t testing.TB, src string) *Scenario {
	t.Helper()
	sc, err := Parse("cost.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// topics writes n [[topic]] blocks of p partitions and replication rf.
func topics(n, p, rf int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[[topic]]\nname = \"t%d\"\npartitions = %d\nreplication_factor = %d\n", i, p, rf)
	}
	return b.String()
}

// The scenario that passed validate and would have run for about
// 45 hours: 50 brokers, 1,000 topics of 10 partitions, for 720h. The cost
// model refuses it, names the partitions as the cost, and says how to go on.
func TestCostModelRefusesDaysOfWork(t *testing.T) {
	sc := mustParse(t, "duration = \"720h\"\n[cluster]\nbrokers = 50\n"+topics(1000, 10, 3))
	c := sc.EstimateCost(sc.DurationMs)
	if c.Time() < 10*time.Hour || c.Time() > 100*time.Hour {
		t.Errorf("estimate %v, want tens of hours", c.Time())
	}
	err := sc.CheckBudget(sc.DurationMs, 0)
	if err == nil {
		t.Fatal("refused nothing")
	}
	for _, want := range []string{"machine time", "follower replicas", "fewer partitions", "--budget"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	if err := sc.CheckBudget(sc.DurationMs, MaxBudget); err != nil {
		t.Errorf("a raised budget should let it run: %v", err)
	}
	if _, err := Run(sc, RunOptions{Quiet: true}, io.Discard); err == nil {
		t.Error("Run started it")
	}
}

// Ten million records from a thousand producers: refused for its records,
// with the producers' count or rate as the knob.
func TestCostModelRefusesMillionsOfRecords(t *testing.T) {
	var b strings.Builder
	b.WriteString("duration = \"1h\"\n" + topics(1, 10, 3) + "[[group]]\nid = \"g\"\ntopics = [\"t0\"]\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "[[producer]]\nid = \"p%d\"\ntopic = \"t0\"\ncount = 10000\nrate = 1000\n", i)
	}
	sc := mustParse(t, b.String())
	err := sc.CheckBudget(sc.DurationMs, 0)
	if err == nil || !strings.Contains(err.Error(), "10,000,000 records") || !strings.Contains(err.Error(), "count or rate") {
		t.Fatalf("want a refusal naming the records, got %v", err)
	}
}

// Every built-in scenario fits the default budget with room to spare.
func TestBuiltInsFitTheBudget(t *testing.T) {
	for _, name := range Names() {
		sc, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if c := sc.EstimateCost(sc.DurationMs); c.Time() > DefaultBudget/20 {
			t.Errorf("%s: estimated %v", name, c.Time())
		}
	}
}

// An interrupted run stops early and still sums up what ran.
func TestRunStopsWhenProgressSaysSo(t *testing.T) {
	sc := mustParse(t, "duration = \"10m\"\n"+topics(1, 3, 3)+"[[producer]]\nid = \"p\"\ntopic = \"t0\"\nrate = 100\n")
	calls := 0
	var out strings.Builder
	res, err := Run(sc, RunOptions{Quiet: true, Progress: func(p Progress) bool {
		calls++
		if p.UntilMs != 600_000 || p.NowMs > p.UntilMs {
			t.Errorf("progress %+v", p)
		}
		return calls < 2
	}}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Interrupted || res.EndMs >= 600_000 || calls != 2 {
		t.Fatalf("interrupted %v at %dms after %d calls", res.Interrupted, res.EndMs, calls)
	}
	if out.Len() == 0 {
		t.Error("no summary")
	}
}

// TestCostModelCalibration runs a few shapes and prints the estimate next
// to the measured time, to set the coefficients in cost.go. Long: run with
// KAFKASIM_LONG=1.
func TestCostModelCalibration(t *testing.T) {
	if os.Getenv("KAFKASIM_LONG") == "" {
		t.Skip("set KAFKASIM_LONG=1")
	}
	group := "[[group]]\nid = \"g\"\ntopics = [\"t0\"]\nconsumers = 3\nprocessing = \"0ms\"\n"
	producer := func(n int) string {
		return fmt.Sprintf("[[producer]]\nid = \"p\"\ntopic = \"t0\"\nrate = 1000\ncount = %d\n", n)
	}
	shapes := map[string]string{
		"100k records rf3 group": "duration = \"10m\"\n" + topics(1, 6, 3) + producer(100_000) + group,
		"100k records rf1":       "duration = \"10m\"\n" + topics(1, 6, 1) + producer(100_000),
		"1M records at 100k/s":   "duration = \"60s\"\n" + topics(1, 12, 3) + "[[producer]]\nid = \"p\"\ntopic = \"t0\"\nrate = 100000\ncount = 1000000\n" + group,
		"300 partitions rf3 10m": "duration = \"10m\"\n[cluster]\nbrokers = 9\n" + topics(1, 300, 3),
		"3 brokers 24h":          "duration = \"24h\"\n" + topics(1, 1, 3),
		"100 consumers 10m":      "duration = \"10m\"\n" + topics(1, 10, 1) + strings.Repeat(group, 1),
	}
	for name, src := range shapes {
		sc := mustParse(t, src)
		var ms runtime.MemStats
		runtime.GC()
		start := time.Now()
		if _, err := Run(sc, RunOptions{Quiet: true, Budget: MaxBudget}, io.Discard); err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		runtime.ReadMemStats(&ms)
		c := sc.EstimateCost(sc.DurationMs)
		t.Logf("%-24s estimate %8v measured %8v  memory estimate %s, heap %s", name, c.Time().Round(time.Millisecond),
			took.Round(time.Millisecond), bytesText(c.Bytes), bytesText(int64(ms.HeapAlloc)))
	}
}

// The fixed limits agree with the cost model: a run at MaxRecords fits
// the memory ceiling with room, and the largest cluster the limits allow,
// run for MaxDurationMs, fits within MaxBudget.
func TestLimitsFollowTheCostModel(t *testing.T) {
	sc := mustParse(t, "duration = \"100s\"\n"+topics(1, 12, 3)+
		"[[producer]]\nid = \"p\"\ntopic = \"t0\"\ncount = 10000000\nrate = 100000\n[[group]]\nid = \"g\"\ntopics = [\"t0\"]\n")
	c := sc.EstimateCost(sc.DurationMs)
	if c.Records != MaxRecords || c.Bytes > MaxMemoryBytes/2 {
		t.Errorf("MaxRecords records: %d, about %s, want under half of %s", c.Records, bytesText(c.Bytes), bytesText(MaxMemoryBytes))
	}
	follow := float64(MaxReplicas) * float64(MaxDurationMs) / 1000 * followerSecondUs
	if week := MaxBudget.Seconds() * 1e6; follow > week {
		t.Errorf("MaxReplicas for MaxDurationMs is %.0fs of work, more than MaxBudget", follow/1e6)
	}
}
