package scenarios

import "testing"

func TestParseComparison(t *testing.T) {
	cases := []struct {
		in    string
		op    string
		n     int64
		holds []int64
		fails []int64
	}{
		{"> 0", ">", 0, []int64{1, 9}, []int64{0, -1}},
		{">= 1", ">=", 1, []int64{1, 2}, []int64{0}},
		{"== 3", "==", 3, []int64{3}, []int64{2, 4}},
		{"!= 0", "!=", 0, []int64{1, -1}, []int64{0}},
		{"< 5", "<", 5, []int64{4}, []int64{5}},
		{"<= 2", "<=", 2, []int64{2, -7}, []int64{3}},
		{"  >=10 ", ">=", 10, []int64{10}, []int64{9}},
		{"7", "==", 7, []int64{7}, []int64{6}},
		{"== -1", "==", -1, []int64{-1}, []int64{0}},
	}
	for _, c := range cases {
		cmp, err := ParseComparison(c.in)
		if err != nil || cmp.Op != c.op || cmp.Value != c.n {
			t.Errorf("ParseComparison(%q) = %+v, %v", c.in, cmp, err)
			continue
		}
		for _, v := range c.holds {
			if !cmp.Holds(v) {
				t.Errorf("%q should hold for %d", c.in, v)
			}
		}
		for _, v := range c.fails {
			if cmp.Holds(v) {
				t.Errorf("%q should not hold for %d", c.in, v)
			}
		}
	}
	for _, bad := range []string{"", ">", "=> 1", "> x", "== 1.5", "= 3", "≥ 1"} {
		if _, err := ParseComparison(bad); err == nil {
			t.Errorf("ParseComparison(%q) accepted", bad)
		}
	}
}
