// Package atomicfile writes a whole file or nothing: the data goes to a
// synced temporary file beside the target, which then takes the target's
// name, so a reader (or a crash) never sees half a file.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Write replaces path with data, the new file with permissions perm.
func Write(path string, data []byte, perm os.FileMode) error {
	return write(path, data, perm, os.Rename)
}

// Create writes data to path, which must not exist: a file made there
// meanwhile is not replaced either (a link, unlike a rename, fails on an
// existing name; where links are not offered, it renames).
func Create(path string, data []byte, perm os.FileMode) error {
	if _, err := os.Lstat(path); err == nil {
		return existsError(path)
	}
	return write(path, data, perm, func(tmp, path string) error {
		err := os.Link(tmp, path)
		switch {
		case errors.Is(err, os.ErrExist):
			return existsError(path)
		case err != nil:
			return os.Rename(tmp, path)
		}
		os.Remove(tmp) // the file is in place under its own name
		return nil
	})
}

func existsError(path string) error { return fmt.Errorf("%s exists: not replacing it", path) }

// write fills a temporary file beside path and puts it in place.
func write(path string, data []byte, perm os.FileMode, place func(tmp, path string) error) error {
	dir, base := filepath.Split(path)
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = place(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the new name durable where the platform allows it. Failure
// is ignored: some systems cannot fsync a directory, and the data is
// already safe in the file.
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
