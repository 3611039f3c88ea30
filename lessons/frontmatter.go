package lessons

import (
	"strings"
)

// fenceLine is the line that opens and closes a lesson's front matter.
const fenceLine = "+++"

// splitFile cuts a lesson file into its TOML front matter and Markdown body.
// tomlStart is the file line the front matter's first line sits on, so a
// TOML line n is file line n+tomlStart-1; bodyStart is the body's first line.
func splitFile(file string, data []byte) (front, body string, tomlStart, bodyStart int, err *Error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.SplitAfter(text, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\n") != fenceLine {
		return "", "", 0, 0, &Error{File: file, Line: 1, Key: "front matter",
			Msg: "the file does not start with a +++ line", Hint: "put the TOML settings between two lines that read +++"}
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\n") == fenceLine {
			front = strings.Join(lines[1:i], "")
			body = strings.Join(lines[i+1:], "")
			return front, body, 2, i + 2, nil
		}
	}
	return "", "", 0, 0, &Error{File: file, Line: 1, Key: "front matter",
		Msg: "the +++ on line 1 is never closed", Hint: "end the TOML settings with a line that reads +++"}
}
