package sim

import (
	"slices"
	"testing"
)

// members lists o's ids in order.
func members(o *openSet) []int32 {
	var out []int32
	o.keepIf(func(id int32) bool { out = append(out, id); return true })
	return out
}

// The set holds what was added less what keepIf dropped, spans only from
// its lowest member on, and a shared copy keeps what it saw while the
// other, made its own, changes.
func TestOpenSetKeepsItsMembers(t *testing.T) {
	var o openSet
	want := []int32{}
	for id := int32(70); id < 1000; id += 7 {
		o.add(id)
		want = append(want, id)
	}
	if got := members(&o); !slices.Equal(got, want) || o.Len() != len(want) {
		t.Fatalf("members %v (Len %d), want %v", got, o.Len(), want)
	}
	shared := o.share()
	o.own()
	o.keepIf(func(id int32) bool { return id >= 500 && id%2 == 0 })
	want = slices.DeleteFunc(want, func(id int32) bool { return id < 500 || id%2 != 0 })
	if got := members(&o); !slices.Equal(got, want) || o.Len() != len(want) {
		t.Fatalf("after keepIf: %v (Len %d), want %v", got, o.Len(), want)
	}
	if o.base != 448 || o.bytes() != 8*((994-448)/64+1) {
		t.Errorf("the set spans from %d over %d bytes: it should start at its lowest member's word", o.base, o.bytes())
	}
	if n := len(members(&shared)); n != shared.Len() || n != (1000-70+6)/7 {
		t.Errorf("the shared copy lost members: %d", n)
	}
	o.keepIf(func(int32) bool { return false })
	o.add(5000)
	if got := members(&o); !slices.Equal(got, []int32{5000}) || o.base != 4992 {
		t.Errorf("emptied and added again: %v from %d", got, o.base)
	}
}
