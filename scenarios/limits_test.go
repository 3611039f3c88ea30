package scenarios

import (
	"strings"
	"testing"
)

// TestLimitsAllowLargeRuns: the limits must leave room for ten million
// records, a thousand partitions and instant processing.
func TestLimitsAllowLargeRuns(t *testing.T) {
	src := `title = "big"
duration = "100s"
[[topic]]
name = "big"
partitions = 1000
replication_factor = 3
[[producer]]
id = "p1"
topic = "big"
count = 5000000
rate = 100000
[[producer]]
id = "p2"
topic = "big"
rate = 50000
[[group]]
id = "g"
topics = ["big"]
consumers = 100
processing = "0s"
`
	sc, err := Parse("big.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n := sc.recordsFor(sc.DurationMs); n != 10_000_000 {
		t.Errorf("records = %d, want 10000000", n)
	}
	if sc.Config.Groups[0].ProcessingMs != 0 {
		t.Errorf("processing = %d", sc.Config.Groups[0].ProcessingMs)
	}
	over := strings.Replace(src, "rate = 50000", "rate = 50001", 1)
	if _, err := Parse("over.toml", []byte(over)); err == nil || !strings.Contains(err.Error(), "limit of 10000000") {
		t.Errorf("one record over the limit: %v", err)
	}
}

func TestLimitsFileSize(t *testing.T) {
	big := make([]byte, MaxFileBytes+1)
	if _, err := Parse("huge.toml", big); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("err = %v", err)
	}
	long := "title = \"" + strings.Repeat("a", MaxTextBytes+1) + "\"\n"
	if _, err := Parse("long.toml", []byte(long)); err == nil || !strings.Contains(err.Error(), "title: is 65537 bytes long") {
		t.Errorf("err = %v", err)
	}
}
