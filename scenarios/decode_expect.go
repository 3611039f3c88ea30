package scenarios

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
)

// expectField maps each TOML key of Expect to its struct field index.
var expectField = func() map[string]int {
	m := map[string]int{}
	t := reflect.TypeOf(Expect{})
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
			m[tag] = i
		}
	}
	return m
}()

// expects reads the [[expect]] blocks and checks what they name exists.
func (b *builder) expects(list []*table) {
	if len(list) > MaxExpects {
		list[0].problem("", fmt.Sprintf("%d expectations, more than the limit of %d", len(list), MaxExpects), "")
		return
	}
	for _, t := range list {
		t.finish()
		e, ok := b.expectEntry(t)
		if !ok {
			continue
		}
		if err := e.Validate(); err != nil {
			for _, p := range err.(Problems) {
				t.problem(p.Key, p.Msg, p.Hint)
			}
			continue
		}
		if b.expectRefs(t, e) {
			e.Line = t.line("")
			b.sc.Expects = append(b.sc.Expects, e)
		}
	}
}

// expectEntry fills an Expect; a comparison may also be a bare integer,
// meaning "== N".
func (b *builder) expectEntry(t *table) (Expect, bool) {
	var e Expect
	v := reflect.ValueOf(&e).Elem()
	ok := true
	for _, k := range sortedKeys(t.m) {
		i, known := expectField[k]
		if !known {
			ok = false // finish reported it
			continue
		}
		if n, isInt := t.m[k].(int64); isInt && k != "group" && k != "producer" && k != "partition" && k != "metric" {
			v.Field(i).SetString("== " + strconv.FormatInt(n, 10))
			continue
		}
		s, good := t.str(k)
		if !good {
			ok = false
			continue
		}
		v.Field(i).SetString(s)
	}
	return e, ok
}

// expectRefs checks that the expectation's subject was declared.
func (b *builder) expectRefs(t *table, e Expect) bool {
	ok := true
	check := func(key, what, name string, declared map[string]int) {
		if _, found := declared[name]; !found {
			msg, hint := undeclared(what, name, declared)
			t.problem(key, msg, hint)
			ok = false
		}
	}
	switch {
	case e.Group != "":
		check("group", "group", e.Group, b.groupLine)
	case e.Producer != "":
		check("producer", "producer", e.Producer, b.producerLine)
	case e.Partition != "":
		tp, _ := parseTopicPartition(e.Partition)
		if _, found := b.topicLine[tp.Topic]; !found {
			check("partition", "topic", tp.Topic, b.topicLine)
		} else if n := b.finalPartitions[tp.Topic]; tp.Partition >= n {
			t.problem("partition", fmt.Sprintf("partition %s does not exist", e.Partition),
				fmt.Sprintf("topic %s has partitions 0 to %d", tp.Topic, n-1))
			ok = false
		}
	case e.Metric != "":
		ok = b.metricRefs(t, e.Metric)
	}
	return ok
}

// metricRefs checks a metric name against the declared groups, producers
// and partitions.
func (b *builder) metricRefs(t *table, name string) bool {
	ref, err := parseMetric(name, keysOf(b.groupLine), keysOf(b.producerLine))
	if err != nil {
		t.problem("metric", err.Error(), "")
		return false
	}
	if ref.tp.Topic == "" {
		return true
	}
	if n, found := b.finalPartitions[ref.tp.Topic]; !found || ref.tp.Partition >= n {
		t.problem("metric", fmt.Sprintf("metric %q: partition %s does not exist", name, ref.tp), "")
		return false
	}
	return true
}

func keysOf(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
