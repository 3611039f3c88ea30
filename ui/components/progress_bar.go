package components

import (
	"strings"
)

// Bar draws done of total as a bar width cells wide.
func Bar(done, total int64, width int) string {
	if total <= 0 {
		return strings.Repeat("░", width)
	}
	full := int(min(max(done, 0), total) * int64(width) / total)
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// Percent is done of total in whole percent.
func Percent(done, total int64) string {
	if total <= 0 {
		return "100%"
	}
	return Itoa(int(min(max(done, 0), total)*100/total)) + "%"
}
