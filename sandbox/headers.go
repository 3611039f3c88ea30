package sandbox

import (
	"fmt"
	"regexp"
	"strings"

	"kafkasim/sim"
)

// The engine's records carry a key and a value; record headers live here,
// beside them. The console producer (parse.headers=true) stores a
// record's headers under its topic id, partition and offset once the
// broker has acknowledged it, and the console consumer's
// DefaultMessageFormatter prints them (print.headers=true). Offsets are
// deterministic, so a run stepped back and replayed finds them again.

// recordHeader is one header; a nil value is Kafka's null header value.
type recordHeader struct {
	key   string
	value *string
}

func headerSlot(topicID string, partition int, offset int64) string {
	return fmt.Sprintf("%s/%d/%d", topicID, partition, offset)
}

// rememberHeaders stores the headers of a record the broker acknowledged.
func (s *Session) rememberHeaders(topic string, partition int, offset int64, hs []recordHeader) {
	if len(hs) == 0 {
		return
	}
	t, ok := s.topicView(topic)
	if !ok {
		return
	}
	if s.headers == nil {
		s.headers = map[string][]recordHeader{}
	}
	s.headers[headerSlot(t.ID, partition, offset)] = hs
}

// headersOf returns a record's headers, none when it was sent without.
func (s *Session) headersOf(topic string, partition int, offset int64) []recordHeader {
	t, ok := s.topicView(topic)
	if !ok {
		return nil
	}
	return s.headers[headerSlot(t.ID, partition, offset)]
}

// headerSettings are LineMessageReader's header properties.
type headerSettings struct {
	parse                  bool
	delimiter, sep, keySep string
	separatorPattern       *regexp.Regexp
}

// configureHeaders reads parse.headers, headers.delimiter,
// headers.separator and headers.key.separator, with LineMessageReader's
// checks that no two of them are equal.
func configureHeaders(props map[string]string, keySep string, nullMarker *string) (headerSettings, string) {
	h := headerSettings{delimiter: "\t", sep: ",", keySep: ":"}
	if v, ok := props["parse.headers"]; ok {
		h.parse = strings.EqualFold(strings.TrimSpace(v), "true")
	}
	if v, ok := props["headers.delimiter"]; ok {
		h.delimiter = v
	}
	if v, ok := props["headers.separator"]; ok {
		h.sep = v
	}
	if v, ok := props["headers.key.separator"]; ok {
		h.keySep = v
	}
	pattern, err := regexp.Compile(h.sep) // Pattern.compile(headersSeparator)
	if err != nil {
		return h, fmt.Sprintf("java.util.regex.PatternSyntaxException: %v", err)
	}
	h.separatorPattern = pattern
	switch {
	case h.delimiter == h.sep:
		return h, "org.apache.kafka.common.KafkaException: headers.delimiter and headers.separator may not be equal"
	case h.delimiter == h.keySep:
		return h, "org.apache.kafka.common.KafkaException: headers.delimiter and headers.key.separator may not be equal"
	case h.sep == h.keySep:
		return h, "org.apache.kafka.common.KafkaException: headers.separator and headers.key.separator may not be equal"
	}
	if nullMarker != nil {
		switch *nullMarker {
		case keySep:
			return h, "org.apache.kafka.common.KafkaException: null.marker and key.separator may not be equal"
		case h.sep:
			return h, "org.apache.kafka.common.KafkaException: null.marker and headers.separator may not be equal"
		case h.delimiter:
			return h, "org.apache.kafka.common.KafkaException: null.marker and headers.delimiter may not be equal"
		case h.keySep:
			return h, "org.apache.kafka.common.KafkaException: null.marker and headers.key.separator may not be equal"
		}
	}
	return h, ""
}

// splitHeaders is LineMessageReader.splitHeaders: pairs split by the
// separator pattern, each key and value split at the key separator, the
// null marker standing for a null value. With ignore.error a pair without
// a key separator becomes a key with a null value.
func (h headerSettings) splitHeaders(text string, lineNo int, ignoreError bool, nullMarker *string) ([]recordHeader, string) {
	var out []recordHeader
	for _, pair := range javaSplit(h.separatorPattern, text) {
		i := strings.Index(pair, h.keySep)
		if i < 0 {
			if !ignoreError {
				return nil, fmt.Sprintf("org.apache.kafka.common.KafkaException: No header key separator found in pair '%s' on line number %d", pair, lineNo)
			}
			out = append(out, recordHeader{key: pair})
			continue
		}
		key, value := pair[:i], pair[i+len(h.keySep):]
		if nullMarker != nil && key == *nullMarker {
			return nil, fmt.Sprintf("org.apache.kafka.common.KafkaException: Header keys should not be equal to the null marker '%s' as they can't be null", *nullMarker)
		}
		hdr := recordHeader{key: key, value: &value}
		if nullMarker != nil && value == *nullMarker {
			hdr.value = nil
		}
		out = append(out, hdr)
	}
	return out, ""
}

// javaSplit is Pattern.split(input): like strings.Split, but trailing
// empty strings are removed.
func javaSplit(re *regexp.Regexp, s string) []string {
	parts := re.Split(s, -1)
	for len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// formatHeaders is DefaultMessageFormatter's headers field: key:value
// pairs joined by headers.separator, a null value as null.literal,
// NO_HEADERS when there are none.
func (f formatter) formatHeaders(hs []recordHeader) string {
	if len(hs) == 0 {
		return "NO_HEADERS"
	}
	parts := make([]string, len(hs))
	for i, h := range hs {
		v := f.null
		if h.value != nil {
			v = *h.value
		}
		parts[i] = h.key + ":" + v
	}
	return strings.Join(parts, f.headersSep)
}

// createTimeMs is a record's CreateTime as a Unix epoch: the sandbox's
// clock starts at 2024-01-01 00:00:00 UTC, as its log lines do.
func createTimeMs(r sim.RecordView) int64 { return logEpoch.UnixMilli() + r.TimestampMs }
