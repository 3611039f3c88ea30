package sandbox

import (
	"strconv"
	"strings"

	"kafkasim/sim"
)

// formatter is Kafka 3.9's DefaultMessageFormatter, configured by the
// console consumer's --property settings.
type formatter struct {
	printTimestamp, printKey, printValue   bool
	printPartition, printOffset, printHead bool
	keySep, lineSep, headersSep, null      string
}

func newFormatter(props map[string]string) formatter {
	f := formatter{printValue: true, keySep: "\t", lineSep: "\n", headersSep: ",", null: "null"}
	boolProp := func(name string, dst *bool) {
		if v, ok := props[name]; ok {
			*dst = strings.EqualFold(strings.TrimSpace(v), "true")
		}
	}
	boolProp("print.timestamp", &f.printTimestamp)
	boolProp("print.key", &f.printKey)
	boolProp("print.offset", &f.printOffset)
	boolProp("print.partition", &f.printPartition)
	boolProp("print.headers", &f.printHead)
	boolProp("print.value", &f.printValue)
	strProp := func(name string, dst *string) {
		if v, ok := props[name]; ok {
			*dst = v
		}
	}
	strProp("key.separator", &f.keySep)
	strProp("line.separator", &f.lineSep)
	strProp("headers.separator", &f.headersSep)
	strProp("null.literal", &f.null)
	return f
}

// format writes one record: the fields asked for, each followed by the key
// separator when another field comes after it, the value last and then
// the line separator.
func (f formatter) format(partition int, r sim.RecordView, hs []recordHeader) string {
	var b strings.Builder
	sep := func(more bool) {
		if more {
			b.WriteString(f.keySep)
		} else {
			b.WriteString(f.lineSep)
		}
	}
	if f.printTimestamp {
		// TimestampType.CREATE_TIME prints as CreateTime
		b.WriteString("CreateTime:" + strconv.FormatInt(createTimeMs(r), 10))
		sep(f.printOffset || f.printPartition || f.printHead || f.printKey || f.printValue)
	}
	if f.printPartition {
		b.WriteString("Partition:" + strconv.Itoa(partition))
		sep(f.printOffset || f.printHead || f.printKey || f.printValue)
	}
	if f.printOffset {
		b.WriteString("Offset:" + strconv.FormatInt(r.Offset, 10))
		sep(f.printHead || f.printKey || f.printValue)
	}
	if f.printHead {
		b.WriteString(f.formatHeaders(hs))
		sep(f.printKey || f.printValue)
	}
	if f.printKey {
		if r.NullKey {
			b.WriteString(f.null)
		} else {
			b.WriteString(r.Key)
		}
		sep(f.printValue)
	}
	if f.printValue {
		if r.Tombstone {
			b.WriteString(f.null)
		} else {
			b.WriteString(r.Value)
		}
		b.WriteString(f.lineSep)
	}
	return b.String()
}
