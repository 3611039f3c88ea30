package scenarios

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"kafkasim/sim"
)

// Scenario is a decoded, validated scenario: everything needed to build a
// simulation, script its faults and judge its outcome.
type Scenario struct {
	Name        string // the file name without .toml: "at-least-once"
	File        string // where it came from, as given to Parse
	Title       string // one line, sanitized
	Description string // Markdown, sanitized
	Seed        uint64 // the default seed
	DurationMs  int64  // virtual time a run lasts
	Config      sim.Config
	Timeline    []sim.Scheduled // in time order; equal times keep file order
	Expects     []Expect
	// Narration is the timeline's say lines with their conditions.
	Narration []Narration
}

// NewSim builds the simulation for one seed and queues the timeline.
func (sc *Scenario) NewSim(seed uint64) (*sim.Sim, error) {
	cfg := sc.Config
	cfg.Seed = seed
	s, err := sim.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SanitizeLine(sc.File), err)
	}
	for _, it := range sc.Timeline {
		if err := s.Schedule(it.AtMs, it.Cmd); err != nil {
			return nil, fmt.Errorf("%s: timeline at %dms (%s): %w", SanitizeLine(sc.File), it.AtMs, it.Cmd.Kind, err)
		}
	}
	return s, nil
}

// Load finds a scenario by built-in name ("at-least-once") or reads it from
// a file path.
func Load(nameOrPath string) (*Scenario, error) {
	if data, err := fs.ReadFile(library, "library/"+nameOrPath+".toml"); err == nil && isName(nameOrPath) {
		return Parse(nameOrPath+".toml", data)
	}
	f, err := os.Open(nameOrPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file and no built-in scenario by that name (built-ins: %s)",
				SanitizeLine(nameOrPath), strings.Join(Names(), ", "))
		}
		return nil, err
	}
	defer f.Close()
	data, err := readLimited(f, MaxFileBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SanitizeLine(nameOrPath), err)
	}
	return Parse(nameOrPath, data)
}

// isName accepts plain built-in names only, so "../x" never reaches the
// embedded file system.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// readLimited reads at most max bytes and fails if there are more.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file is more than the limit of %d bytes", max)
	}
	return data, nil
}

// Names lists the built-in scenarios, sorted.
func Names() []string {
	entries, err := fs.ReadDir(library, "library")
	if err != nil {
		panic("scenarios: embedded library missing: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// BuiltIn parses the whole library, sorted by name. Each call returns fresh
// values. The library is checked by the tests, so a bad built-in is a bug
// and panics.
func BuiltIn() []*Scenario {
	names := Names()
	out := make([]*Scenario, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Go(func() { out[i] = parseBuiltIn(n) }) // independent files: the TOML parse is the cost
	}
	wg.Wait()
	return out
}

func parseBuiltIn(n string) *Scenario {
	data, err := fs.ReadFile(library, "library/"+n+".toml")
	if err != nil {
		panic("scenarios: " + err.Error())
	}
	sc, err := Parse(n+".toml", data)
	if err != nil {
		panic("scenarios: built-in scenario is invalid:\n" + err.Error())
	}
	return sc
}

// nameOf is a file's base name without its extension.
func nameOf(file string) string {
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
