package sim

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestChaosLong is the chaos test over many seeds, for hunting rather than
// for every run of go test: it runs only when KAFKASIM_CHAOS_SEEDS is set,
// e.g. KAFKASIM_CHAOS_SEEDS=1000 go test ./sim -run ChaosLong -timeout 1h.
func TestChaosLong(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("KAFKASIM_CHAOS_SEEDS"))
	if err != nil || n <= 0 {
		t.Skip("set KAFKASIM_CHAOS_SEEDS=N to run the chaos test over N seeds")
	}
	defer func(old int) { chaosSeeds = old }(chaosSeeds)
	chaosSeeds = n
	start := time.Now()
	TestChaosNeverPanics(t)
	TestGroupChaos(t)
	t.Logf("%d seeds in %s", n, time.Since(start).Round(time.Second))
}
