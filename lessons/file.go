package lessons

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kafkasim/scenarios"
)

// FileKeyPrefix starts the progress key of a lesson read from disk. Built-in
// lessons are keyed by slug, which never holds a colon, so the two never
// share a record.
const FileKeyPrefix = "file:"

// LoadFile reads, parses and validates a lesson file from disk, as
// `kafkasim lesson FILE.md` plays it. The file may have any name; its
// Slug, the key its progress is kept under, is FileKey of its path. A
// scenario named by a relative path is looked for beside the lesson file.
func LoadFile(file string) (*Lesson, error) {
	data, err := readFile(file)
	if err != nil {
		return nil, Errors{{File: scenarios.SanitizeLine(file), Line: 1, Key: "file", Msg: err.Error()}}
	}
	var l *Lesson
	if IsScenarioLesson(file) {
		l, err = parseScenarioLesson(file, data)
	} else {
		l, err = parse(file, data, false)
	}
	if err != nil {
		return nil, err
	}
	l.Slug = FileKey(file)
	if !IsScenarioLesson(file) {
		l.Scenario = besideLesson(file, l.Scenario)
	}
	if l.Challenge.Scenario != "" {
		l.Challenge.Scenario = besideLesson(file, l.Challenge.Scenario)
	}
	if err := Validate(l); err != nil {
		return nil, err
	}
	return l, nil
}

// IsFile reports whether a lesson came from disk rather than the course.
func IsFile(l *Lesson) bool {
	return strings.HasPrefix(l.Slug, FileKeyPrefix)
}

// FileKey is the progress key of a lesson file: a hash of its absolute
// path, so the same file keeps its progress from any working directory and
// a copy elsewhere starts afresh.
func FileKey(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	sum := sha256.Sum256([]byte(abs))
	return FileKeyPrefix + hex.EncodeToString(sum[:8])
}

// readFile reads at most scenarios.MaxFileBytes (and one more, so Parse
// reports the size).
func readFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, scenarios.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	return data, nil
}

// besideLesson resolves a scenario name: a built-in name stays as it is; a
// relative path that exists beside the lesson file is joined to its folder.
func besideLesson(lessonFile, scenario string) string {
	if scenario == "" || slices.Contains(scenarios.Names(), scenario) || filepath.IsAbs(scenario) {
		return scenario
	}
	joined := filepath.Join(filepath.Dir(lessonFile), scenario)
	if _, err := os.Stat(joined); err == nil {
		return joined
	}
	return scenario
}
