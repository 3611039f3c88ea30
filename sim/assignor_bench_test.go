package sim

import (
	"fmt"
	"testing"
)

// benchGroup is 100 partitions over four topics and ten members; the
// first nine own the assignment they had before the tenth joined, the
// rebalance a sticky assignor spends its time on. With unequal set, every
// other member drops one topic, so the general algorithm runs.
func benchGroup(b *testing.B, unequal bool) (map[string]int, []AssignMember) {
	parts := map[string]int{"clicks": 25, "orders": 25, "payments": 25, "views": 25}
	all := []string{"clicks", "orders", "payments", "views"}
	var members []AssignMember
	for i := range 10 {
		m := AssignMember{ID: fmt.Sprintf("consumer-%02d", i), Topics: all, Generation: 4}
		if unequal && i%2 == 1 {
			m.Topics = all[1:]
		}
		members = append(members, m)
	}
	before, err := Assign(AssignorSticky, parts, members[:9])
	if err != nil {
		b.Fatal(err)
	}
	return parts, withOwned(members, before, 4)
}

func BenchmarkAssignSticky(b *testing.B) {
	parts, members := benchGroup(b, false)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Assign(AssignorSticky, parts, members); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssignStickyUnequal(b *testing.B) {
	parts, members := benchGroup(b, true)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Assign(AssignorSticky, parts, members); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssignCooperativeSticky(b *testing.B) {
	parts, members := benchGroup(b, false)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Assign(AssignorCooperativeSticky, parts, members); err != nil {
			b.Fatal(err)
		}
	}
}
