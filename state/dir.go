package state

import (
	"errors"
	"os"
	"path/filepath"
)

// AppName is the directory name kafkasim keeps its state under.
const AppName = "kafkasim"

// Dir returns the directory progress files live in:
// $XDG_STATE_HOME/kafkasim when XDG_STATE_HOME is set to an absolute path,
// else ~/.local/state/kafkasim. It does not create the directory; Save does.
func Dir() (string, error) {
	// The XDG spec says relative paths in these variables are invalid and
	// must be ignored.
	if x := os.Getenv("XDG_STATE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, AppName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if home == "" {
		return "", errors.New("state: no home directory and no XDG_STATE_HOME")
	}
	return filepath.Join(home, ".local", "state", AppName), nil
}
