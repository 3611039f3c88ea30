package lessons

import "testing"

func TestCheckMetricName(t *testing.T) {
	good := []string{
		"brokers_up", "controller", "log_duplicates",
		"group.billing.lost", "group.my.group.lag", "group.billing.committed.orders-1",
		"group.billing.committed.my-topic-12",
		"producer.p1.acked", "partition.orders-2.leader", "partition.my-topic-0.isr_size",
		"partition.orders-0.replicas_in_sync",
	}
	for _, m := range good {
		if err := CheckMetricName(m); err != nil {
			t.Errorf("CheckMetricName(%q) = %v", m, err)
		}
	}
	bad := []string{
		"", "brokers", "group", "group.", "group.billing", "group.billing.happiness",
		"group.billing.committed.orders", "group.billing.committed.orders-x",
		"producer.p1.lost", "partition.orders.leader", "partition.orders-1.lag", "cluster.size",
	}
	for _, m := range bad {
		if err := CheckMetricName(m); err == nil {
			t.Errorf("CheckMetricName(%q) accepted a bad name", m)
		}
	}
}

func TestParseMs(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"4s", 4000, true}, {"1500ms", 1500, true}, {"1m30s", 90000, true}, {"0s", 0, true},
		{"", 0, false}, {"4", 0, false}, {"-1s", 0, false}, {"1.5us", 0, false}, {"soon", 0, false},
	}
	for _, tt := range tests {
		got, err := parseMs(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseMs(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
