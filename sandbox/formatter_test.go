package sandbox

import (
	"testing"

	"kafkasim/sim"
)

func TestFormatterLayout(t *testing.T) {
	rec := sim.RecordView{Offset: 7, Key: "k", Value: "v"}
	null := sim.RecordView{Offset: 8, NullKey: true, Tombstone: true}
	cases := []struct {
		props map[string]string
		r     sim.RecordView
		want  string
	}{
		{nil, rec, "v\n"},
		{map[string]string{"print.key": "true"}, rec, "k\tv\n"},
		{map[string]string{"print.key": "true"}, null, "null\tnull\n"},
		{map[string]string{"print.key": "true", "null.literal": "<none>"}, null, "<none>\t<none>\n"},
		{map[string]string{"print.partition": "true", "print.offset": "true"}, rec, "Partition:2\tOffset:7\tv\n"},
		{map[string]string{"print.partition": "true", "print.offset": "true", "print.key": "true", "key.separator": ","}, rec, "Partition:2,Offset:7,k,v\n"},
		{map[string]string{"print.value": "false", "print.key": "true"}, rec, "k\n"},
		{map[string]string{"print.value": "false", "print.offset": "true"}, rec, "Offset:7\n"},
		{map[string]string{"print.headers": "true"}, rec, "NO_HEADERS\tv\n"},
		{map[string]string{"line.separator": "|"}, rec, "v|"},
		{map[string]string{"print.key": " TRUE "}, rec, "k\tv\n"},
	}
	for _, c := range cases {
		if got := newFormatter(c.props).format(2, c.r, nil); got != c.want {
			t.Errorf("%v: %q, want %q", c.props, got, c.want)
		}
	}
}
