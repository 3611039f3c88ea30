package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"kafkasim/sim"
)

const assignUsage = `Usage: kafkasim assign [--strategy NAME] --topic NAME=PARTITIONS...
                       --member ID[@INSTANCE]=[TOPIC[,TOPIC...]]...
                       [--owned ID=TOPIC-P[,TOPIC-P...]]... [--json]

Shows the assignment a consumer group's leader computes with the given
partition.assignment.strategy (classic group protocol). range and
roundrobin take static members (with a group.instance.id) first, in
instance id order, then the others in member id order, as Kafka's
MemberInfo ordering does; the sticky strategies visit members in Java
HashMap order of their ids, filled in the order the --member flags give.

Strategies:
  range               each topic on its own: members subscribed to it, in id
                      order, take consecutive partitions; the first ones take
                      one extra (the default, first in the Java client's
                      [range, cooperative-sticky])
  roundrobin          all partitions, by topic then number, dealt in turn,
                      skipping members not subscribed to the topic
  sticky              balanced, and keeps owned partitions where they are
  cooperative-sticky  sticky, but a partition another member still owns is
                      withheld: its owner revokes it first and it is assigned
                      in the follow-up rebalance

Flags (--topic, --member and --owned repeat):
  --strategy NAME               range, roundrobin, sticky or cooperative-sticky
  --topic NAME=PARTITIONS       a topic and its partition count
  --member ID=TOPIC[,TOPIC...]  a member and the topics it subscribes to;
                                an empty list (c1=) subscribes to nothing
  --member ID@INSTANCE=TOPICS   a static member: INSTANCE is its
                                group.instance.id (KIP-345)
  --owned ID=TOPIC-P[,...]      partitions the member owned before this
                                rebalance (used by the sticky strategies);
                                partitions of topics not given with --topic
                                are ignored, as Kafka ignores deleted topics
  --json                        print JSON instead of a table
  -h, --help                    show this help

Examples:
  kafkasim assign --topic orders=6 --member c1=orders --member c2=orders --member c3=orders
  kafkasim assign --strategy roundrobin --topic a=3 --topic b=2 --member c1=a,b --member c2=a
  kafkasim assign --topic t1=5 --member consumer-b@instance-1=t1 --member consumer-a=t1
  kafkasim assign --strategy cooperative-sticky --topic orders=3 \
      --member c1=orders --member c2=orders --owned c1=orders-0,orders-1,orders-2
`

// assignStrategies are the assignors --strategy accepts.
var assignStrategies = []string{sim.AssignorRange, sim.AssignorRoundRobin, sim.AssignorSticky, sim.AssignorCooperativeSticky}

// Assign runs "kafkasim assign": it prints each member's partitions under
// the chosen assignor. It returns the exit code: 0, or 2 for bad input.
func Assign(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("assign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // --help goes to stdout, below
	strategy := fs.String("strategy", sim.AssignorRange, "the assignor")
	asJSON := fs.Bool("json", false, "print JSON")
	in := newAssignInput()
	fs.Func("topic", "NAME=PARTITIONS", in.addTopic)
	fs.Func("member", "ID[@INSTANCE]=[TOPIC[,TOPIC...]]", in.addMember)
	fs.Func("owned", "ID=TOPIC-P[,TOPIC-P...]", in.addOwned)
	rest, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, assignUsage)
		return 0
	case err != nil: // the flag package has printed it
		return printUsageHint(stderr, "assign", "")
	case len(rest) > 0:
		return printUsageHint(stderr, "assign", "unexpected argument "+visibleText(rest[0])+": members and topics go in --member and --topic")
	case !slices.Contains(assignStrategies, *strategy):
		return printUsageHint(stderr, "assign", "unknown --strategy "+visibleText(*strategy)+": want range, roundrobin, sticky or cooperative-sticky")
	}
	if err := in.check(); err != nil {
		return printUsageHint(stderr, "assign", err.Error())
	}
	for _, note := range in.notes(*strategy) {
		fmt.Fprintln(stderr, "note: "+note)
	}
	result, err := sim.Assign(*strategy, in.partitions, in.members)
	if err != nil {
		return printUsageHint(stderr, "assign", err.Error())
	}
	for _, m := range in.members {
		if len(m.Topics) == 0 && len(result[m.ID]) > 0 {
			fmt.Fprintf(stderr, "note: %s subscribes to no topic yet gets partitions: Kafka's sticky assignors take the first non-empty subscription they meet (in HashMap order) as everyone's, so an empty one met before it counts as equal (AbstractStickyAssignor.allSubscriptionsEqual)\n",
				visibleText(m.ID))
		}
	}
	if *asJSON {
		report := assignReport{Strategy: *strategy, Assignment: map[string][]string{}}
		for id, list := range result {
			report.Assignment[id] = assignTPNames(list)
		}
		for _, m := range in.members {
			if m.InstanceID != "" {
				if report.InstanceIDs == nil {
					report.InstanceIDs = map[string]string{}
				}
				report.InstanceIDs[m.ID] = m.InstanceID
			}
		}
		return encodeJSONIndented(stdout, stderr, report)
	}
	writeAssignTable(stdout, *strategy, in, result)
	return 0
}

// assignReport is the --json output of Assign.
type assignReport struct {
	Strategy   string              `json:"strategy"`
	Assignment map[string][]string `json:"assignment"`
	// InstanceIDs maps the static members' ids to their group.instance.id.
	InstanceIDs map[string]string `json:"instance_ids,omitempty"`
}

func writeAssignTable(w io.Writer, strategy string, in *assignInput, result map[string][]sim.TopicPartition) {
	fmt.Fprintf(w, "strategy: %s\n\n", strategy)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "MEMBER\tCOUNT\tPARTITIONS")
	given := map[sim.TopicPartition]bool{}
	ids := make([]string, 0, len(result))
	for id := range result {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		list := result[id]
		names := "idle"
		if len(list) > 0 {
			names = strings.Join(assignTPNames(list), " ")
		}
		shown := visibleText(id)
		if inst := in.instanceOf(id); inst != "" {
			shown += "@" + visibleText(inst)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", shown, len(list), names)
		for _, tp := range list {
			given[tp] = true
		}
	}
	tw.Flush()
	// Only cooperative-sticky leaves subscribed partitions out.
	var withheld []string
	for _, tp := range in.subscribedPartitions() {
		if !given[tp] {
			withheld = append(withheld, tp.String())
		}
	}
	if len(withheld) > 0 {
		fmt.Fprintf(w, "\nwithheld until their owner revokes them (assigned in the follow-up rebalance): %s\n",
			strings.Join(withheld, " "))
	}
}

func assignTPNames(list []sim.TopicPartition) []string {
	names := make([]string, 0, len(list))
	for _, tp := range list {
		names = append(names, tp.String())
	}
	return names
}

// parseOwnedTP reads "TOPIC-P". Topic names may contain '-', so the
// partition number follows the last one.
func parseOwnedTP(s string) (sim.TopicPartition, error) {
	cut := strings.LastIndexByte(s, '-')
	if cut <= 0 {
		return sim.TopicPartition{}, fmt.Errorf("%s is not TOPIC-PARTITION (e.g. orders-2)", visibleText(s))
	}
	p, err := strconv.Atoi(s[cut+1:])
	if err != nil || p < 0 || s[cut+1] == '+' {
		return sim.TopicPartition{}, fmt.Errorf("%s: partition %s is not a number 0 or more", visibleText(s), visibleText(s[cut+1:]))
	}
	if err := checkAssignTopicName(s[:cut]); err != nil {
		return sim.TopicPartition{}, err
	}
	return sim.TopicPartition{Topic: s[:cut], Partition: p}, nil
}

// checkAssignTopicName applies Kafka's topic naming rule, which also keeps
// terminal control characters out of the output.
func checkAssignTopicName(name string) error {
	bad := name == "" || name == "." || name == ".." || len(name) > 249
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			bad = true
		}
	}
	if bad {
		return fmt.Errorf("topic name %s is not valid: Kafka allows letters, digits, '.', '_' and '-', up to 249 of them", visibleText(name))
	}
	return nil
}

// maxAssignPartitions bounds --topic counts so a typo cannot make the
// assignors allocate without end.
const maxAssignPartitions = 10_000

// assignInput collects the --topic, --member and --owned flags.
type assignInput struct {
	partitions map[string]int
	members    []sim.AssignMember
	owned      []ownedFlag          // matched to members once all flags are read
	dropped    []sim.TopicPartition // owned partitions of topics not given
}

type ownedFlag struct {
	id  string
	tps []sim.TopicPartition
}

func newAssignInput() *assignInput {
	return &assignInput{partitions: map[string]int{}}
}

func (in *assignInput) addTopic(v string) error {
	name, count, ok := strings.Cut(v, "=")
	if !ok {
		return errors.New("want NAME=PARTITIONS, e.g. orders=6")
	}
	if err := checkAssignTopicName(name); err != nil {
		return err
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 {
		return fmt.Errorf("partition count %s is not a whole number of at least 1", visibleText(count))
	}
	if n > maxAssignPartitions {
		return fmt.Errorf("partition count %d is more than this tool takes (%d per topic)", n, maxAssignPartitions)
	}
	if _, dup := in.partitions[name]; dup {
		return fmt.Errorf("topic %s is given twice", name)
	}
	in.partitions[name] = n
	return nil
}

func (in *assignInput) addMember(v string) error {
	id, list, ok := strings.Cut(v, "=")
	if !ok || id == "" {
		return errors.New("want ID[@INSTANCE]=TOPIC[,TOPIC...], e.g. c1=orders,payments or c1@instance-a=orders")
	}
	id, instance, static := strings.Cut(id, "@")
	switch {
	case id == "":
		return errors.New("a member needs an id before the @, e.g. c1@instance-a=orders")
	case static && instance == "":
		return fmt.Errorf("member %s: the group.instance.id after @ is empty", visibleText(id))
	case static && slices.ContainsFunc(in.members, func(m sim.AssignMember) bool { return m.InstanceID == instance }):
		return fmt.Errorf("group.instance.id %s is given twice: each static member needs its own", visibleText(instance))
	}
	if slices.ContainsFunc(in.members, func(m sim.AssignMember) bool { return m.ID == id }) {
		return fmt.Errorf("member %s is given twice", visibleText(id))
	}
	var topics []string // c1= subscribes to nothing (testOneConsumerNoTopic)
	if list != "" {
		topics = strings.Split(list, ",")
	}
	for _, topic := range topics {
		if err := checkAssignTopicName(topic); err != nil {
			return err
		}
	}
	in.members = append(in.members, sim.AssignMember{ID: id, InstanceID: instance, Topics: topics, Generation: -1})
	return nil
}

// instanceOf is a member's group.instance.id, or "".
func (in *assignInput) instanceOf(id string) string {
	for _, m := range in.members {
		if m.ID == id {
			return m.InstanceID
		}
	}
	return ""
}

func (in *assignInput) addOwned(v string) error {
	id, list, ok := strings.Cut(v, "=")
	if !ok || id == "" || list == "" {
		return errors.New("want ID=TOPIC-P[,TOPIC-P...], e.g. c1=orders-0,orders-1")
	}
	f := ownedFlag{id: id}
	for _, name := range strings.Split(list, ",") {
		tp, err := parseOwnedTP(name)
		if err != nil {
			return err
		}
		f.tps = append(f.tps, tp)
	}
	in.owned = append(in.owned, f)
	return nil
}

// check validates what single flags cannot: that there are members, and
// that --owned names known members and partitions. Owned partitions of a
// topic not given are dropped with a note, as Kafka's sticky assignors drop
// partitions of topics that no longer exist
// (AbstractStickyAssignorTest.testOnlyAssignsPartitionsFromSubscribedTopics).
// All members report the same (unknown) generation, as there is no flag
// for it.
func (in *assignInput) check() error {
	if len(in.members) == 0 {
		return errors.New("no --member given: a group needs at least one")
	}
	for _, f := range in.owned {
		i := slices.IndexFunc(in.members, func(m sim.AssignMember) bool { return m.ID == f.id })
		if i < 0 {
			return fmt.Errorf("--owned names %s, which is not a --member", visibleText(f.id))
		}
		for _, tp := range f.tps {
			n, ok := in.partitions[tp.Topic]
			switch {
			case !ok:
				in.dropped = append(in.dropped, tp)
				continue
			case tp.Partition >= n:
				return fmt.Errorf("--owned %s: topic %s has no partition %d (it has %d, numbered from 0)", tp, tp.Topic, tp.Partition, n)
			}
			in.members[i].Owned = append(in.members[i].Owned, tp)
		}
	}
	return nil
}

// notes explains input that is legal but probably not what was meant.
func (in *assignInput) notes(strategy string) []string {
	var notes []string
	for _, tp := range in.dropped {
		notes = append(notes, fmt.Sprintf("--owned %s is ignored: there is no --topic %s, and Kafka's assignors drop owned partitions of topics that no longer exist", tp, tp.Topic))
	}
	subscribed := map[string]bool{}
	owners := map[sim.TopicPartition][]string{}
	for _, m := range in.members {
		if len(m.Topics) == 0 {
			notes = append(notes, fmt.Sprintf("member %s subscribes to no topic", visibleText(m.ID)))
		}
		for _, topic := range m.Topics {
			if _, ok := in.partitions[topic]; !ok && !subscribed[topic] {
				notes = append(notes, fmt.Sprintf("there is no --topic %s: members subscribed to it get nothing from it", topic))
			}
			subscribed[topic] = true
		}
		for _, tp := range m.Owned {
			if !slices.Contains(owners[tp], m.ID) {
				owners[tp] = append(owners[tp], m.ID)
			}
		}
	}
	sticky := strategy == sim.AssignorSticky || strategy == sim.AssignorCooperativeSticky
	if len(owners) > 0 && !sticky {
		notes = append(notes, "--owned is ignored by "+strategy+": only the sticky strategies look at the previous assignment")
	}
	for _, tp := range in.subscribedPartitions() {
		if ids := owners[tp]; sticky && len(ids) > 1 {
			notes = append(notes, fmt.Sprintf("%s is owned by %d members in the same generation: Kafka treats the claim as invalid and none of them keeps it", tp, len(ids)))
		}
	}
	return notes
}

// subscribedPartitions lists the partitions of declared topics someone
// subscribes to, sorted by topic then partition.
func (in *assignInput) subscribedPartitions() []sim.TopicPartition {
	var topics []string
	for _, m := range in.members {
		for _, topic := range m.Topics {
			if _, ok := in.partitions[topic]; ok && !slices.Contains(topics, topic) {
				topics = append(topics, topic)
			}
		}
	}
	slices.Sort(topics)
	var out []sim.TopicPartition
	for _, topic := range topics {
		for p := range in.partitions[topic] {
			out = append(out, sim.TopicPartition{Topic: topic, Partition: p})
		}
	}
	return out
}
