package lesson

import (
	"strings"

	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// realKafkaBox frames a lesson's "in real Kafka" Markdown: the commands
// and configs that show the same thing on a real cluster, w cells wide.
func realKafkaBox(st *theme.Styles, md string, w int) []string {
	inner := max(w-4, 10) // a border and a space of padding each side
	lines := append([]string{st.Title.Render("In real Kafka (3.9)"), ""}, components.RenderMarkdown(st, md, inner)...)
	box := st.MenuBox.Width(inner + 2).Render(strings.Join(lines, "\n"))
	return strings.Split(box, "\n")
}
