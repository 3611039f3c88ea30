package scenarios

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// The catalog reads only the head of each file; it must say what a full
// parse says.
func TestCatalogAgreesWithParse(t *testing.T) {
	full := BuiltIn()
	cat := Catalog()
	if len(cat) != len(full) {
		t.Fatalf("catalog has %d scenarios, the library %d", len(cat), len(full))
	}
	for i, sc := range full {
		want := Entry{Name: sc.Name, Title: sc.Title, Description: sc.Description}
		if cat[i] != want {
			t.Errorf("catalog entry %d = %+v\nwant %+v", i, cat[i], want)
		}
	}
}

// A head cut inside a multi-line string fails to decode on its own, so
// the catalog would parse the whole file instead.
func TestHeadOfStopsAtTheFirstTable(t *testing.T) {
	src := "title = \"x\"\ndescription = '''\n[not a table]\n'''\n\n[cluster]\nbrokers = 3\n"
	if got := string(headOf([]byte(src))); got != "title = \"x\"\ndescription = '''\n" {
		t.Errorf("headOf = %q", got)
	}
	var v map[string]any
	if _, err := toml.Decode(string(headOf([]byte(src))), &v); err == nil {
		t.Error("a head cut inside a multi-line string decoded; the catalog would take it as the whole head")
	}
	if got := string(headOf([]byte("title = \"x\"\n"))); got != "title = \"x\"\n" {
		t.Errorf("headOf without a table = %q", got)
	}
}
