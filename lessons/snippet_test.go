package lessons

import (
	"strings"
	"testing"
)

// TestSnippetsShowNoLabels: the programs load with their label comments
// taken off the lines shown, and each label names the line it ends.
func TestSnippetsShowNoLabels(t *testing.T) {
	names := SnippetNames()
	if len(names) < 2 {
		t.Fatalf("programs: %v", names)
	}
	for _, n := range names {
		sn, err := LoadSnippet(n)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(sn.Text(), labelMark) {
			t.Errorf("%s shows a label comment", n)
		}
		for label, i := range sn.Labels {
			if strings.TrimSpace(sn.Lines[i]) == "" {
				t.Errorf("%s: label %s marks an empty line", n, label)
			}
		}
	}
	c, _ := LoadSnippet("consumer.py")
	if line := c.Lines[c.Labels["commit"]]; strings.TrimSpace(line) != "consumer.commit(asynchronous=False)" {
		t.Errorf("consumer.py:commit marks %q", line)
	}
}

// TestStopCodeIsChecked: a stop's code must name a program and one of its
// labels, reported at the stop's code key.
func TestStopCodeIsChecked(t *testing.T) {
	for ref, want := range map[string]string{
		"consumer.py:commit": "",
		"nothing.py":         `stop.code: no program "nothing.py"`,
		"consumer.py:flush":  `stop.code: consumer.py has no line labelled "flush"`,
	} {
		src := strings.Replace(minimal, "[[stop]]\nat = \"1s\"", "[[stop]]\nat = \"1s\"\ncode = \""+ref+"\"", 1)
		l, err := Parse("01-x.md", []byte(src))
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", ref, err)
		case want == "" && (l.Stops[0].Code != "consumer.py" || l.Stops[0].CodeLine < 0):
			t.Errorf("%s: stop %+v", ref, l.Stops[0])
		case want != "" && (err == nil || !strings.Contains(err.Error(), "01-x.md:8: "+want)):
			t.Errorf("%s: %v, want %q", ref, err, want)
		}
	}
}
