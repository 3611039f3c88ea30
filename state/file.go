package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"kafkasim/internal/atomicfile"
)

// BackupSuffix is appended to a damaged file's name when Load keeps a copy.
const BackupSuffix = ".bak"

// MaxFileBytes is the largest state file Load reads: progress is a few
// kilobytes, so anything near this is not a progress file.
const MaxFileBytes = 1 << 20

// Load reads dir/name as JSON into v, which must be a non-nil pointer.
//
// A missing file is not a problem: v is left as it is (the caller's fresh
// value) and both results are nil. A file that is not valid JSON for v is
// copied to dir/name.bak, v is left untouched, and warning says what
// happened; err stays nil so the caller carries on with fresh progress.
// err is reserved for a bad argument or a file that cannot be read at all.
func Load(dir, name string, v any) (warning error, err error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, fmt.Errorf("state: Load needs a non-nil pointer, got %T", v)
	}
	path := filepath.Join(dir, name)
	data, err := readRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Decode into a scratch value so a half-decoded file never leaks into v.
	fresh := reflect.New(rv.Elem().Type())
	if derr := json.Unmarshal(data, fresh.Interface()); derr != nil {
		return corrupt(path, data, derr), nil
	}
	rv.Elem().Set(fresh.Elem())
	return nil, nil
}

// Damaged is the warning Load gives for a file it could not decode.
type Damaged struct {
	Path      string
	Cause     error
	Backup    string // where the copy is, or was to be
	BackupErr error  // why the copy could not be made, nil when it was
}

func (d *Damaged) Error() string {
	if d.BackupErr != nil {
		return fmt.Sprintf("state: %s is damaged (%v) and could not be backed up (%v): starting fresh without saving over it; move it away or delete it to reset",
			d.Path, d.Cause, d.BackupErr)
	}
	return fmt.Sprintf("state: %s is damaged (%v); kept a copy in %s and started fresh (delete %s to reset)",
		d.Path, d.Cause, d.Backup, d.Path)
}

// BackedUp reports whether the damaged file was copied, so that saving
// over it loses nothing. A caller must not save over a file that was not.
func (d *Damaged) BackedUp() bool { return d.BackupErr == nil }

// SafeToSave reports whether a warning from Load leaves the file safe to
// overwrite: no warning, or a damaged file that was backed up.
func SafeToSave(warning error) bool {
	var d *Damaged
	return warning == nil || errors.As(warning, &d) && d.BackedUp()
}

// corrupt keeps a copy of a damaged file and describes it as a warning.
func corrupt(path string, data []byte, cause error) error {
	bak := path + BackupSuffix
	return &Damaged{Path: path, Cause: cause, Backup: bak, BackupErr: atomicfile.Write(bak, data, 0o600)}
}

// Save writes v as indented JSON to dir/name, creating dir if needed. The
// write is atomic: a temporary file in the same directory is written,
// synced and renamed over the old one.
func Save(dir, name string, v any) error {
	if err := checkName(name); err != nil {
		return err
	}
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("state: encoding %s: %w", name, err)
	}
	data = append(data, '\n')
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, name), data, 0o600); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return nil
}

// checkName rejects names that would escape the state directory.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." ||
		strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, BackupSuffix) {
		return fmt.Errorf("state: bad file name %q (want a plain name like \"lessons.json\")", name)
	}
	return nil
}
