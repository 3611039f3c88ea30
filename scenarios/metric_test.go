package scenarios

import (
	"strings"
	"testing"

	"kafkasim/sim"
)

// testSnapshot is a small hand-made cluster for the metric tests. The group
// id contains a dot to check that names are matched, not split.
func testSnapshot() sim.Snapshot {
	return sim.Snapshot{
		Controller: 2,
		Brokers:    []sim.BrokerView{{ID: 1, State: sim.BrokerUp}, {ID: 2, State: sim.BrokerSlow}, {ID: 3, State: sim.BrokerDown}},
		Topics: []sim.TopicView{{Name: "orders.v2", Partitions: []sim.PartitionView{
			{Topic: "orders.v2", Partition: 0, Leader: 1, LeaderEpoch: 3, ISR: []int{1, 2}, HighWatermark: 40, LogEnd: 42, LogStart: 5,
				ReplicaLogs: []sim.ReplicaView{{Broker: 1, InSync: true, Online: true}, {Broker: 2, InSync: true, Online: true}, {Broker: 3}}},
			{Topic: "orders.v2", Partition: 1, Leader: 0},
		}}},
		Producers: []sim.ProducerView{{ID: "shop", Sent: 10, Acked: 8, Failed: 1, InFlight: 1, Retries: 4}},
		Groups: []sim.GroupView{{ID: "inv.eu", Generation: 5,
			Members: []sim.MemberView{{Name: "c1", State: sim.MemberActive}, {Name: "c2", State: sim.MemberIdle}, {Name: "c3", State: sim.MemberCrashed}},
			Offsets: []sim.GroupOffset{{Topic: "orders.v2", Partition: 0, Committed: 30, Lag: 10}, {Topic: "orders.v2", Partition: 1, Committed: -1, Lag: -1}}}},
		Ledger: sim.LedgerSummary{
			Groups:        []sim.GroupLedger{{ID: "inv.eu", Processed: 12, ExactlyOnce: 7, Duplicated: 2, Lost: 1, Pending: 3}},
			LogDuplicates: 2,
		},
	}
}

func TestMetric(t *testing.T) {
	snap := testSnapshot()
	cases := map[string]int64{
		"group.inv.eu.exactly_once":              7,
		"group.inv.eu.duplicated":                2,
		"group.inv.eu.lost":                      1,
		"group.inv.eu.pending":                   3,
		"group.inv.eu.processed":                 12,
		"group.inv.eu.generation":                5,
		"group.inv.eu.members":                   2,
		"group.inv.eu.idle":                      1,
		"group.inv.eu.lag":                       10,
		"group.inv.eu.committed.orders.v2-0":     30,
		"group.inv.eu.committed.orders.v2-1":     -1,
		"group.inv.eu.committed.orders.v2-7":     -1,
		"producer.shop.sent":                     10,
		"producer.shop.acked":                    8,
		"producer.shop.failed":                   1,
		"producer.shop.inflight":                 1,
		"producer.shop.retries":                  4,
		"partition.orders.v2-0.leader":           1,
		"partition.orders.v2-0.epoch":            3,
		"partition.orders.v2-0.hw":               40,
		"partition.orders.v2-0.leo":              42,
		"partition.orders.v2-0.log_start":        5,
		"partition.orders.v2-0.isr_size":         2,
		"partition.orders.v2-0.replicas_in_sync": 2,
		"partition.orders.v2-1.leader":           0,
		"log_duplicates":                         2,
		"brokers_up":                             2,
		"controller":                             2,
	}
	for name, want := range cases {
		if got, err := Metric(snap, name); err != nil || got != want {
			t.Errorf("Metric(%q) = %d, %v; want %d", name, got, err, want)
		}
	}
	for _, bad := range []string{"", "group.nope.lag", "group.inv.eu.colour", "producer.shop", "partition.orders.v2-9.hw",
		"partition.orders.v2-0.size", "partition.orders.hw", "brokers", "group.inv.eu.committed.orders"} {
		if _, err := Metric(snap, bad); err == nil {
			t.Errorf("Metric(%q) accepted", bad)
		}
	}
}

func TestExpectCheck(t *testing.T) {
	snap := testSnapshot()
	cases := []struct {
		e      Expect
		ok     bool
		detail string
	}{
		{Expect{Group: "inv.eu", Duplicated: "> 0", Lost: "== 0"}, false, "group inv.eu: duplicated = 2, want > 0; lost = 1, want == 0"},
		{Expect{Group: "inv.eu", Duplicated: "> 0"}, true, "group inv.eu: duplicated = 2, want > 0"},
		{Expect{Producer: "shop", Sent: "== 10", Retries: ">= 4"}, true, "producer shop: sent = 10, want == 10; retries = 4, want >= 4"},
		{Expect{Partition: "orders.v2-0", HW: "< 42", ISRSize: "== 2"}, true, "partition orders.v2-0: hw = 40, want < 42; isr_size = 2, want == 2"},
		{Expect{LogDuplicates: "== 0"}, false, "cluster: log_duplicates = 2, want == 0"},
		{Expect{Metric: "group.inv.eu.committed.orders.v2-0", Value: ">= 30"}, true, "group.inv.eu.committed.orders.v2-0 = 30, want >= 30"},
		{Expect{Group: "gone", Lost: "== 0"}, false, `group gone: lost: metric "group.gone.lost": no group by that name`},
	}
	for _, c := range cases {
		ok, detail := c.e.Check(snap)
		if ok != c.ok || !strings.Contains(detail, c.detail) {
			t.Errorf("%+v:\n got %v %q\nwant %v %q", c.e, ok, detail, c.ok, c.detail)
		}
	}
}

func TestExpectValidate(t *testing.T) {
	bad := []struct {
		e    Expect
		want string
	}{
		{Expect{}, "needs something to compare"},
		{Expect{Group: "g", Producer: "p", Lost: "== 0"}, "one subject"},
		{Expect{Group: "g", Sent: "> 0"}, "group has no sent"},
		{Expect{Producer: "p", Lag: "> 0"}, "producer has no lag"},
		{Expect{Lost: "== 0"}, "without group, producer or partition has no lost"},
		{Expect{Group: "g", Lost: "zero"}, "not a comparison"},
		{Expect{Metric: "brokers_up"}, "metric and value go together"},
		{Expect{Metric: "brokers_up", Value: "> 0", Group: "g"}, "names its own subject"},
		{Expect{Partition: "orders", Leader: "> 0"}, "not a partition"},
	}
	for _, c := range bad {
		err := c.e.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.e, err, c.want)
		}
	}
	if err := (Expect{Group: "g", Lost: "== 0", Pending: "0"}).Validate(); err != nil {
		t.Errorf("valid expectation rejected: %v", err)
	}
}
