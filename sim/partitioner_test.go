package sim

import (
	"math"
	"testing"
)

// Reference values from Kafka's UtilsTest.testMurmur2, plus keys whose
// length leaves a 1-byte tail (the Kafka vectors cover tails of 0, 2 and 3
// bytes only); those were cross-checked against franz-go's partitioner.
var murmur2Vectors = []struct {
	key  string
	want int32
}{
	{"21", -973932308},
	{"foobar", -790332482},
	{"a-little-bit-long-string", -985981536},
	{"a-little-bit-longer-string", -1486304829},
	{"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971},
	{"abc", 479470107},
	{"order-100", -955961047},
	{"order-101", 1112104930},
	{"user-1002", 494644997},
}

func TestMurmur2(t *testing.T) {
	for _, v := range murmur2Vectors {
		if got := Murmur2([]byte(v.key)); got != v.want {
			t.Errorf("Murmur2(%q) = %d, want %d", v.key, got, v.want)
		}
	}
}

func TestMurmur2EmptyAndNilAgree(t *testing.T) {
	// An empty key is not a null key: it is hashed like any other.
	if a, b := Murmur2(nil), Murmur2([]byte{}); a != b {
		t.Fatalf("Murmur2(nil) = %d, Murmur2(empty) = %d", a, b)
	}
}

func TestToPositive(t *testing.T) {
	cases := []struct{ in, want int32 }{
		{0, 0},
		{7, 7},
		{-1, math.MaxInt32},
		{math.MinInt32, 0},
		{math.MaxInt32, math.MaxInt32},
		{-973932308, 1173551340},
	}
	for _, c := range cases {
		if got := ToPositive(c.in); got != c.want {
			t.Errorf("ToPositive(%d) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestPartitionForKey(t *testing.T) {
	// Expected partitions are (reference murmur2 & 0x7fffffff) % n,
	// worked out by hand from the vectors above.
	cases := []struct {
		key  string
		n    int
		want int
	}{
		{"21", 1, 0},
		{"21", 50, 40},
		{"foobar", 12, 6},
		{"foobar", 50, 16},
		{"a-little-bit-long-string", 3, 2},
		{"a-little-bit-long-string", 12, 8},
		{"a-little-bit-longer-string", 6, 5},
		{"a-little-bit-longer-string", 50, 19},
		{"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", 50, 27},
		{"abc", 6, 3},
		{"abc", 50, 7},
	}
	for _, c := range cases {
		if got := PartitionForKey([]byte(c.key), c.n); got != c.want {
			t.Errorf("PartitionForKey(%q, %d) = %d, want %d", c.key, c.n, got, c.want)
		}
	}
}

func TestPartitionForKeyRejectsNoPartitions(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("PartitionForKey(key, 0) did not panic")
		}
	}()
	PartitionForKey([]byte("k"), 0)
}

func FuzzPartitionForKey(f *testing.F) {
	for _, v := range murmur2Vectors {
		f.Add([]byte(v.key), 6)
	}
	f.Add([]byte{}, 1)
	f.Add([]byte{0xff, 0x00, 0x80}, 1000)
	f.Fuzz(func(t *testing.T, key []byte, n int) {
		if n < 1 {
			n = 1 - n%1_000_000 // keep n positive without losing variety
		}
		p := PartitionForKey(key, n)
		if p < 0 || p >= n {
			t.Fatalf("PartitionForKey(%q, %d) = %d, outside [0,%d)", key, n, p, n)
		}
		if again := PartitionForKey(key, n); again != p {
			t.Fatalf("PartitionForKey(%q, %d) not deterministic: %d then %d", key, n, p, again)
		}
	})
}

func BenchmarkPartitionForKey(b *testing.B) {
	key := []byte("customer-000042")
	b.ReportAllocs()
	for b.Loop() {
		PartitionForKey(key, 12)
	}
}
