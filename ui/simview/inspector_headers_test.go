package simview

import (
	"strings"
	"testing"

	"kafkasim/sim"
)

// TestInspectorShowsLiveHeaders: a live client's record headers are on
// its inspector page, key=value in the order sent; a record without
// headers gets no headers line.
func TestInspectorShowsLiveHeaders(t *testing.T) {
	p := &sim.PartitionView{Topic: "orders", Partition: 0}
	r := &sim.RecordView{Offset: 0, Producer: "checkout", SendN: 1, Key: "k"}
	story := &sim.RecordStory{Headers: []sim.RecordHeader{{Key: "trace", Value: []byte("t0")}, {Key: "empty"}}}
	has := func(s *drillSheet) bool {
		for _, it := range s.items {
			if strings.Contains(it.head, "headers") {
				return strings.Contains(it.head, "trace=t0 empty=")
			}
		}
		return false
	}
	if !has(recordSheet(plainStyles(), p, r, story)) {
		t.Errorf("the headers line is missing or wrong")
	}
	story.Headers = nil
	for _, it := range recordSheet(plainStyles(), p, r, story).items {
		if strings.Contains(it.head, "headers") {
			t.Errorf("a record without headers shows %q", it.head)
		}
	}
}
