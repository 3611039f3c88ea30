package javahash

import "testing"

func TestStringHash(t *testing.T) {
	// "...".hashCode() as Java computes it. The emoji is U+1F600, the UTF-16
	// pair D83D DE00: 31*0xD83D + 0xDE00 = 1772899.
	cases := map[string]int32{"": 0, "a": 97, "orders": -1008770331, "my_first_topic": -1725003571,
		"héllo😀": 291564465, "😀": 1772899}
	for s, want := range cases {
		if got := StringHash(s); got != want {
			t.Errorf("StringHash(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCompareUsesUTF16Order(t *testing.T) {
	// U+FF21 (fullwidth A) is one unit 0xFF21; U+1F600 starts with 0xD83D,
	// so Java puts the emoji first although its UTF-8 bytes sort last.
	if Compare("😀", "Ａ") >= 0 {
		t.Error(`"😀".compareTo("Ａ") should be negative, as in Java`)
	}
	if Compare("a", "b") >= 0 || Compare("b", "a") <= 0 || Compare("ab", "ab") != 0 || Compare("a", "ab") >= 0 {
		t.Error("Compare disagrees with String.compareTo on ASCII")
	}
}

func TestAbsOfMinValue(t *testing.T) {
	if Abs(-2147483648) != 0 || Abs(-5) != 5 || Abs(7) != 7 {
		t.Error("Utils.abs maps Integer.MIN_VALUE to 0 and is Math.abs otherwise")
	}
}
