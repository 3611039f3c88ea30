package scenarios

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Every built-in scenario has its summary pinned: the digest of its whole
// event stream, the producers' and groups' outcomes and its expectations,
// at its own seed. A change in what any built-in does shows up here as a
// diff, and in review as the outcome it changed. Full text traces (each
// event's wording) are pinned only for the two in goldenScenarios: those of
// all built-ins come to over 20 MB, and the digest already covers every
// event's facts. Update deliberately (go test ./scenarios -run Golden
// -update) and say in the commit what changed and why.
func TestGoldenBuiltInSummaries(t *testing.T) {
	var all bytes.Buffer
	for _, name := range Names() {
		sc, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Run(sc, RunOptions{Quiet: true}, &all); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		all.WriteString("\n")
	}
	path := filepath.Join("testdata", "golden", "builtin-summaries.golden")
	if *update {
		if err := os.WriteFile(path, all.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(all.Bytes(), want) {
		t.Errorf("a built-in's summary differs from %s (run with -update if the change is intended):\n%s",
			path, firstDiff(string(want), all.String()))
	}
}
