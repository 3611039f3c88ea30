package components_test

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

func styles(p termenv.Profile) *theme.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(true)
	st := theme.NewStyles(r)
	return &st
}

// TestMarkdownLayout: the layout the lessons rely on, without colour:
// headings keep their hashes, items hang under their first word, code is
// two cells in and a long code line goes on below rather than being cut,
// a link shows its address, prose such as <name> is kept.
func TestMarkdownLayout(t *testing.T) {
	src := "## Acks\n\nThe *leader* replies with `acks=all` once every in-sync replica has it.\n\n" +
		"- **acks=0**: no reply at all, so a record can vanish unseen.\n  - nested item\n" +
		"- two\n\n3. third item wraps under its word\n4. fourth\n\n" +
		"```sh\nkafka-topics.sh --bootstrap-server localhost:9092 --describe\n\n  --topic t\n```\n\n" +
		"> quoted\n\nSee [the docs](https://kafka.apache.org) for connect-<name>.\n\n---\n"
	want := []string{
		"## Acks",
		"",
		"The leader replies with acks=all once",
		"every in-sync replica has it.",
		"",
		"• acks=0: no reply at all, so a record",
		"  can vanish unseen.",
		"  • nested item",
		"• two",
		"",
		"3. third item wraps under its word",
		"4. fourth",
		"",
		"  kafka-topics.sh --bootstrap-server",
		"    localhost:9092 --describe",
		"",
		"    --topic t",
		"",
		"| quoted",
		"",
		"See the docs https://kafka.apache.org",
		"for connect-<name>.",
		"",
		"--------",
	}
	got := components.RenderMarkdown(styles(termenv.Ascii), src, 40)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMarkdownColourSameLayout: colour changes the look of words, never
// where lines break; each line closes its own styles.
func TestMarkdownColourSameLayout(t *testing.T) {
	src := "## A heading\n\nSome **bold text that is long enough to wrap** and `code` and *em*.\n\n- item `one`\n"
	plain := components.RenderMarkdown(styles(termenv.Ascii), src, 24)
	coloured := components.RenderMarkdown(styles(termenv.TrueColor), src, 24)
	if len(plain) != len(coloured) {
		t.Fatalf("%d plain lines, %d coloured", len(plain), len(coloured))
	}
	for i := range plain {
		if ansi.Strip(coloured[i]) != plain[i] {
			t.Errorf("line %d: %q coloured, %q plain", i, ansi.Strip(coloured[i]), plain[i])
		}
		if j := strings.LastIndex(coloured[i], "\x1b["); j >= 0 && !strings.HasPrefix(coloured[i][j:], "\x1b[0m") {
			t.Errorf("line %d leaves a style open: %q", i, coloured[i])
		}
	}
	if !strings.Contains(coloured[0], "\x1b[1;") {
		t.Errorf("heading not bold: %q", coloured[0])
	}
}
