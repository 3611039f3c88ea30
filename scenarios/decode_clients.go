package scenarios

import (
	"fmt"

	"kafkasim/sim"
)

var (
	producerKeys = []string{"id", "topic", "rate", "count", "keys", "start", "config", "values"}
	groupKeys    = []string{"id", "topics", "consumers", "processing", "commit", "start", "commit_async", "async_processing", "output_topic", "config", "alert_when"}
)

// clientID reads and checks the id of a [[producer]] or [[group]].
func (b *builder) clientID(t *table, what string, seen map[string]int) (string, bool) {
	id, ok := t.str("id")
	if !ok {
		if !t.has("id") {
			t.problem("", "a "+what+" needs an id", `add id = "my-`+what+`"`)
		}
		return "", false
	}
	if msg := checkName(id); msg != "" {
		t.problem("id", msg, "use letters, digits, '.', '_' and '-'")
		return "", false
	}
	if first, dup := seen[id]; dup {
		t.problem("id", fmt.Sprintf("%s %q is declared twice (first on line %d)", what, id, first), "give each "+what+" its own id")
		return "", false
	}
	seen[id] = t.line("id")
	return id, true
}

// topicRef checks that key names a declared topic.
func (b *builder) topicRef(t *table, key, name string) bool {
	if _, ok := b.topicLine[name]; ok {
		return true
	}
	msg, hint := undeclared("topic", name, b.topicLine)
	t.problem(key, msg, hint)
	return false
}

// producers reads the [[producer]] blocks.
func (b *builder) producers(list []*table) {
	b.producerLine = map[string]int{}
	if len(list) > MaxProducers {
		list[0].problem("", fmt.Sprintf("%d producers, more than the limit of %d", len(list), MaxProducers), "")
		return
	}
	for _, t := range list {
		t.finish()
		id, idOK := b.clientID(t, "producer", b.producerLine)
		topic, ok := t.str("topic")
		if !ok && !t.has("topic") {
			t.problem("", "a producer needs a topic", `add topic = "orders"`)
		}
		if !idOK || !ok || !b.topicRef(t, "topic", topic) {
			continue
		}
		p := sim.DefaultProducer(id, topic)
		if n, ok := t.integer("rate", 0, MaxRatePerSec); ok {
			p.RatePerSec = int(n)
		}
		if n, ok := t.integer("count", 0, MaxRecords); ok {
			p.Count = int(n)
		}
		if keys, ok := t.strs("keys", MaxKeys); ok {
			for _, k := range keys {
				p.Keys = append(p.Keys, SanitizeLine(k))
			}
		}
		if ms, ok := t.duration("start"); ok {
			p.StartMs = ms
		}
		p.Values = b.values(t)
		pairs := t.config()
		b.setProps(t, pairs, func(n, v string) error { return sim.SetProducerProp(&p, n, v) })
		b.idempotence(t, &p, pairs)
		b.sc.Config.Producers = append(b.sc.Config.Producers, p)
	}
}

// idempotence applies the Java producer's rule (Kafka 3.2+): idempotence is
// on by default unless a conflicting config is set, in which case it is
// quietly turned off; setting enable.idempotence=true explicitly with a
// conflicting config is an error, as is a transactional.id without it.
func (b *builder) idempotence(t *table, p *sim.ProducerConfig, pairs []configPair) {
	explicit, line := false, 0
	for _, c := range pairs {
		if c.name == "enable.idempotence" {
			explicit, line = true, c.line
		}
	}
	var conflict, hint string
	switch {
	case p.Acks != sim.AcksAll:
		conflict, hint = "acks="+sim.AcksString(p.Acks), "idempotence needs acks=all"
	case p.Retries == 0:
		conflict, hint = "retries=0", "idempotence needs retries > 0"
	case p.MaxInFlight > 5:
		conflict, hint = fmt.Sprintf("max.in.flight.requests.per.connection=%d", p.MaxInFlight), "idempotence needs at most 5 requests in flight"
	}
	key := t.keyName("config.enable.idempotence")
	switch {
	case conflict != "" && explicit && p.EnableIdempotence:
		b.d.add(line, key, "enable.idempotence=true conflicts with "+conflict, hint)
	case conflict != "" && !explicit:
		p.EnableIdempotence = false
	}
	if p.TransactionalID != "" && !p.EnableIdempotence {
		b.d.add(propLine(t, pairs, "transactional.id"), t.keyName("config.transactional.id"),
			"a transactional.id needs idempotence", "Kafka: cannot set a transactional.id without also enabling idempotence")
	}
}

// groups reads the [[group]] blocks.
func (b *builder) groups(list []*table) {
	b.groupLine = map[string]int{}
	if len(list) > MaxGroups {
		list[0].problem("", fmt.Sprintf("%d groups, more than the limit of %d", len(list), MaxGroups), "")
		return
	}
	consumers := 0
	for _, t := range list {
		t.finish()
		id, idOK := b.clientID(t, "group", b.groupLine)
		topics, ok := t.strs("topics", MaxTopics)
		if !ok && !t.has("topics") || ok && len(topics) == 0 {
			t.problem("topics", "a group needs the topics it subscribes to", `add topics = ["orders"]`)
			ok = false
		}
		for _, tp := range topics {
			ok = b.topicRef(t, "topics", tp) && ok
		}
		if !idOK || !ok {
			continue
		}
		g := sim.DefaultGroup(id, topics...)
		g.ProcessingMs = defaultProcessingMs
		if n, ok := t.integer("consumers", 0, MaxConsumers); ok {
			g.Consumers = int(n)
		}
		consumers += g.Consumers
		if ms, ok := t.duration("processing"); ok {
			g.ProcessingMs = ms
		}
		if ms, ok := t.duration("start"); ok {
			g.StartMs = ms
		}
		if v, ok := t.boolean("commit_async"); ok {
			g.CommitAsync = v
		}
		if v, ok := t.boolean("async_processing"); ok {
			g.AsyncProcessing = v
		}
		b.commitMode(t, &g)
		b.alertWhen(t, &g)
		b.sc.Config.Groups = append(b.sc.Config.Groups, g)
	}
	if consumers > MaxConsumers {
		list[0].problem("consumers", fmt.Sprintf("%d consumers in all, more than the limit of %d", consumers, MaxConsumers), "")
	}
}
