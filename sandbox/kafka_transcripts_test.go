package sandbox

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// These transcripts are written from Kafka 3.9's source, not recorded
// from the sandbox: each case names the file and method whose output it
// spells out. kafkaLines drops the sandbox's own "hint: " lines, which
// must all come after Kafka's.

// kafkaLines splits a command's output into Kafka's lines and the hints.
func kafkaLines(t *testing.T, out string) []string {
	t.Helper()
	var lines []string
	hinted := false
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(l, hintPrefix) {
			hinted = true
			continue
		}
		if hinted {
			t.Errorf("Kafka's line %q comes after a hint:\n%s", l, out)
		}
		lines = append(lines, l)
	}
	return lines
}

// kafkaCase is one command, what Kafka prints for it, and words a hint
// must contain ("" for none required).
type kafkaCase struct {
	source string // where in Kafka 3.9 the output comes from
	cmd    string
	want   []string
	hint   string
}

func runKafkaCases(t *testing.T, s *Session, cases []kafkaCase) {
	t.Helper()
	for _, c := range cases {
		out := s.Exec(c.cmd).Output
		got := kafkaLines(t, out)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s\n$ %s\ngot:\n%s\nwant (%s):\n%s", c.source, c.cmd, strings.Join(got, "\n"), c.source, strings.Join(c.want, "\n"))
		}
		if c.hint != "" && !strings.Contains(out, c.hint) {
			t.Errorf("$ %s: no hint saying %q:\n%s", c.cmd, c.hint, out)
		}
	}
}

// TestJoptSimpleParsing: every 3.9 tool builds its parser with
// abbreviations off (CommandDefaultOptions: new OptionParser(false),
// KIP-374) and lets jopt-simple 5.0.4's exceptions out in its own way.
func TestJoptSimpleParsing(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders --partitions 3 --replication-factor 2"+bs)
	runKafkaCases(t, s, []kafkaCase{
		{"TopicCommand.mainNoExit: e.getMessage(), then Utils.stackTrace(e)", "kafka-topics --desc" + bs,
			[]string{"desc is not a recognized option", "joptsimple.UnrecognizedOptionException: desc is not a recognized option"}, "--describe"},
		{"TopicCommand.mainNoExit; the hint points at --partitions, not --at-min-isr-partitions", "kafka-topics --create --topic t --partition 3" + bs,
			[]string{"partition is not a recognized option", "joptsimple.UnrecognizedOptionException: partition is not a recognized option"}, "--partitions?"},
		{"RequiredArgumentOptionSpec.detectOptionArgument: OptionMissingRequiredArgumentException", "kafka-topics --describe" + bs + " --topic",
			[]string{"Option topic requires an argument", "joptsimple.OptionMissingRequiredArgumentException: Option topic requires an argument"}, ""},
		{"NoArgumentOptionSpec.handleOption ignores the argument of --list=foo", "kafka-topics --list=foo" + bs,
			[]string{"orders"}, ""},
		{"RequiredArgumentOptionSpec takes the next word: the topic is named --partitions", "kafka-topics --create --topic --partitions 3" + bs,
			[]string{"Created topic --partitions."}, "took '--partitions'"},
		{"ConsumerGroupCommand.main parses outside its try: the JVM reports the uncaught exception", "kafka-consumer-groups --desc --group g" + bs,
			[]string{`Exception in thread "main" joptsimple.UnrecognizedOptionException: desc is not a recognized option`}, "--describe"},
		{"ConsumerGroupCommandOptions: membersOpt.availableIf(describeOpt); OptionParser.ensureAllowedOptions", "kafka-consumer-groups --list --members" + bs,
			[]string{`Exception in thread "main" joptsimple.UnavailableOptionException: Option(s) [members] are unavailable given other options on the command line`}, "--describe"},
		{"ConfigCommand.main: OptionException -> System.err.println(e.getMessage)", "kafka-configs --desc --entity-type topics --entity-name orders" + bs,
			[]string{"desc is not a recognized option"}, "--describe"},
		{"TopicCommandOptions.checkRequiredArgs throws IllegalArgumentException; mainNoExit prints it", "kafka-topics --list",
			[]string{"--bootstrap-server must be specified", "java.lang.IllegalArgumentException: --bootstrap-server must be specified"}, "--bootstrap-server localhost:9092"},
	})
}

// TestTopicExistsLogsAnError: TopicCommand.printException prints to
// stdout and logs Utils.stackTrace(cause) at ERROR through
// config/tools-log4j.properties ("[%d] %p %m (%c)%n" on stderr). A
// TopicExistsException is an ApiException, which has no stack frames, so
// the logged message ends in a line break before the logger name.
func TestTopicExistsLogsAnError(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders"+bs)
	runKafkaCases(t, s, []kafkaCase{
		{"TopicCommand.printException", "kafka-topics --create --topic orders" + bs, []string{
			"Error while executing topic command : Topic 'orders' already exists.",
			"[2024-01-01 00:00:00,000] ERROR org.apache.kafka.common.errors.TopicExistsException: Topic 'orders' already exists.",
			" (org.apache.kafka.tools.TopicCommand)",
		}, "--if-not-exists"},
	})
}

// TestListGroupsByStateAndType: ConsumerGroupService.listGroups and
// printGroupInfo. --state and --type take an optional argument
// (withOptionalArg): with none they add a column, with a list they also
// filter. The GROUP column is max(15, longest listed id) + 10 wide, then
// " %-20s" per extra column.
func TestListGroupsByStateAndType(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders --partitions 2"+bs)
	mustExec(t, s, "kafka-console-consumer --topic orders --group audit --timeout-ms 100"+bs)
	mustExec(t, s, "kafka-console-consumer --topic orders --group billing --timeout-ms 100"+bs)
	mustExec(t, s, "add consumer billing")
	mustExec(t, s, "play 10s")
	row := func(cols ...any) string { return fmt.Sprintf("%-25s"+strings.Repeat(" %-20s", len(cols)-1), cols...) }
	runKafkaCases(t, s, []kafkaCase{
		{"printGroupInfo, both columns", "kafka-consumer-groups --list --type --state" + bs,
			[]string{row("GROUP", "TYPE", "STATE"), row("audit", "Classic", "Empty"), row("billing", "Classic", "Stable")}, ""},
		{"stateValues -> consumerGroupStatesFromString, case-insensitive ConsumerGroupState.parse", "kafka-consumer-groups --list --state stable" + bs,
			[]string{row("GROUP", "STATE"), row("billing", "Stable")}, ""},
		{"typeValues: every simulated group is Classic", "kafka-consumer-groups --list --type consumer" + bs,
			[]string{row("GROUP", "TYPE")}, ""},
		{"consumerGroupStatesFromString: IllegalArgumentException -> printUsageAndExit", "kafka-consumer-groups --list --state Bogus" + bs,
			[]string{"Invalid state list 'Bogus'. Valid states are: PreparingRebalance, CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling"}, ""},
	})
}

// TestDescribeMembersOfAnEmptyGroup: printMembers prints its header even
// when the group has no members left; shouldPrintMemberState first says
// so. The header ends in the "%-15s " of #PARTITIONS.
func TestDescribeMembersOfAnEmptyGroup(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders"+bs)
	mustExec(t, s, "kafka-console-consumer --topic orders --group audit --timeout-ms 100"+bs)
	runKafkaCases(t, s, []kafkaCase{
		{"ConsumerGroupService.printMembers", "kafka-consumer-groups --describe --group audit --members" + bs, []string{
			"", "Consumer group 'audit' has no active members.",
			"", fmt.Sprintf("%-15s %-15s %-15s %-15s %-15s ", "GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"),
		}, ""},
	})
}

// TestTopicConfigsOnAStockKRaftBroker: config/kraft/server.properties
// (3.9) sets log.segment.bytes=1073741824, so every topic's segment.bytes
// comes from STATIC_BROKER_CONFIG, is not isDefault(), and
// TopicDescription.printDescription lists it. kafka-configs --describe
// --all lists all 36 of LogConfig's topic configs, sorted by name
// (getResourceConfig's sortBy), with ConfigHelper's synonyms.
func TestTopicConfigsOnAStockKRaftBroker(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic orders --partitions 1 --replication-factor 1"+bs)
	out := mustExec(t, s, "kafka-topics --describe --topic orders"+bs)
	wantLines(t, out, "\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: segment.bytes=1073741824\n")
	out = mustExec(t, s, "kafka-configs --describe --all --entity-type topics --entity-name orders"+bs)
	lines := kafkaLines(t, out)
	if lines[0] != "All configs for topic orders are:" || len(lines) != 1+36 {
		t.Fatalf("want a heading and 36 configs, got %d lines:\n%s", len(lines), out)
	}
	wantLines(t, out,
		"  retention.ms=604800000 sensitive=false synonyms={}\n",
		"  segment.bytes=1073741824 sensitive=false synonyms={STATIC_BROKER_CONFIG:log.segment.bytes=1073741824, DEFAULT_CONFIG:log.segment.bytes=1073741824}\n",
		"  max.message.bytes=1048588 sensitive=false synonyms={DEFAULT_CONFIG:message.max.bytes=1048588}\n",
		"  cleanup.policy=delete sensitive=false synonyms={DEFAULT_CONFIG:log.cleanup.policy=delete}\n",
	)
	mustExec(t, s, "kafka-configs --alter --entity-type topics --entity-name orders --add-config retention.ms=60000"+bs)
	runKafkaCases(t, s, []kafkaCase{
		{"describeResourceConfig: only DYNAMIC_TOPIC_CONFIG entries without --all", "kafka-configs --describe --entity-type topics --entity-name orders" + bs, []string{
			"Dynamic configs for topic orders are:",
			"  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000}",
		}, ""},
	})
}

// TestBrokerConfigs: --entity-type brokers. Without --all only dynamic
// configs (none on a fresh cluster); with --all the values the broker
// runs with, the course's tuning knobs among them; without a name every
// broker and then the cluster default (describeResourceConfig); a broker
// name must be an integer (ConfigCommandOptions.checkArgs); with
// --zookeeper only users and brokers are allowed (ZkSupportedConfigTypes).
func TestBrokerConfigs(t *testing.T) {
	s := newSession(t, 3)
	runKafkaCases(t, s, []kafkaCase{
		{"describeResourceConfig", "kafka-configs --describe --entity-type brokers --entity-name 1" + bs,
			[]string{"Dynamic configs for broker 1 are:"}, "--all"},
		{"describeResourceConfig: nodes, then BrokerDefaultEntityName", "kafka-configs --describe --entity-type brokers" + bs,
			[]string{"Dynamic configs for broker 1 are:", "Dynamic configs for broker 2 are:", "Dynamic configs for broker 3 are:", "Default configs for brokers in the cluster are:"}, ""},
		{"--entity-default is the entity \"\"", "kafka-configs --describe --entity-type brokers --entity-default" + bs,
			[]string{"Default configs for brokers in the cluster are:"}, ""},
		{"checkArgs: brokerId.toInt", "kafka-configs --describe --entity-type brokers --entity-name one" + bs,
			[]string{"The entity name for brokers must be a valid integer broker id, but it is: one"}, ""},
		{"checkArgs: ZkSupportedConfigTypes", "kafka-configs --describe --entity-type topics --entity-name orders --zookeeper localhost:2181",
			[]string{"Invalid entity type topics, the entity type must be one of users, brokers with a --zookeeper argument"}, ""},
	})
	out := mustExec(t, s, "kafka-configs --describe --all --broker 1"+bs)
	wantLines(t, out,
		"All configs for broker 1 are:\n",
		"  log.retention.hours=168 sensitive=false synonyms={STATIC_BROKER_CONFIG:log.retention.hours=168, DEFAULT_CONFIG:log.retention.hours=168}\n",
		"  num.partitions=1 sensitive=false synonyms={STATIC_BROKER_CONFIG:num.partitions=1, DEFAULT_CONFIG:num.partitions=1}\n",
		"  default.replication.factor=1 sensitive=false synonyms={DEFAULT_CONFIG:default.replication.factor=1}\n",
		"  num.io.threads=8 sensitive=false synonyms={STATIC_BROKER_CONFIG:num.io.threads=8, DEFAULT_CONFIG:num.io.threads=8}\n",
		"  log.segment.bytes=1073741824 sensitive=false synonyms={STATIC_BROKER_CONFIG:log.segment.bytes=1073741824, DEFAULT_CONFIG:log.segment.bytes=1073741824}\n",
	)
}

// TestTimestampsAndHeaders: DefaultMessageFormatter.writeTo prints
// timestampType + ":" + timestamp (TimestampType.CREATE_TIME is
// "CreateTime"), then each header as key:value joined by
// headers.separator, or NO_HEADERS. ConsoleProducer's LineMessageReader
// with parse.headers=true reads "h1:v1,h2:v2<TAB>value" and fails a line
// without the delimiter ("No headers delimiter found on line number N").
// The sandbox's clock starts at 2024-01-01T00:00:00Z = 1704067200000.
func TestTimestampsAndHeaders(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	s.Exec("kafka-console-producer --topic t --property parse.headers=true --property parse.key=true" + bs)
	if r := s.Input("app:web,trace:42\tk1\tfirst"); r.Err {
		t.Fatalf("record refused:\n%s", r.Output)
	}
	r := s.Input("no headers here")
	if got := kafkaLines(t, r.Output); len(got) != 1 || got[0] != "org.apache.kafka.common.KafkaException: No headers delimiter found on line number 2: 'no headers here'" {
		t.Errorf("LineMessageReader.parse: got %q", got)
	}
	s.EndInput()
	mustExec(t, s, "play 10s")
	produce(t, s, "t", "second")
	out := mustExec(t, s, "kafka-console-consumer --topic t --from-beginning --property print.timestamp=true --property print.headers=true --property print.key=true"+bs)
	got := kafkaLines(t, out)
	if len(got) != 3 || !strings.HasPrefix(got[0], "CreateTime:17040672") || !strings.HasSuffix(got[0], "\tapp:web,trace:42\tk1\tfirst") ||
		!strings.HasSuffix(got[1], "\tNO_HEADERS\tnull\tsecond") {
		t.Errorf("DefaultMessageFormatter.writeTo: got\n%s", out)
	}
	first, _ := strconv.ParseInt(strings.TrimPrefix(strings.Split(got[0], "\t")[0], "CreateTime:"), 10, 64)
	second, _ := strconv.ParseInt(strings.TrimPrefix(strings.Split(got[1], "\t")[0], "CreateTime:"), 10, 64)
	if first < 1704067200000 || second-first < 10_000 {
		t.Errorf("CreateTime %d then %d: want epoch milliseconds 10 s apart", first, second)
	}
}

// TestResetByTime: ConsumerGroupCommand.prepareOffsetsToReset with
// --to-datetime (Utils.getDateTime: ISO-8601 with milliseconds, UTC when
// no zone is given) and --by-duration (java.time.Duration.parse, now minus
// the duration): the first offset at or after the time
// (OffsetSpec.forTimestamp), or, past the last record, the log end offset
// after "Warn: Partition 0 from topic t is empty. Falling back to latest
// known offset."
func TestResetByTime(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	produce(t, s, "t", "early")
	mustExec(t, s, "play 10s")
	produce(t, s, "t", "late")
	mustExec(t, s, "kafka-console-consumer --topic t --group g --from-beginning"+bs)
	plan := func(offset string) []string {
		return []string{"", fmt.Sprintf("%-30s %-30s %-10s %-15s", "GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"),
			fmt.Sprintf("%-30s %-30s %-10s %-15s", "g", "t", "0", offset)}
	}
	reset := "kafka-consumer-groups --reset-offsets --group g --topic t --dry-run" + bs
	runKafkaCases(t, s, []kafkaCase{
		{"resetToDatetimeOpt", reset + " --to-datetime 2024-01-01T00:00:05.000", plan("1"), ""},
		{"resetToDatetimeOpt, zone given", reset + " --to-datetime 2024-01-01T01:00:05.000+01:00", plan("1"), ""},
		{"resetByDurationOpt", reset + " --by-duration PT5S", plan("1"), ""},
		{"resetByDurationOpt: everything is newer", reset + " --by-duration P1D", plan("0"), ""},
		{"getLogTimestampOffsets: no record that new", reset + " --by-duration PT0S",
			append([]string{"", "Warn: Partition 0 from topic t is empty. Falling back to latest known offset."}, plan("2")...), ""},
		{"Utils.getDateTime: SimpleDateFormat needs the milliseconds", reset + " --to-datetime 2024-01-01T00:00:05",
			[]string{"", `Error: Executing consumer group command failed due to java.text.ParseException: Unparseable date: "2024-01-01T00:00:05Z"`}, "2024-01-01T00:00:30.000"},
		{"Duration.parse: DateTimeParseException", reset + " --by-duration 5s",
			[]string{"", "Error: Executing consumer group command failed due to Text cannot be parsed to a Duration"}, "PT10M"},
	})
}

// TestReplicaAssignment: TopicCommand.parseReplicaAssignment and the
// controller's manual placement. "3:1,1:2,2:3" is three partitions with
// two replicas each, the first listed leading; duplicates and uneven
// lists are the tool's own errors (printException), an unknown broker is
// the controller's InvalidReplicaAssignmentException; --replica-assignment
// with --partitions is refused by checkInvalidArgs.
func TestReplicaAssignment(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic a --replica-assignment 3:1,1:2,2:3"+bs)
	out := mustExec(t, s, "kafka-topics --describe --topic a"+bs)
	wantLines(t, out, "\tPartitionCount: 3\tReplicationFactor: 2\t",
		"\tTopic: a\tPartition: 0\tLeader: 3\tReplicas: 3,1\tIsr: 3,1\t",
		"\tTopic: a\tPartition: 1\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\t",
		"\tTopic: a\tPartition: 2\tLeader: 2\tReplicas: 2,3\tIsr: 2,3\t")
	create := "kafka-topics --create --topic b" + bs + " --replica-assignment "
	runKafkaCases(t, s, []kafkaCase{
		{"parseReplicaAssignment: AdminCommandFailedException", create + "1:1", []string{
			"Error while executing topic command : Partition replica lists may not contain duplicate entries: 1",
			"[2024-01-01 00:00:00,000] ERROR org.apache.kafka.server.common.AdminCommandFailedException: Partition replica lists may not contain duplicate entries: 1",
		}, ""},
		{"parseReplicaAssignment: AdminOperationException", create + "1:2,3", []string{
			"Error while executing topic command : Partition 1 has different replication factor: [3]",
			"[2024-01-01 00:00:00,000] ERROR org.apache.kafka.server.common.AdminOperationException: Partition 1 has different replication factor: [3]",
		}, ""},
		{"validateManualPartitionAssignment", create + "1:7", []string{
			"Error while executing topic command : The manual partition assignment includes broker 7, but no such broker is registered.",
			"[2024-01-01 00:00:00,000] ERROR org.apache.kafka.common.errors.InvalidReplicaAssignmentException: The manual partition assignment includes broker 7, but no such broker is registered.",
			" (org.apache.kafka.tools.TopicCommand)",
		}, ""},
		{"checkInvalidArgs(replicaAssignmentOpt, partitionsOpt, ...)", create + "1:2 --partitions 2",
			[]string{`Option "[replica-assignment]" can't be used with option "[partitions]"`}, ""},
	})
}

// TestCrashOfAGoneConsumer: a console consumer closes its consumer when
// it exits (ConsoleConsumer's cleanup), so its member has left the group;
// crashing it afterwards crashes nothing, and the sandbox says so instead
// of reporting a crash.
func TestCrashOfAGoneConsumer(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	s.Exec("kafka-console-consumer --topic t --group g --timeout-ms 100" + bs)
	out := mustFail(t, s, "crash consumer g 1")
	if !strings.Contains(out, "is gone") || strings.Contains(out, "crashed.") {
		t.Errorf("crash of an exited console consumer:\n%s", out)
	}
}

// TestGetOffsets: GetOffsetShell prints topic:partition:offset, sorted by
// TopicPartition.toString, for --time latest (ListOffsets latest with
// read_uncommitted: the high watermark), earliest (the log start) or a
// timestamp (the first offset at or after it; none, no line); its
// TerseExceptions print as "Error occurred: ..." (mainNoExit), jopt-simple
// errors among them.
func TestGetOffsets(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1"+bs)
	produce(t, s, "t", "a", "b")
	mustExec(t, s, "play 10s")
	produce(t, s, "t", "c")
	runKafkaCases(t, s, []kafkaCase{
		{"OffsetSpec.latest", "kafka-get-offsets --topic t" + bs, []string{"t:0:3"}, ""},
		{"OffsetSpec.earliest", "kafka-get-offsets --topic t --time -2" + bs, []string{"t:0:0"}, ""},
		{"OffsetSpec.forTimestamp", "kafka-get-offsets --topic t --time 1704067205000" + bs, []string{"t:0:2"}, ""},
		{"no offset that late: no line", "kafka-get-offsets --topic t --time 1704070000000" + bs, []string{}, ""},
		{"parseOffsetSpec", "kafka-get-offsets --topic t --time soon" + bs, []string{"Error occurred: Malformed time argument soon. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp"}, ""},
		{"requiredUnless(broker-list) -> MissingRequiredOptionsException", "kafka-get-offsets --topic t", []string{"Error occurred: Missing required option(s) [bootstrap-server]"}, ""},
		{"fetchOffsets", "kafka-get-offsets --topic nope" + bs, []string{"Error occurred: Could not match any topic-partitions with the specified filters"}, ""},
	})
}

// TestRunClass: bin/kafka-get-offsets.sh is kafka-run-class.sh
// org.apache.kafka.tools.GetOffsetShell; the Scala kafka.tools.GetOffsetShell
// many guides show is gone in 3.9, so the JVM cannot load it.
func TestRunClass(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t"+bs)
	runKafkaCases(t, s, []kafkaCase{
		{"bin/kafka-get-offsets.sh", "kafka-run-class.sh org.apache.kafka.tools.GetOffsetShell --topic t" + bs, []string{"t:0:0"}, ""},
		{"the JVM's launcher", "kafka-run-class kafka.tools.GetOffsetShell --topic t" + bs, []string{
			"Error: Could not find or load main class kafka.tools.GetOffsetShell",
			"Caused by: java.lang.ClassNotFoundException: kafka.tools.GetOffsetShell",
		}, "kafka-get-offsets"},
	})
}
