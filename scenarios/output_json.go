package scenarios

import (
	"bufio"
	"sort"
	"strconv"
	"unicode/utf8"

	"kafkasim/sim"
)

// JSON Lines output, written by hand so the key order is fixed: "t",
// "type", the event's facts, "why".

// jsonObj appends "key":value pairs to one object.
type jsonObj struct {
	b     []byte
	first bool
}

func openObj(b []byte) jsonObj { return jsonObj{b: append(b, '{'), first: true} }

// key writes a key the code chose (a literal or a jsonNames entry), which
// needs no escaping; raw takes keys from the scenario, such as producer
// ids, and escapes them.
func (o *jsonObj) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
}

func (o *jsonObj) str(k, v string) { o.key(k); o.b = appendJSONString(o.b, v) }
func (o *jsonObj) num(k string, v int64) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, v, 10)
}
func (o *jsonObj) raw(k string, v []byte) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = append(appendJSONString(o.b, k), ':')
	o.b = append(o.b, v...)
}
func (o *jsonObj) close() []byte { return append(o.b, '}') }

// appendJSONString writes s as a JSON string. Text is sanitized first, so
// only quotes, backslashes, newlines and tabs need escaping here.
func appendJSONString(b []byte, s string) []byte {
	if jsonPlain(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	b = append(b, '"')
	return append(appendJSONEscaped(b, Sanitize(s)), '"')
}

// appendJSONEscaped writes sanitized text with JSON's escapes.
func appendJSONEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, `\u00`...)
			b = append(b, hex2(c)...)
		case c < utf8.RuneSelf:
			b = append(b, c)
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			b = append(b, s[i:i+size]...)
			i += size
			continue
		}
		i++
	}
	return b
}

// jsonPlain is the fast path: one-line text that Sanitize keeps as it is
// ("→" and "—" included) and that has no quote or backslash is copied.
func jsonPlain(s string) bool { return plain(s, true, true) }

// jsonPlainBytes is jsonPlain for text already written to a buffer.
func jsonPlainBytes(b []byte) bool { return plain(b, true, true) }

// appendEventJSON writes one event and its non-zero facts as a line, each
// under its name for the event's type (output_json_names.go). The
// partition and the offset field are written whenever the event names a
// partition, since 0 is a real partition and a real offset.
func appendEventJSON(b []byte, e sim.Event) []byte {
	n := namesFor(&e)
	o := openObj(b)
	o.num("t", e.AtMs)
	o.str("type", string(e.Type))
	nonZero := func(k string, v int64) {
		if v != 0 {
			o.num(k, v)
		}
	}
	nonEmpty := func(k, v string) {
		if v != "" {
			o.str(k, v)
		}
	}
	nonZero("broker", int64(e.Broker))
	nonZero(n.broker2, int64(e.Broker2))
	nonEmpty("topic", e.Topic)
	if e.Topic != "" && !n.topicLevel {
		o.num("partition", int64(e.Partition))
	}
	if e.Topic != "" && !n.topicLevel && !n.offsetUnused {
		o.num(n.offset, e.Offset)
	} else {
		nonZero(n.offset, e.Offset)
	}
	if n.sequenced {
		o.num(n.firstSeq, int64(e.FirstSeq))
	} else {
		nonZero(n.firstSeq, int64(e.FirstSeq))
	}
	if n.behindKept {
		o.num("records_behind", int64(e.RecordsBehind))
	} else {
		nonZero("records_behind", int64(e.RecordsBehind))
	}
	nonEmpty("producer", e.Producer)
	nonEmpty("group", e.Group)
	nonEmpty("member", e.Member)
	nonZero(n.endOffset, e.EndOffset)
	nonZero(n.count, int64(e.Count))
	nonZero(n.epoch, int64(e.Epoch))
	nonZero("generation", int64(e.Gen))
	appendNamedFacts(nonZero, n, e)
	nonEmpty("error", e.Err)
	if e.Unaware {
		o.key("unaware")
		o.b = append(o.b, "true"...)
	}
	nonEmpty("reason", string(e.Reason))
	nonEmpty(n.text, e.Text)
	o.key("why")
	o.b = appendWhyJSON(o.b, &e)
	return append(o.close(), '\n')
}

// appendWhyJSON writes the event's why as a JSON string, straight into b:
// only a sentence holding a quote, a backslash or text Sanitize would
// change takes the escaping path.
func appendWhyJSON(b []byte, e *sim.Event) []byte {
	b = append(b, '"')
	at := len(b)
	b = e.AppendWhy(b)
	if !jsonPlainBytes(b[at:]) {
		why := string(b[at:])
		b = appendJSONEscaped(b[:at], Sanitize(why))
	}
	return append(b, '"')
}

// appendNamedFacts writes the facts only some types carry, in the order
// of sim.Event's fields.
func appendNamedFacts(nonZero func(string, int64), n jsonNames, e sim.Event) {
	nonZero(n.duration, e.DurationMs)
	nonZero(n.timeout, e.TimeoutMs)
	nonZero(n.delay, e.DelayMs)
	nonZero("producer_id", e.ProducerID)
	nonZero(n.attempt, int64(e.Attempt))
	nonZero("acks", int64(e.Acks))
	nonZero("replication_factor", int64(e.ReplicationFactor))
	nonZero("min_insync_replicas", int64(e.MinISR))
	nonZero("voters", int64(e.Voters))
	nonZero("first_voter", int64(e.FirstVoter))
	nonZero("from_partitions", int64(e.PrevPartitions))
	nonZero(n.partitions, int64(e.Partitions))
	nonZero("last_sequence", int64(e.LastSeq))
	nonZero("duplicates", int64(e.Duplicates))
	nonZero("tombstones_removed", int64(e.Tombstones))
	nonZero("output_records", int64(e.OutputRecords))
	nonZero("transaction", int64(e.Txn))
	nonZero("group_generation", int64(e.GroupGen))
	nonZero("records_skipped", int64(e.RecordsSkipped))
	nonZero("partitions_added", int64(e.PartitionsAdded))
	nonZero("offsets_partition", int64(e.OffsetsPartition))
	flag := func(k string, v bool) {
		if v {
			nonZero(k, 1)
		}
	}
	flag("still_member", e.StillMember)
	flag("new_instance", e.NewInstance)
	flag("crashed_instance", e.CrashedInstance)
	flag("member_removed", e.MemberRemoved)
	flag("reset_by_policy", e.NoResetPolicy)
}

// writeJSONSummary writes the closing {"type": "summary", ...} line.
func writeJSONSummary(w *bufio.Writer, sc *Scenario, r Result) {
	o := openObj(nil)
	o.str("type", "summary")
	o.num("v", JSONFormatVersion)
	o.str("scenario", sc.Name)
	o.key("seed")
	o.b = strconv.AppendUint(o.b, r.Seed, 10)
	o.num("end_ms", r.EndMs)
	o.str("digest", r.Digest)

	led := r.Snapshot.Ledger
	prods := append([]sim.ProducerLedger{}, led.Producers...)
	sort.Slice(prods, func(i, j int) bool { return prods[i].ID < prods[j].ID })
	po := openObj(nil)
	for _, p := range prods {
		c := openObj(nil)
		c.num("sent", int64(p.Sent))
		c.num("acked", int64(p.Acked))
		c.num("failed", int64(p.Failed))
		c.num("in_flight", int64(p.InFlight))
		po.raw(p.ID, c.close())
	}
	o.raw("producers", po.close())

	groups := append([]sim.GroupLedger{}, led.Groups...)
	sort.Slice(groups, func(i, j int) bool { return groups[i].ID < groups[j].ID })
	gro := openObj(nil)
	for _, g := range groups {
		c := openObj(nil)
		c.num("processed", int64(g.Processed))
		c.num("exactly_once", int64(g.ExactlyOnce))
		c.num("duplicated", int64(g.Duplicated))
		c.num("lost", int64(g.Lost))
		c.num("skipped", int64(g.Skipped))
		c.num("pending", int64(g.Pending))
		gro.raw(g.ID, c.close())
	}
	o.raw("groups", gro.close())
	o.num("log_duplicates", int64(led.LogDuplicates))

	eo := openObj(nil)
	eo.num("passed", int64(r.Passed))
	eo.num("failed", int64(r.Failed))
	details := []byte{'['}
	for i, c := range r.Checks {
		if i > 0 {
			details = append(details, ',')
		}
		d := openObj(details)
		d.key("ok")
		d.b = strconv.AppendBool(d.b, c.OK)
		d.num("line", int64(c.Line))
		d.str("detail", c.Detail)
		details = d.close()
	}
	eo.raw("details", append(details, ']'))
	o.raw("expectations", eo.close())
	w.Write(append(o.close(), '\n'))
}
