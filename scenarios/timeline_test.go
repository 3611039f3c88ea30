package scenarios

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"kafkasim/sim"
)

func TestTimelineEntryScheduled(t *testing.T) {
	key, val := "k", "v"
	good := []struct {
		e    TimelineEntry
		want sim.Scheduled
	}{
		{TimelineEntry{At: "5s", Do: "crash-broker", Broker: 2},
			sim.Scheduled{AtMs: 5000, Cmd: sim.Command{Kind: sim.CmdCrashBroker, Broker: 2}}},
		{TimelineEntry{At: "1m", Do: "slow-broker", Broker: 1, Delay: "250ms", Say: " slow "},
			sim.Scheduled{AtMs: 60000, Cmd: sim.Command{Kind: sim.CmdSlowBroker, Broker: 1, DelayMs: 250, Say: "slow"}}},
		{TimelineEntry{Do: "produce", Producer: "p"},
			sim.Scheduled{Cmd: sim.Command{Kind: sim.CmdProduce, Producer: "p", Count: 1}}},
		{TimelineEntry{At: "2s", Do: "add-partitions", Topic: "t", Partitions: 6},
			sim.Scheduled{AtMs: 2000, Cmd: sim.Command{Kind: sim.CmdAddPartitions, Topic: "t", Partitions: 6}}},
		{TimelineEntry{At: "3s", Do: "note", Say: "look"},
			sim.Scheduled{AtMs: 3000, Cmd: sim.Command{Kind: sim.CmdNote, Say: "look"}}},
	}
	for _, c := range good {
		got, err := c.e.Scheduled()
		if err != nil || got.AtMs != c.want.AtMs || got.Cmd.Kind != c.want.Cmd.Kind || got.Cmd.Broker != c.want.Cmd.Broker ||
			got.Cmd.DelayMs != c.want.Cmd.DelayMs || got.Cmd.Count != c.want.Cmd.Count || got.Cmd.Say != c.want.Cmd.Say ||
			got.Cmd.Partitions != c.want.Cmd.Partitions {
			t.Errorf("%+v: got %+v, %v", c.e, got, err)
		}
	}
	withKey, err := TimelineEntry{Do: "produce", Producer: "p", Key: &key, Value: &val, Count: 3}.Scheduled()
	if err != nil || *withKey.Cmd.Key != "k" || *withKey.Cmd.Value != "v" || withKey.Cmd.Count != 3 {
		t.Errorf("produce with key: %+v %v", withKey, err)
	}
	tomb, _ := TimelineEntry{Do: "produce", Producer: "p", Key: &key}.Scheduled()
	if tomb.Cmd.Value != nil {
		t.Errorf("a produce without value is a tombstone")
	}

	bad := []struct {
		e    TimelineEntry
		want string
	}{
		{TimelineEntry{}, "do: missing"},
		{TimelineEntry{Do: "explode"}, `"explode" is not a timeline command`},
		{TimelineEntry{Do: "crash-broker"}, `broker: do = "crash-broker" needs broker`},
		{TimelineEntry{Do: "crash-broker", Broker: 1, Group: "g"}, `group: not used by do = "crash-broker"`},
		{TimelineEntry{Do: "crash-consumer", Group: "g", Consumer: -2}, "consumer: consumer -2 does not exist"},
		{TimelineEntry{Do: "slow-broker", Broker: 1, Delay: "soon"}, `delay: "soon" is not a duration`},
		{TimelineEntry{Do: "note"}, "say: "},
		{TimelineEntry{At: "-1s", Do: "note", Say: "x"}, "at: "},
	}
	for _, c := range bad {
		_, err := c.e.Scheduled()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.e, err, c.want)
		}
	}
}

// TestTimelineEntryDecodes checks that the struct's TOML tags match the
// scenario format, as lessons decode solution steps straight into it.
func TestTimelineEntryDecodes(t *testing.T) {
	var doc struct{ Step []TimelineEntry }
	src := "[[step]]\nat = \"4s\"\ndo = \"produce\"\nproducer = \"p\"\nkey = \"alice\"\nvalue = \"hi\"\ncount = 2\n"
	if _, err := toml.Decode(src, &doc); err != nil {
		t.Fatal(err)
	}
	s, err := doc.Step[0].Scheduled()
	if err != nil || s.AtMs != 4000 || *s.Cmd.Key != "alice" || s.Cmd.Count != 2 {
		t.Errorf("%+v %v", s, err)
	}
}
