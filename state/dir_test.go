package state

import (
	"path/filepath"
	"testing"
)

func TestDir(t *testing.T) {
	tests := []struct {
		name, xdg, home, want string
	}{
		{"xdg set", "/x/state", "/home/ann", "/x/state/kafkasim"},
		{"xdg empty", "", "/home/ann", "/home/ann/.local/state/kafkasim"},
		{"xdg relative is ignored", "rel/state", "/home/ann", "/home/ann/.local/state/kafkasim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_STATE_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := Dir()
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.FromSlash(tt.want) {
				t.Errorf("Dir() = %q, want %q", got, tt.want)
			}
		})
	}
}
