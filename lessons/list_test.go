package lessons

import (
	"slices"
	"testing"
	"testing/fstest"
)

// The list read from the files' heads is the list the full parse gives.
func TestListAgreesWithParse(t *testing.T) {
	heads, ok := listHeads(contentFS, contentDir)
	if !ok {
		t.Fatal("the built-in lessons' heads should read alone")
	}
	var full []ListEntry
	for _, l := range All() {
		full = append(full, ListEntry{Number: l.Number, Slug: l.Slug, Title: l.Title, Summary: l.Summary})
	}
	if !slices.Equal(heads, full) {
		t.Errorf("from the heads:\n%v\nfrom the full parse:\n%v", heads, full)
	}
	if !slices.Equal(List(), full) {
		t.Error("List should give the full parse's entries")
	}
}

// A head that does not read alone (a table before the title, a string
// cut by a line that looks like a table) sends List to the full parse.
func TestListHeadsFallBack(t *testing.T) {
	for name, file := range map[string]string{
		"table first":  "+++\n[[stop]]\nat = \"1s\"\nnumber = 1\ntitle = \"T\"\nsummary = \"S\"\n+++\nbody\n",
		"cut string":   "+++\nnumber = 1\ntitle = '''\n[x]\n'''\nsummary = \"S\"\n+++\nbody\n",
		"no summary":   "+++\nnumber = 1\ntitle = \"T\"\n+++\nbody\n",
		"no front":     "number = 1\n",
		"out of order": "",
	} {
		fsys := fstest.MapFS{"c/01-a.md": {Data: []byte(file)}}
		if name == "out of order" {
			fsys = fstest.MapFS{
				"c/01-a.md": {Data: []byte("+++\nnumber = 2\ntitle = \"A\"\nsummary = \"S\"\n+++\n")},
				"c/02-b.md": {Data: []byte("+++\nnumber = 1\ntitle = \"B\"\nsummary = \"S\"\n+++\n")},
			}
		}
		if _, ok := listHeads(fsys, "c"); ok {
			t.Errorf("%s: the heads should not be trusted", name)
		}
	}
	good := fstest.MapFS{"c/03-x-y.md": {Data: []byte("+++\r\nnumber = 3\r\ntitle = \"X\"\r\nsummary = \"Y\"\r\n[[stop]]\r\n+++\r\n")}}
	if got, ok := listHeads(good, "c"); !ok || len(got) != 1 || got[0] != (ListEntry{Number: 3, Slug: "x-y", Title: "X", Summary: "Y"}) {
		t.Errorf("a good head: %v %v", got, ok)
	}
}
