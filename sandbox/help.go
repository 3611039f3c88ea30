package sandbox

import "strings"

// helpText is what "help" prints: the Kafka tools first, in the order a
// tutorial uses them, then the simulator's verbs.
const helpText = `Kafka's command-line tools (with or without bin/ and .sh):
  kafka-topics --bootstrap-server localhost:9092 --create --topic T --partitions 3 --replication-factor 1
  kafka-topics --bootstrap-server localhost:9092 --list
  kafka-topics --bootstrap-server localhost:9092 --describe [--topic T]
  kafka-topics --bootstrap-server localhost:9092 --alter --topic T --partitions 6
  kafka-topics --bootstrap-server localhost:9092 --delete --topic T
  kafka-console-producer --bootstrap-server localhost:9092 --topic T [--property parse.key=true --property key.separator=:]
      then one record per line; Ctrl-D ends it
  kafka-console-consumer --bootstrap-server localhost:9092 --topic T [--from-beginning] [--group G]
      [--property print.key=true --property print.partition=true --property print.offset=true]
  kafka-consumer-groups --bootstrap-server localhost:9092 --list
  kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group G [--members | --state]
  kafka-consumer-groups --bootstrap-server localhost:9092 --reset-offsets --group G --topic T --to-earliest --execute
  kafka-consumer-groups --bootstrap-server localhost:9092 --delete --group G
  kafka-configs --bootstrap-server localhost:9092 --describe --entity-type topics --entity-name T
  kafka-configs --bootstrap-server localhost:9092 --alter --entity-type topics --entity-name T --add-config retention.ms=60000
  kafka-get-offsets --bootstrap-server localhost:9092 --topic T [--time earliest | latest | TIMESTAMP-MS]
  kafka-producer-perf-test --topic T --num-records 1000 --record-size 100 --throughput 200 --producer-props bootstrap.servers=localhost:9092 [acks=1 linger.ms=5]
  kafka-run-class CLASS ... runs a tool by its class name (org.apache.kafka.tools.GetOffsetShell ...)
  Add --help to any of them for its options.

The simulator:
`

func (s *Session) helpVerb(o *output, args []string) {
	o.raw(helpText)
	order := []string{"crash", "restart", "slow", "add", "close", "pause", "resume", "step", "play", "jobs", "kill"}
	for _, v := range order {
		o.line("  " + verbUsage[v])
	}
	o.linef("The brokers listen on %s.", brokerList(s.brokerCount()))
	if len(args) > 0 {
		if u, ok := verbUsage[strings.ToLower(args[0])]; ok {
			o.line("")
			o.line("usage: " + u)
		}
	}
}
