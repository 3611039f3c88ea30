package quiz

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Independent reference computations for the generator tests. They are
// written from Kafka's rules (named in rules.go), in a different style
// from the code under test (Java-like int32 arithmetic, brute-force
// simulation), so that a bug would have to be made twice to slip through.

// refMurmur2 follows Kafka's Utils.murmur2 line by line, using int32 and
// Java's >>> (a logical shift, done on the unsigned bits).
func refMurmur2(data []byte) int32 {
	const seed = int32(-1756908916) // 0x9747b28c as a Java int
	const m = int32(0x5bd1e995)
	const r = 24
	ushr := func(x int32, n uint) int32 { return int32(uint32(x) >> n) }
	length := len(data)
	h := seed ^ int32(length)
	length4 := length / 4
	for i := range length4 {
		i4 := i * 4
		k := int32(data[i4]) | int32(data[i4+1])<<8 | int32(data[i4+2])<<16 | int32(data[i4+3])<<24
		k *= m
		k ^= ushr(k, r)
		k *= m
		h *= m
		h ^= k
	}
	rest := length % 4
	if rest >= 3 {
		h ^= int32(data[(length&^3)+2]) << 16
	}
	if rest >= 2 {
		h ^= int32(data[(length&^3)+1]) << 8
	}
	if rest >= 1 {
		h ^= int32(data[length&^3])
		h *= m
	}
	h ^= ushr(h, 13)
	h *= m
	h ^= ushr(h, 15)
	return h
}

func TestRefMurmur2MatchesKafka(t *testing.T) {
	// Kafka's UtilsTest.testMurmur2 reference values.
	cases := map[string]int32{
		"21":                         -973932308,
		"foobar":                     -790332482,
		"a-little-bit-long-string":   -985981536,
		"a-little-bit-longer-string": -1486304829,
		"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8": -58897971,
		"abc": 479470107,
	}
	for in, want := range cases {
		if got := refMurmur2([]byte(in)); got != want {
			t.Errorf("refMurmur2(%q) = %d, want %d", in, got, want)
		}
	}
}

// refPartition is toPositive(murmur2) % n, with toPositive as a mask.
func refPartition(key string, n int) int {
	return int(refMurmur2([]byte(key))&0x7fffffff) % n
}

// refRange is Kafka's RangeAssignor for members that all subscribe to the
// same topics: per topic, sorted members take consecutive blocks, the
// first n%m members one extra.
func refRange(partitions map[string]int, members, topics []string) map[string][]string {
	ms := slices.Sorted(slices.Values(members))
	out := map[string][]string{}
	for _, t := range slices.Sorted(slices.Values(topics)) {
		n, m := partitions[t], len(ms)
		next := 0
		for i, id := range ms {
			take := n / m
			if i < n%m {
				take++
			}
			for range take {
				out[id] = append(out[id], fmt.Sprintf("%s-%d", t, next))
				next++
			}
		}
	}
	return out
}

// refRoundRobin is Kafka's RoundRobinAssignor for equal subscriptions:
// all partitions sorted by topic then number, dealt to sorted members.
func refRoundRobin(partitions map[string]int, members, topics []string) map[string][]string {
	ms := slices.Sorted(slices.Values(members))
	out := map[string][]string{}
	i := 0
	for _, t := range slices.Sorted(slices.Values(topics)) {
		for p := range partitions[t] {
			id := ms[i%len(ms)]
			out[id] = append(out[id], fmt.Sprintf("%s-%d", t, p))
			i++
		}
	}
	return out
}

func refList(tps []string) string {
	if len(tps) == 0 {
		return "none"
	}
	return strings.Join(tps, ", ")
}

// refProcessCounts simulates a partition consumer: it starts at `from`
// (a committed offset, the next to read), processes through `through`,
// and returns how often each offset was processed, added to counts.
func refProcessCounts(counts map[int64]int, from, through int64) {
	for off := from; off <= through; off++ {
		counts[off]++
	}
}

// refRangeOf turns a set of offsets into the range text, checking they
// are contiguous.
func refRangeOf(t *testing.T, offs []int64) string {
	t.Helper()
	if len(offs) == 0 {
		return "none"
	}
	slices.Sort(offs)
	for i := 1; i < len(offs); i++ {
		if offs[i] != offs[i-1]+1 {
			t.Fatalf("offsets %v are not contiguous", offs)
		}
	}
	if len(offs) == 1 {
		return fmt.Sprint(offs[0])
	}
	return fmt.Sprintf("%d to %d", offs[0], offs[len(offs)-1])
}
