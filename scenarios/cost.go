package scenarios

import (
	"fmt"
	"time"

	"kafkasim/sim"
)

// The cost model estimates, before a run starts, the engine work and the
// memory a scenario will take, so a file that would run for days or fill
// the machine is refused with the knob to turn instead of being started.
//
// Work is in microseconds of engine time on a reference machine (a laptop
// core of 2024). The coefficients were measured with TestCostModelCalibration
// (KAFKASIM_LONG=1 go test ./scenarios -run Calibration -v), which prints
// the estimate next to the measured time for a few scenario shapes. They
// are rough on purpose: the point is the order of magnitude.
const (
	// A record is appended, fetched by each follower, and read by each
	// group that reads its topic; a produce request (one per record at low
	// rates, one per batch when linger.ms fills batches) costs more.
	recordUs           = 2.0
	recordPerFollowUs  = 0.5
	recordPerGroupUs   = 1.0
	requestUs          = 12.0
	followerSecondUs   = 1.5 // a follower replica fetching, per virtual second
	consumerSecondUs   = 0.5 // a consumer polling and heartbeating, per virtual second
	brokerSecondUs     = 0.1 // a broker's own timers, per virtual second
	timelineEntryUs    = 500 // a fault, with the rebalance or election it starts
	recordBytes        = 40  // a record in the ledger
	recordReplicaBytes = 30  // a record in one replica's log
	recordGroupBytes   = 20  // a record in a group's bookkeeping
	replicaBytes       = 2 << 10
	consumerBytes      = 4 << 10
	baseBytes          = 16 << 20
)

// DefaultBudget is the estimated engine time a run may take unless the
// user raises it (kafkasim run --budget, kafkasim validate --budget).
const DefaultBudget = 2 * time.Minute

// MaxBudget is the most --budget accepts: a week of machine time.
const MaxBudget = 7 * 24 * time.Hour

// MaxMemoryBytes is the memory a run may be estimated to need, whatever the
// budget: more is refused, as it would fail rather than be slow.
const MaxMemoryBytes = 4 << 30

// Cost is the estimated work of one run, by the part of the scenario that
// causes it.
type Cost struct {
	UntilMs    int64
	Records    int64   // records the producers and the timeline send
	RecordsUs  float64 // their produce, replication and consumption
	Followers  int64   // follower replicas over all partitions
	FollowUs   float64 // followers fetching over the run's virtual time
	Consumers  int64   // consumers over all groups
	ConsumeUs  float64 // consumers polling and heartbeating over time
	BrokersUs  float64 // brokers' timers over time
	TimelineUs float64 // timeline entries
	Bytes      int64   // estimated memory
}

// Time is the whole estimate as machine time.
func (c Cost) Time() time.Duration {
	us := c.RecordsUs + c.FollowUs + c.ConsumeUs + c.BrokersUs + c.TimelineUs
	return time.Duration(us * float64(time.Microsecond))
}

// EstimateCost estimates a run of untilMs of virtual time.
func (sc *Scenario) EstimateCost(untilMs int64) Cost {
	c := Cost{UntilMs: untilMs}
	secs := float64(untilMs) / 1000
	groupsOf := map[string]int{} // topic -> groups reading it
	for _, g := range sc.Config.Groups {
		for _, t := range g.Topics {
			groupsOf[t]++
		}
		c.Consumers += int64(g.Consumers)
	}
	rf := map[string]int{}
	partitions := map[string]int{}
	for _, t := range sc.Config.Topics {
		rf[t.Name], partitions[t.Name] = t.ReplicationFactor, t.Partitions
	}
	for _, s := range sc.Timeline {
		switch s.Cmd.Kind {
		case sim.CmdAddPartitions:
			partitions[s.Cmd.Topic] = max(partitions[s.Cmd.Topic], s.Cmd.Partitions)
		case sim.CmdAddConsumer:
			c.Consumers++
		}
	}
	for name, n := range partitions {
		c.Followers += int64(n) * int64(max(rf[name]-1, 0))
		c.Bytes += int64(n) * int64(max(rf[name], 1)) * replicaBytes
	}
	addRecords := func(n, requests int64, topic string) {
		f, g := float64(max(rf[topic]-1, 0)), float64(groupsOf[topic])
		c.Records += n
		c.RecordsUs += float64(n)*(recordUs+recordPerFollowUs*f+recordPerGroupUs*g) + float64(requests)*requestUs
		c.Bytes += n * int64(recordBytes+recordReplicaBytes*max(rf[topic], 1)+recordGroupBytes*groupsOf[topic])
	}
	for _, p := range sc.Config.Producers {
		n := producerRecords(p.RatePerSec, p.Count, p.StartMs, untilMs)
		// At most one request per partition per linger.ms (or millisecond).
		perSec := int64(max(partitions[p.Topic], 1)) * 1000 / max(p.LingerMs, 1)
		requests := n
		if p.RatePerSec > 0 && int64(p.RatePerSec) > perSec {
			requests = n * perSec / int64(p.RatePerSec)
		}
		addRecords(n, requests, p.Topic)
	}
	for _, s := range sc.Timeline {
		if s.AtMs <= untilMs && s.Cmd.Kind == sim.CmdProduce && s.Cmd.Count > 0 {
			addRecords(int64(s.Cmd.Count), int64(s.Cmd.Count), producerTopic(sc, s.Cmd.Producer))
		}
	}
	c.FollowUs = float64(c.Followers) * secs * followerSecondUs
	c.ConsumeUs = float64(c.Consumers) * secs * consumerSecondUs
	c.BrokersUs = float64(sc.Config.Cluster.Brokers) * secs * brokerSecondUs
	c.TimelineUs = float64(len(sc.Timeline)) * timelineEntryUs
	c.Bytes += c.Consumers*consumerBytes + baseBytes
	return c
}

func producerTopic(sc *Scenario, id string) string {
	for _, p := range sc.Config.Producers {
		if p.ID == id {
			return p.Topic
		}
	}
	return ""
}

// CheckBudget refuses a run estimated to take more than budget (0 means
// DefaultBudget) or more than MaxMemoryBytes, naming what costs the most
// and what to change.
func (sc *Scenario) CheckBudget(untilMs int64, budget time.Duration) error {
	if budget <= 0 {
		budget = DefaultBudget
	}
	c := sc.EstimateCost(untilMs)
	if c.Bytes > MaxMemoryBytes {
		return fmt.Errorf("%s: this run would need about %s of memory (%s records), more than the limit of %s: lower the producers' count or rate, or the duration",
			SanitizeLine(sc.File), bytesText(c.Bytes), Thousands(c.Records), bytesText(MaxMemoryBytes))
	}
	if c.Time() <= budget {
		return nil
	}
	return fmt.Errorf("%s: this run would take about %s of machine time (%s), more than the budget of %s: %s, or raise the budget with --budget %s",
		SanitizeLine(sc.File), roundTime(c.Time()), c.breakdown(), roundTime(budget), c.knob(), roundTime(c.Time()*2))
}

// breakdown names the parts of the estimate, largest first.
func (c Cost) breakdown() string {
	type part struct {
		us   float64
		text string
	}
	secs := time.Duration(c.UntilMs) * time.Millisecond
	parts := []part{
		{c.RecordsUs, Thousands(c.Records) + " records"},
		{c.FollowUs, Thousands(c.Followers) + " follower replicas × " + roundTime(secs) + " of virtual time"},
		{c.ConsumeUs, Thousands(c.Consumers) + " consumers × " + roundTime(secs)},
		{c.TimelineUs, "timeline"},
	}
	best := parts[0]
	for _, p := range parts[1:] {
		if p.us > best.us {
			best = p
		}
	}
	return "mostly " + best.text
}

// knob says what to change for the largest part.
func (c Cost) knob() string {
	switch {
	case c.RecordsUs >= c.FollowUs && c.RecordsUs >= c.ConsumeUs:
		return "lower the producers' count or rate, or the duration"
	case c.FollowUs >= c.ConsumeUs:
		return "use fewer partitions, a lower replication_factor, or a shorter duration"
	}
	return "use fewer consumers or a shorter duration"
}

// roundTime writes a duration to about two significant figures: 45h,
// 3m20s, 1.5s.
func roundTime(d time.Duration) string {
	switch {
	case d >= 10*time.Hour:
		return fmt.Sprintf("%dh", int64(d.Round(time.Hour)/time.Hour))
	case d >= time.Hour:
		d = d.Round(time.Minute)
		return fmt.Sprintf("%dh%02dm", int64(d/time.Hour), int64(d%time.Hour/time.Minute))
	case d >= time.Minute:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%02ds", int64(d/time.Minute), int64(d%time.Minute/time.Second))
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}
