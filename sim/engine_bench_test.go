package sim

import (
	"runtime"
	"strconv"
	"syscall"
	"testing"
)

const benchRecords = 1_000_000

// benchConfig is the load users run: 3 brokers, 12 partitions, RF 3,
// acks=all, one producer sending benchRecords records over 16 keys as fast
// as it can, and (groupSize > 0) a group reading from the earliest offset.
func benchConfig(groupSize int) Config { return benchConfigKeys(groupSize, 16) }

// benchConfigKeys is benchConfig with another number of keys (1000 spreads
// the records evenly, the friendlier load the first benchmarks used).
func benchConfigKeys(groupSize, keys int) Config {
	c := Config{Seed: 1, Cluster: DefaultCluster(3)}
	c.Topics = []TopicConfig{DefaultTopic("load", 12, 3)}
	p := DefaultProducer("loadgen", "load")
	p.RatePerSec = 2_000_000
	p.Count = benchRecords
	for i := 0; i < keys; i++ {
		p.Keys = append(p.Keys, "key-"+strconv.Itoa(i))
	}
	c.Producers = []ProducerConfig{p}
	if groupSize > 0 {
		g := DefaultGroup("readers", "load")
		g.Consumers = groupSize
		g.Commit = CommitAfterProcessing
		g.AutoOffsetReset = "earliest"
		g.StartMs = 0
		c.Cluster.GroupInitialRebalanceDelayMs = 0
		c.Groups = []GroupConfig{g}
	}
	return c
}

// runToCompletion steps until every record is acked (and, with a group,
// processed).
func runToCompletion(tb testing.TB, s *Sim, group bool) {
	for s.Step() {
		p := s.producers[0]
		if p.acked+p.failed < benchRecords {
			continue
		}
		if !group || s.groups[0].processedTotal >= benchRecords {
			return
		}
	}
	tb.Fatalf("run ended early")
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func BenchmarkProduceAcksAll(b *testing.B) {
	b.ReportAllocs()
	var bytesPer float64
	for i := 0; i < b.N; i++ {
		before := heapInUse()
		s, err := New(benchConfig(0))
		if err != nil {
			b.Fatal(err)
		}
		runToCompletion(b, s, false)
		b.StopTimer()
		bytesPer = float64(heapInUse()-before) / (benchRecords * 3)
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRecords)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(bytesPer, "B/record-replica")
}

func BenchmarkProduceConsumeGroupOf4(b *testing.B) { benchProduceConsume(b, benchConfig(4)) }

func BenchmarkProduceConsumeGroupOf4Keys1000(b *testing.B) {
	benchProduceConsume(b, benchConfigKeys(4, 1000))
}

func benchProduceConsume(b *testing.B, c Config) {
	b.ReportAllocs()
	var bytesPer float64
	for i := 0; i < b.N; i++ {
		before := heapInUse()
		s, err := New(c)
		if err != nil {
			b.Fatal(err)
		}
		runToCompletion(b, s, true)
		b.StopTimer()
		bytesPer = float64(heapInUse()-before) / benchRecords
		if gl := s.Ledger().Groups[0]; gl.ExactlyOnce != benchRecords {
			b.Fatalf("ledger: %+v", gl)
		}
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRecords)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(bytesPer, "B/record")
}

func BenchmarkSnapshot(b *testing.B) {
	s := mustNew(b, basicConfig(1))
	s.RunUntil(30000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = s.Snapshot()
	}
}

// BenchmarkRestore seeks to an arbitrary step of a run of 100,000 events:
// a checkpoint restore and a replay.
func BenchmarkRestore(b *testing.B) {
	c := basicConfig(1)
	c.Producers[0].Count = 0
	c.Producers[0].RatePerSec = 200
	r, err := NewRun(c, nil)
	if err != nil {
		b.Fatal(err)
	}
	for r.Sim().EventCount() < 100_000 && r.Step() {
	}
	end := r.Sim().StepCount()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Seek((i*7919 + 12345) % end)
	}
	b.StopTimer()
	b.ReportMetric(float64(end), "steps")
}

// BenchmarkStepBack1M steps back one step from arbitrary places of a run of
// the realistic load (1M records, a group of 4): restore the nearest
// checkpoint, replay forward. The TUI's ← does this.
func BenchmarkStepBack1M(b *testing.B) {
	r, err := NewRun(benchConfig(4), nil)
	if err != nil {
		b.Fatal(err)
	}
	for r.Step() {
		if g := r.Sim().groups[0]; g.processedTotal >= benchRecords {
			break
		}
	}
	end := r.Sim().StepCount()
	b.ReportAllocs()
	b.ResetTimer()
	var cpu int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r.Seek(1 + (i*7919*7919+12345)%(end-1))
		b.StartTimer()
		at := cpuTime()
		r.Seek(r.Sim().StepCount() - 1)
		cpu += cpuTime() - at
	}
	b.StopTimer()
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(end), "steps")
	b.ReportMetric(float64(len(r.checkpoints)), "checkpoints")
	b.ReportMetric(float64(r.bytes)/(1<<20), "checkpoint-MB")
}

// cpuTime is the process's user+system CPU time in nanoseconds: on a shared
// machine it measures the work where wall time measures the neighbours.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
