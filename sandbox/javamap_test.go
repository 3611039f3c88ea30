package sandbox

import (
	"strconv"
	"strings"
	"testing"
)

// The expected orders below were printed by java.util.HashMap (OpenJDK 17)
// for the same keys, inserted the same way Kafka's tools insert them.

func TestJavaMapPartitionOrder(t *testing.T) {
	cases := []struct {
		topic string
		parts int
		want  string
	}{
		{"my_first_topic", 3, "0,2,1"},
		{"orders", 6, "0,1,2,3,4,5"},
		{"events", 12, "3,4,5,6,7,8,9,10,11,0,1,2"},
		{"payments", 20, "4,3,6,5,0,2,1,12,11,14,13,8,7,10,9,19,16,15,18,17"},
		{"t", 50, "19,48,15,44,11,40,7,36,3,32,28,24,20,49,16,45,12,41,8,37,4,33,0,29,25,21,17,46,13,42,9,38,5,34,1,30,26,22,18,47,14,43,10,39,6,35,2,31,27,23"},
		{"clicks", 3, "2,1,0"},
	}
	for _, c := range cases {
		t.Run(c.topic, func(t *testing.T) {
			m := newJavaMap()
			for p := 0; p < c.parts; p++ {
				m.Put(strconv.Itoa(p), topicPartitionHash(c.topic, p))
			}
			var got []string
			for _, k := range m.Keys() {
				got = append(got, k.Key)
			}
			if g := strings.Join(got, ","); g != c.want {
				t.Errorf("order %s, Java's %s", g, c.want)
			}
		})
	}
}

func TestDescribeOrderMatchesJava(t *testing.T) {
	cases := []struct{ names, want string }{
		{"my_first_topic,__consumer_offsets", "__consumer_offsets,my_first_topic"},
		{"a,b,c,d,e", "a,b,c,d,e"},
		{"orders,payments,clicks,events,__consumer_offsets,inventory,notifications", "payments,clicks,orders,inventory,__consumer_offsets,events,notifications"},
		{"sensor-readings,sensor-alerts,logs", "sensor-alerts,logs,sensor-readings"},
	}
	for _, c := range cases {
		names := strings.Split(c.names, ",")
		sortStrings(names)
		if got := strings.Join(describeOrder(names), ","); got != c.want {
			t.Errorf("describeOrder(%s) = %s, Java's %s", c.names, got, c.want)
		}
	}
}

func TestJavaMapStringOrder(t *testing.T) {
	m := newJavaMap()
	for _, n := range []string{"G", "billing", "analytics", "alerts", "storage"} {
		m.Put(n, javaStringHash(n))
	}
	var got []string
	for _, k := range m.Keys() {
		got = append(got, k.Key)
	}
	if g, want := strings.Join(got, ","), "analytics,alerts,G,storage,billing"; g != want {
		t.Errorf("order %s, Java's %s", g, want)
	}
}

func TestJavaStringHash(t *testing.T) {
	// Values of "...".hashCode() in Java.
	cases := map[string]int32{"": 0, "a": 97, "orders": -1008770331, "my_first_topic": -1725003571, "héllo😀": 291564465}
	for s, want := range cases {
		if got := javaStringHash(s); got != want {
			t.Errorf("hash(%q) = %d, want %d", s, got, want)
		}
	}
}
