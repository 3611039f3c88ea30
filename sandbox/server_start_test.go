package sandbox

import (
	"strings"
	"testing"
)

// The course's set-up walk-through ends with the broker's "started" log
// line; kafka-server-start shows it for each broker that is up, in Kafka
// 3.9's KRaft wording (KafkaRaftServer.startup, KafkaBroker.STARTED_MESSAGE),
// and names a crashed broker as down.
func TestServerStartShowsTheStartedLine(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "crash broker 2")
	out := s.Exec("kafka-server-start.sh config/kraft/server.properties").Output
	for _, id := range []string{"1", "3"} {
		if !strings.Contains(out, "INFO [KafkaRaftServer nodeId="+id+"] Kafka Server started (kafka.server.KafkaRaftServer)") {
			t.Errorf("no started line for broker %s:\n%s", id, out)
		}
	}
	if strings.Contains(out, "nodeId=2]") || !strings.Contains(out, "broker 2 is down") {
		t.Errorf("broker 2 is crashed and should be named as down, not started:\n%s", out)
	}
}
