package sandbox

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"kafkasim/internal/lazyregexp"
	"kafkasim/sim"
)

// --to-datetime and --by-duration, after ConsumerGroupCommand's
// prepareOffsetsToReset: each partition goes to the first offset whose
// timestamp is at or after the target (ListOffsets with
// OffsetSpec.forTimestamp); a partition with no such record falls back to
// its log end offset, with a warning. Record timestamps are CreateTime on
// the sandbox's clock, which starts at 2024-01-01 00:00:00 UTC.

// resetTargetMs works out the target timestamp, or prints the failure.
func (s *Session) resetTargetMs(o *output, p *parsedOpts, scenario string) (int64, bool) {
	nowMs := logEpoch.UnixMilli() + s.run.Sim().Now()
	if scenario == "by-duration" {
		d, err := parseISODuration(p.val("by-duration"))
		if err != nil {
			printGroupError(o, "Executing consumer group command failed due to "+err.Error())
			o.hint("--by-duration takes an ISO-8601 duration: PT10M is ten minutes, PT1H30M an hour and a half, P1D a day")
			return 0, false
		}
		return nowMs - d, true // now.minus(durationParsed)
	}
	ts, err := parseKafkaDateTime(p.val("to-datetime"))
	if err != nil {
		printGroupError(o, "Executing consumer group command failed due to "+err.Error()) // RuntimeException(ParseException).getMessage() is the cause's toString()
		o.hint("--to-datetime takes YYYY-MM-DDTHH:mm:SS.sss, e.g. 2024-01-01T00:00:30.000 (UTC unless it ends in a zone such as +01:00); the sandbox's clock started at 2024-01-01T00:00:00.000")
		return 0, false
	}
	return ts, true
}

// offsetForTimestamp is ListOffsets for a timestamp: the first offset
// whose record is at least that new, -1 when there is none below the
// high watermark.
func (s *Session) offsetForTimestamp(tp sim.TopicPartition, start int64, tsMs int64) int64 {
	from := start
	for {
		recs, next, err := s.run.Sim().Records(tp.Topic, tp.Partition, from, 500, false)
		if err != nil || len(recs) == 0 {
			return -1
		}
		for _, r := range recs {
			if createTimeMs(r) >= tsMs {
				return r.Offset
			}
		}
		from = next
	}
}

// timestampOffset is one partition's reset by time.
func (s *Session) timestampOffset(o *output, tp sim.TopicPartition, start, end, tsMs int64) int64 {
	if off := s.offsetForTimestamp(tp, start, tsMs); off >= 0 {
		return off
	}
	o.line("")
	o.linef("Warn: Partition %d from topic %s is empty. Falling back to latest known offset.", tp.Partition, tp.Topic)
	return end
}

// parseKafkaDateTime is Utils.getDateTime: an ISO-8601 local date and time
// with milliseconds, "Z" added when no zone is given, parsed strictly.
func parseKafkaDateTime(ts string) (int64, error) {
	parts := strings.Split(ts, "T")
	if len(parts) < 2 {
		return 0, fmt.Errorf("java.text.ParseException: Error parsing timestamp. It does not contain a 'T' according to ISO8601 format")
	}
	if second := parts[1]; !strings.ContainsAny(second, "+-Z") {
		ts += "Z"
	}
	for _, layout := range []string{"2006-01-02T15:04:05.000Z07:00", "2006-01-02T15:04:05.000Z07"} {
		if t, err := time.Parse(layout, ts); err == nil {
			return t.UnixMilli(), nil
		}
	}
	return 0, fmt.Errorf("java.text.ParseException: Unparseable date: %q", ts)
}

var isoDuration = lazyregexp.New(`^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$`)

// parseISODuration is java.time.Duration.parse ("PnDTnHnMn.nS", case
// insensitive), in milliseconds.
func parseISODuration(text string) (int64, error) {
	m := isoDuration.FindStringSubmatch(strings.ToUpper(text))
	if m == nil || m[3] == "T" || (m[2] == "" && m[3] == "") {
		return 0, fmt.Errorf("Text cannot be parsed to a Duration")
	}
	num := func(s string) int64 {
		n, _ := strconv.ParseInt(s, 10, 64)
		return n
	}
	ms := num(m[2])*86_400_000 + num(m[4])*3_600_000 + num(m[5])*60_000 + num(m[6])*1000
	if frac := m[7]; frac != "" {
		frac = (frac + "000")[:3]
		f := num(frac)
		if strings.HasPrefix(m[6], "-") {
			f = -f
		}
		ms += f
	}
	if m[1] == "-" {
		ms = -ms
	}
	return ms, nil
}
