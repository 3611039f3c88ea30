package state

import (
	"fmt"
	"io"
	"os"
)

// readRegular reads path if it is a regular file of at most MaxFileBytes.
// A named pipe would block the read for ever and a link to /dev/zero would
// fill memory, so anything else is refused before it is opened, and the
// open file is checked again in case it was swapped meanwhile.
func readRegular(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, st); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	if err := checkRegular(path, st); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("state: %s is more than %d bytes, too large to be progress: move it away or delete it to reset", path, MaxFileBytes)
	}
	return data, nil
}

func checkRegular(path string, st os.FileInfo) error {
	if st.Mode().IsRegular() {
		if st.Size() > MaxFileBytes {
			return fmt.Errorf("state: %s is %d bytes, too large to be progress: move it away or delete it to reset", path, st.Size())
		}
		return nil
	}
	return fmt.Errorf("state: %s is not a regular file (%s): progress is not read from it or saved to it; remove it to reset", path, kindOf(st.Mode()))
}

func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}
