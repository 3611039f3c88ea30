package scenarios

import (
	"fmt"
	"math"
	"sort"
	"time"

	"kafkasim/sim"
)

// timeline reads the [[timeline]] blocks, then checks them in time order
// against the cluster, so a consumer started by add-consumer at 10s may be
// crashed at 20s but not at 5s.
func (b *builder) timeline(list []*table) {
	if len(list) > MaxTimeline {
		list[0].problem("", fmt.Sprintf("%d timeline entries, more than the limit of %d", len(list), MaxTimeline), "")
		return
	}
	type item struct {
		s sim.Scheduled
		t *table
	}
	var items []item
	for _, t := range list {
		t.finish()
		if s, ok := b.timelineEntry(t); ok {
			items = append(items, item{s, t})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].s.AtMs < items[j].s.AtMs })

	consumers := map[string]int{}
	total := 0
	for _, g := range b.sc.Config.Groups {
		consumers[g.ID] = g.Consumers
		total += g.Consumers
	}
	for _, it := range items {
		if b.timelineRefs(it.t, it.s, consumers) {
			b.sc.Timeline = append(b.sc.Timeline, it.s)
			b.narration(it.t, it.s)
		}
		if it.s.Cmd.Kind == sim.CmdAddConsumer {
			total++
		}
	}
	if total > MaxConsumers && len(list) > 0 {
		list[0].problem("", fmt.Sprintf("%d consumers in all with add-consumer, more than the limit of %d", total, MaxConsumers), "")
	}
}

// timelineEntry decodes one block into a TimelineEntry and checks it alone.
func (b *builder) timelineEntry(t *table) (sim.Scheduled, bool) {
	var e TimelineEntry
	typeBad := map[string]bool{}
	str := func(key string, dst *string) {
		if v, ok := t.str(key); ok {
			*dst = v
		} else if t.has(key) {
			typeBad[key] = true
		}
	}
	ptr := func(key string, dst **string) {
		var v string
		if str(key, &v); t.has(key) && !typeBad[key] {
			*dst = &v
		}
	}
	integer := func(key string, dst *int) {
		if v, ok := t.integer(key, math.MinInt32, math.MaxInt32); ok {
			*dst = int(v)
		} else if t.has(key) {
			typeBad[key] = true
		}
	}
	str("at", &e.At)
	str("do", &e.Do)
	str("say", &e.Say)
	str("producer", &e.Producer)
	str("group", &e.Group)
	str("topic", &e.Topic)
	str("delay", &e.Delay)
	str("to", &e.To)
	integer("broker", &e.Broker)
	integer("controller", &e.Controller)
	integer("consumer", &e.Consumer)
	integer("partitions", &e.Partitions)
	integer("count", &e.Count)
	ptr("key", &e.Key)
	ptr("value", &e.Value)
	str("client", &e.Client)
	str("host", &e.Host)
	str("request", &e.Request)
	str("body", &e.Body)
	integer("fetch", &e.Fetch)
	if v, ok := t.boolean("late"); ok {
		e.Late = v
	} else if t.has("late") {
		typeBad["late"] = true
	}
	if !t.has("at") {
		t.problem("", "a timeline entry needs at", `when it happens: at = "5s"`)
	}
	s, probs := e.check(t.has)
	n := 0
	for _, p := range probs {
		if !typeBad[p.Key] {
			t.problem(p.Key, p.Msg, p.Hint)
			n++
		}
	}
	return s, n == 0 && len(typeBad) == 0 && t.has("at")
}

// timelineRefs checks an entry's references against the scenario.
func (b *builder) timelineRefs(t *table, s sim.Scheduled, consumers map[string]int) bool {
	ok := true
	bad := func(key, msg, hint string) { t.problem(key, msg, hint); ok = false }
	c := s.Cmd
	if s.AtMs > b.sc.DurationMs {
		bad("at", fmt.Sprintf("at %s is after the end of the run (duration %s)", ms(s.AtMs), ms(b.sc.DurationMs)),
			"it would never happen: move it earlier or make duration longer")
	}
	cl := b.sc.Config.Cluster
	switch isCtrl := c.Kind == sim.CmdCrashController || c.Kind == sim.CmdRestartController; {
	case isCtrl && cl.Controllers == 0:
		bad("controller", fmt.Sprintf("controller node %d does not exist: the cluster has no dedicated controllers", c.Broker),
			"set controllers = 3 under [cluster] (KRaft only), or crash the broker that is a voter with crash-broker")
	case isCtrl && (c.Broker <= cl.Brokers || c.Broker > cl.Brokers+cl.Controllers):
		bad("controller", fmt.Sprintf("controller node %d does not exist", c.Broker),
			fmt.Sprintf("the controller nodes are %d to %d, after the brokers", cl.Brokers+1, cl.Brokers+cl.Controllers))
	case !isCtrl && c.Broker > cl.Brokers:
		bad("broker", fmt.Sprintf("broker %d does not exist", c.Broker), fmt.Sprintf("the cluster has brokers 1 to %d", cl.Brokers))
	}
	if c.Producer != "" {
		if _, found := b.producerLine[c.Producer]; !found {
			msg, hint := undeclared("producer", c.Producer, b.producerLine)
			bad("producer", msg, hint)
		}
	}
	if c.Group != "" {
		if _, found := b.groupLine[c.Group]; !found {
			msg, hint := undeclared("group", c.Group, b.groupLine)
			bad("group", msg, hint)
		} else if n := consumers[c.Group]; c.Consumer > n {
			bad("consumer", fmt.Sprintf("consumer %d of group %s does not exist at %s", c.Consumer, c.Group, ms(s.AtMs)),
				consumersHint(n))
		} else if c.Kind == sim.CmdAddConsumer {
			consumers[c.Group]++
		}
	}
	if c.Topic != "" {
		if _, found := b.topicLine[c.Topic]; !found {
			msg, hint := undeclared("topic", c.Topic, b.topicLine)
			bad("topic", msg, hint)
		} else if c.Kind != sim.CmdAddPartitions {
			// reset-offsets names a topic without changing it
		} else if cur := b.finalPartitions[c.Topic]; c.Partitions <= cur {
			bad("partitions", fmt.Sprintf("topic %s already has %d partitions", c.Topic, cur),
				"partitions is the new total, and Kafka can only add partitions, never remove them")
		} else {
			b.finalPartitions[c.Topic] = c.Partitions
		}
	}
	return ok
}

// ms writes milliseconds as a Go duration: "1m30s", "250ms".
func ms(v int64) string { return (time.Duration(v) * time.Millisecond).String() }

func consumersHint(n int) string {
	switch n {
	case 0:
		return "the group has no consumers then; add-consumer starts one"
	case 1:
		return "the group has only c1 then; add-consumer starts more"
	}
	return fmt.Sprintf("the group has c1 to c%d then; add-consumer starts more", n)
}
