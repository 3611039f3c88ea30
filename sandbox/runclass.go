package sandbox

// kafka-run-class CLASS ARGS: the script behind every tool. The sandbox
// runs the tools it has by their 3.9 class names; the old Scala class
// kafka.tools.GetOffsetShell, which many guides still show, no longer
// exists in 3.9 (it moved to org.apache.kafka.tools), so the JVM cannot
// load it.
var runClassTools = map[string]command{
	"org.apache.kafka.tools.GetOffsetShell":                      (*Session).getOffsetsCommand,
	"org.apache.kafka.tools.ProducerPerformance":                 (*Session).perfTestCommand,
	"org.apache.kafka.tools.TopicCommand":                        (*Session).topicsCommand,
	"kafka.tools.ConsoleProducer":                                (*Session).producerCommand,
	"org.apache.kafka.tools.consumer.ConsoleConsumer":            (*Session).consumerCommand,
	"org.apache.kafka.tools.consumer.group.ConsumerGroupCommand": (*Session).groupsCommand,
	"kafka.admin.ConfigCommand":                                  (*Session).configsCommand,
}

// movedClasses are pre-3.x class names and the tool that replaced them.
var movedClasses = map[string]string{
	"kafka.tools.GetOffsetShell":       "kafka-get-offsets",
	"kafka.tools.ProducerPerformance":  "kafka-producer-perf-test",
	"kafka.admin.TopicCommand":         "kafka-topics",
	"kafka.tools.ConsoleConsumer":      "kafka-console-consumer",
	"kafka.admin.ConsumerGroupCommand": "kafka-consumer-groups",
}

func (s *Session) runClassCommand(o *output, args []string) {
	if len(args) == 0 {
		o.line("USAGE: kafka-run-class.sh [-daemon] [-name servicename] [-loggc] classname [opts]")
		o.fail()
		return
	}
	if cmd, ok := runClassTools[args[0]]; ok {
		cmd(s, o, args[1:])
		return
	}
	o.linef("Error: Could not find or load main class %s", args[0])
	o.linef("Caused by: java.lang.ClassNotFoundException: %s", args[0])
	if tool, ok := movedClasses[args[0]]; ok {
		o.hint("Kafka 3.9 no longer has %s: use %s", args[0], tool)
	} else {
		o.hint("the sandbox runs only the tools in 'help' through kafka-run-class")
	}
	o.fail()
}
