package quiz

import (
	"io/fs"
	"path"
	"slices"
	"sync"
)

// embedded is the bank compiled into the binary, loaded on first use.
var embedded struct {
	once sync.Once
	qs   []Question
	err  error
}

// Bank returns the embedded question bank, in file order (files sorted by
// name). The error, if any, is an [Errors]; the questions that loaded are
// returned with it. Tests keep the shipped bank free of errors.
func Bank() ([]Question, error) {
	embedded.once.Do(func() {
		embedded.qs, embedded.err = LoadFS(bankFS, "bank")
	})
	out := make([]Question, len(embedded.qs))
	for i, q := range embedded.qs {
		out[i] = q.clone()
	}
	return out, embedded.err
}

// LoadFS loads and validates every *.toml file in dir of fsys, checking ids
// across all of them. It returns the sound questions and, if anything was
// wrong, an [Errors] listing every problem.
func LoadFS(fsys fs.FS, dir string) ([]Question, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	var all []Question
	var errs Errors
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: name, Key: "file", Msg: err.Error()})
			continue
		}
		qs, fileErrs := decodeFile(name, data)
		all = append(all, qs...)
		errs = append(errs, fileErrs...)
	}
	dups := checkUnique(all)
	errs = append(errs, dups...)
	if len(dups) > 0 {
		all = slices.DeleteFunc(all, func(q Question) bool {
			return slices.ContainsFunc(dups, func(e *Error) bool { return e.File == q.File && e.Line == q.Line })
		})
	}
	return all, orNil(errs)
}

// LoadFile loads and validates one bank file's contents; name is used in
// error messages. The error, if any, is an [Errors].
func LoadFile(name string, data []byte) ([]Question, error) {
	qs, errs := decodeFile(name, data)
	errs = append(errs, checkUnique(qs)...)
	return qs, orNil(errs)
}

// LinkedScenarios returns the names of the built-in scenarios the bank's
// questions link to, sorted and without repeats.
func LinkedScenarios() []string {
	qs, _ := Bank()
	var names []string
	for _, q := range qs {
		if q.Scenario != "" {
			names = append(names, q.Scenario)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}
