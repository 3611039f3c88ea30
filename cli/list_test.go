package cli

import (
	"strings"
	"testing"

	"kafkasim/scenarios"
)

func TestListNamesEveryScenario(t *testing.T) {
	code, out, errOut := invoke(List)
	if code != 0 || errOut != "" {
		t.Fatalf("code %d err %q", code, errOut)
	}
	for _, n := range scenarios.Names() {
		if !strings.Contains(out, "  "+n+" ") {
			t.Errorf("list lacks scenario %s", n)
		}
	}
	for _, section := range []string{"Lessons", "Scenarios", "Quiz topics"} {
		if !strings.Contains(out, section) {
			t.Errorf("list lacks %s", section)
		}
	}
	if strings.ContainsAny(out, "\x1b\r") {
		t.Errorf("raw control characters in list output")
	}
	if code, _, _ := invoke(List, "extra"); code != 2 {
		t.Errorf("list extra: code %d", code)
	}
}
