package ui

import (
	"fmt"
	"os"
	"testing"
)

// TestRealEnginePeek plays a built-in scenario on the real engine and
// prints frames; run with PEEK=1 to look at them.
func TestRealEnginePeek(t *testing.T) {
	if os.Getenv("PEEK") == "" {
		t.Skip("PEEK=1 prints frames")
	}
	name := os.Getenv("SCENARIO")
	if name == "" {
		name = "sandbox"
	}
	d := defaultDeps()
	spec, err := d.source.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	m := newSimScreen(plainStyles(), newSimKeys(newGlobalKeys()), spec, d.start)
	m.SetSize(120, 36)
	if m.fatal != nil {
		t.Fatal(m.fatal)
	}
	for _, at := range []int64{3000, 12000, 30000} {
		m.advanceTo(at)
		m.absorbNew(false)
		m.refresh()
		fmt.Println(m.View())
	}
}
