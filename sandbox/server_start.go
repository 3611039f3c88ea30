package sandbox

import "fmt"

// serverStart answers kafka-server-start the way a tutorial's reader
// checks it worked: a broker's start-up ends with the log line
// "Kafka Server started" (KafkaRaftServer.startup logs
// KafkaBroker.STARTED_MESSAGE with the prefix "[KafkaRaftServer
// nodeId=N] "). The sandbox's brokers are already running, so it prints
// that line for each broker that is up and says how to stop and start one.
func serverStart(s *Session, o *output) {
	var down []int
	for id := 1; id <= s.brokerCount(); id++ {
		if _, up, _ := s.run.Sim().BrokerStatus(id); !up {
			down = append(down, id)
			continue
		}
		o.logLine("INFO", fmt.Sprintf("[KafkaRaftServer nodeId=%d] Kafka Server started", id), "kafka.server.KafkaRaftServer")
	}
	o.hint("that last line of a broker's start-up log is how you know it is running (a ZooKeeper-mode broker logs \"[KafkaServer id=0] started\" instead). The sandbox's %d brokers (%s) were started for you; 'crash broker N' stops one and 'restart broker N' starts it again.",
		s.brokerCount(), brokerList(s.brokerCount()))
	for _, id := range down {
		o.hint("broker %d is down: 'restart broker %d' starts it", id, id)
	}
}
