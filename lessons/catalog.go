package lessons

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
)

// LoadFS parses and validates every *.md file in dir of fsys, sorted by
// number. It reports every problem it finds, not just the first.
func LoadFS(fsys fs.FS, dir string) ([]*Lesson, error) { return loadFS(fsys, dir, true) }

// loadFS is LoadFS, validating against the scenarios when validate is set.
func loadFS(fsys fs.FS, dir string, validate bool) ([]*Lesson, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	parsed := make([]parsedLesson, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		wg.Go(func() { parsed[i] = parseAndValidate(name, data, validate) })
	}
	wg.Wait()
	var (
		out  []*Lesson
		errs Errors
		seen = map[int]string{}
	)
	for i, p := range parsed {
		if p.err != nil {
			errs = append(errs, asErrors(p.err)...)
			continue
		}
		l := p.lesson
		if prev, dup := seen[l.Number]; dup {
			errs = append(errs, &Error{File: names[i], Line: 1, Key: "number",
				Msg: fmt.Sprintf("lesson %d is also %s", l.Number, prev), Hint: "give each lesson its own number"})
			continue
		}
		seen[l.Number] = names[i]
		out = append(out, l)
	}
	if err := orNil(errs); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b *Lesson) int { return a.Number - b.Number })
	return out, nil
}

// parsedLesson is one file's lesson or what is wrong with it.
type parsedLesson struct {
	lesson *Lesson
	err    error
}

// parseAndValidate reads one lesson file, and with validate checks it
// against the scenarios it names. Files are independent, so loadFS reads
// them at once: their TOML parse is most of the time before the first
// screen.
func parseAndValidate(name string, data []byte, validate bool) parsedLesson {
	l, err := Parse(name, data)
	if err == nil && validate {
		err = Validate(l)
	}
	return parsedLesson{lesson: l, err: err}
}

// asErrors flattens an error from Parse or Validate into Errors.
func asErrors(err error) Errors {
	if es, ok := err.(Errors); ok {
		return es
	}
	return Errors{{Key: "lesson", Msg: err.Error()}}
}

var (
	builtinOnce sync.Once
	builtin     []*Lesson
	builtinErr  error
)

// load reads the embedded lessons once. It does not validate them against
// their scenarios: that parses the scenarios too, a third of the time to
// the first screen, and TestBuiltinLessonsValidate does it for content
// that cannot change after the build.
func load() ([]*Lesson, error) {
	builtinOnce.Do(func() { builtin, builtinErr = loadFS(contentFS, contentDir, false) })
	return builtin, builtinErr
}

// All returns the built-in lessons, sorted by number. The lessons are
// shared: do not modify them. Broken embedded content is a build bug caught
// by this package's tests, so All panics on it rather than hide a lesson.
func All() []*Lesson {
	ls, err := load()
	if err != nil {
		panic("lessons: built-in lessons are broken:\n" + err.Error())
	}
	return ls
}

// Get returns the built-in lesson with that number.
func Get(number int) (*Lesson, error) {
	for _, l := range All() {
		if l.Number == number {
			return l, nil
		}
	}
	return nil, fmt.Errorf("no lesson %d (there are %d, numbered from 1)", number, len(All()))
}
