package sandbox

import (
	"fmt"
	"strings"

	"kafkasim/sim"
)

// Result is what one command line printed and what the session expects next.
type Result struct {
	// Output is the text the command printed, stdout and stderr
	// interleaved as a terminal shows them. Every line ends in "\n". Lines
	// starting with "hint: " are the sandbox's explanations, not Kafka's.
	Output string
	// Err is set when the command failed (the real tool would exit 1).
	Err bool
	// InputMode is set while a console producer reads records: pass the
	// following lines to Input, and call EndInput for Ctrl-D.
	InputMode bool
}

// Session is a sandbox: a simulated cluster that takes Kafka's command-line
// tools and a few simulator verbs, one line at a time. Everything a command
// changes goes through the run's Apply, so stepping the run back replays it.
type Session struct {
	run  *sim.Run
	prod *producerMode // the console producer reading input, if any
	// headers holds record headers by topic id, partition and offset
	// (see headers.go).
	headers map[string][]recordHeader
	// jobs are console consumers running in the background (jobs.go).
	jobs    []*consumerJob
	lastJob int
	// pauseHook is called between slices of a long command (SetPause).
	pauseHook func() bool
	// offsets remembers how far offsetsTopicExists has read the commands.
	offsets struct {
		scanned int
		seen    bool
	}
}

// New starts a sandbox of brokers brokers (1..sim.MaxBrokers) in KRaft
// mode with Kafka's default configs, its randomness drawn from seed.
func New(brokers int, seed uint64) (*Session, error) {
	if brokers < 1 || brokers > sim.MaxBrokers {
		return nil, fmt.Errorf("brokers must be between 1 and %d, not %d", sim.MaxBrokers, brokers)
	}
	r, err := sim.NewRun(sim.Config{Seed: seed, Cluster: sim.DefaultCluster(brokers)}, nil)
	if err != nil {
		return nil, err
	}
	return &Session{run: r}, nil
}

// Attach makes a sandbox over a run that already exists, such as the
// scenario a learner is playing.
func Attach(r *sim.Run) *Session { return &Session{run: r} }

// Run is the simulation the session drives.
func (s *Session) Run() *sim.Run { return s.run }

// InputMode reports whether a console producer is reading input.
func (s *Session) InputMode() bool { return s.prod != nil }

// Exec runs one command line. While InputMode is set the line is a record
// for the console producer, as Input.
func (s *Session) Exec(line string) Result {
	if s.prod != nil {
		return s.Input(line)
	}
	o := s.newOutput()
	line = strings.TrimSpace(cleanLine(line))
	if line == "" || strings.HasPrefix(line, "#") {
		return Result{}
	}
	words, err := splitWords(line)
	if err != nil {
		o.line("bash: " + err.Error())
		o.hint("a quote was opened and never closed")
		o.fail()
		return s.result(o)
	}
	if len(words) > 0 && words[0] == "$" {
		words = words[1:] // pasted from a page that shows the prompt
	}
	if len(words) == 0 {
		return Result{}
	}
	s.dispatch(o, words)
	s.pollJobs(o)
	return s.result(o)
}

func (s *Session) newOutput() *output { return &output{nowMs: s.run.Sim().Now()} }

func (s *Session) result(o *output) Result {
	return Result{Output: o.String(), Err: o.failed, InputMode: s.prod != nil}
}

// command runs one tool or verb with its arguments.
type command func(s *Session, o *output, args []string)

// kafkaTools are the Kafka command-line tools the sandbox runs.
var kafkaTools = map[string]command{
	"kafka-topics":             (*Session).topicsCommand,
	"kafka-console-producer":   (*Session).producerCommand,
	"kafka-console-consumer":   (*Session).consumerCommand,
	"kafka-consumer-groups":    (*Session).groupsCommand,
	"kafka-configs":            (*Session).configsCommand,
	"kafka-get-offsets":        (*Session).getOffsetsCommand,
	"kafka-producer-perf-test": (*Session).perfTestCommand,
	"kafka-run-class":          (*Session).runClassCommand,
}

func (s *Session) dispatch(o *output, words []string) {
	name := toolName(words[0])
	if cmd, ok := kafkaTools[name]; ok {
		cmd(s, o, words[1:])
		return
	}
	if cmd, ok := verbs()[strings.ToLower(words[0])]; ok {
		cmd(s, o, words[1:])
		return
	}
	if name == "kafka-server-start" {
		serverStart(s, o)
		return
	}
	if msg, ok := notSimulated(name, s.brokerCount()); ok {
		o.line(msg)
		o.fail()
		return
	}
	o.linef("%s: command not found", words[0])
	if sug := nearest(name, commandNames()); sug != "" {
		o.hint("did you mean '%s'? Type 'help' for the list of commands.", sug)
	} else {
		o.hint("type 'help' for the list of commands")
	}
	o.fail()
}

// commandNames lists every command the sandbox knows, for suggestions and
// completion.
func commandNames() []string {
	var out []string
	for name := range kafkaTools {
		out = append(out, name)
	}
	for name := range verbs() {
		out = append(out, name)
	}
	sortStrings(out)
	return out
}

// notSimulated answers the real tools and shell commands a learner may type
// from a tutorial that the sandbox has no use for.
func notSimulated(name string, brokers int) (string, bool) {
	switch name {
	case "kafka-server-stop":
		return fmt.Sprintf("hint: the sandbox's %d brokers are already running (%s). Use 'crash broker N' to stop one and 'restart broker N' to start it again.",
			brokers, brokerList(brokers)), true
	case "zookeeper-server-start", "zookeeper-server-stop", "zookeeper-shell":
		return "hint: this cluster runs in KRaft mode: the brokers elect their controller themselves and keep metadata in their own log, so there is no ZooKeeper to start (Kafka 4.0 removed ZooKeeper mode).", true
	case "kafka-storage":
		return "hint: the sandbox's brokers are already formatted and running.", true
	case "java", "tar", "cd", "wget", "curl", "ls":
		return "hint: the sandbox has no shell: Kafka is already installed and running. Type 'help' for the commands it takes.", true
	case "kafka-consumer-perf-test", "kafka-reassign-partitions", "kafka-leader-election",
		"kafka-delete-records", "kafka-acls", "kafka-metadata-quorum", "kafka-broker-api-versions",
		"kafka-log-dirs", "kafka-dump-log", "kafka-transactions", "kafka-streams-application-reset",
		"connect-standalone", "connect-distributed":
		return fmt.Sprintf("hint: %s is a real Kafka tool the sandbox does not simulate yet. Type 'help' for the ones it does.", name), true
	}
	return "", false
}

// snap is the cluster now, without log tails (the sandbox reads records
// through Records, which is cheaper).
func (s *Session) snap() sim.Snapshot { return s.run.Sim().SnapshotTail(0) }

// brokerCount is how many brokers the cluster has.
func (s *Session) brokerCount() int { return s.run.Sim().Config().Cluster.Brokers }
