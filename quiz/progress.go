package quiz

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"kafkasim/state"
)

// progressFile is the file name inside the state directory.
const progressFile = "quiz.json"

// progressVersion is the format written; files of another version are
// treated as unreadable (and kept as a .bak) rather than guessed at.
const progressVersion = 1

// Progress is what the quiz remembers between runs: right and wrong counts
// per topic tag, and the best score for each kind of quiz ([Session.Key]).
type Progress struct {
	Version int              `json:"version"`
	Quizzes int              `json:"quizzes"` // finished quizzes
	Topics  map[string]Tally `json:"topics"`
	Best    map[string]Best  `json:"best"`
}

// Best is the best finished quiz of one kind.
type Best struct {
	Right   int `json:"right"`
	Total   int `json:"total"`
	Percent int `json:"percent"`
}

// NewProgress returns empty progress.
func NewProgress() *Progress {
	return &Progress{Version: progressVersion, Topics: map[string]Tally{}, Best: map[string]Best{}}
}

// UnmarshalJSON rejects files that parse but make no sense, so that they
// take the damaged-file path (backup, warning, fresh start).
func (p *Progress) UnmarshalJSON(data []byte) error {
	type plain Progress // no methods: avoids recursion
	var v plain
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	if v.Version != progressVersion {
		return fmt.Errorf("unsupported version %d (want %d)", v.Version, progressVersion)
	}
	if v.Quizzes < 0 {
		return errors.New("negative quiz count")
	}
	for topic, t := range v.Topics {
		if t.Right < 0 || t.Wrong < 0 {
			return fmt.Errorf("negative count for topic %q", topic)
		}
	}
	for key, b := range v.Best {
		if b.Right < 0 || b.Total < b.Right || b.Percent < 0 || b.Percent > 100 {
			return fmt.Errorf("impossible best score for %q", key)
		}
	}
	*p = Progress(v)
	if p.Topics == nil {
		p.Topics = map[string]Tally{}
	}
	if p.Best == nil {
		p.Best = map[string]Best{}
	}
	return nil
}

// Record adds a session's answers to the per-topic counts and, for a
// finished quiz, updates its best score. It reports whether the finished
// quiz set a new best.
func (p *Progress) Record(s *Session) (newBest bool) {
	if p.Topics == nil {
		p.Topics = map[string]Tally{}
	}
	if p.Best == nil {
		p.Best = map[string]Best{}
	}
	score := s.Score()
	for _, ts := range score.ByTopic {
		t := p.Topics[ts.Topic]
		t.Right += ts.Right
		t.Wrong += ts.Wrong
		p.Topics[ts.Topic] = t
	}
	if !s.Done() || score.Overall.Total() == 0 {
		return false
	}
	p.Quizzes++
	b := Best{Right: score.Overall.Right, Total: score.Overall.Total(), Percent: score.Overall.Percent()}
	old, seen := p.Best[s.Key()]
	// Higher percent wins; on a tie, the longer quiz.
	if !seen || b.Percent > old.Percent || (b.Percent == old.Percent && b.Total > old.Total) {
		p.Best[s.Key()] = b
		return true
	}
	return false
}

// WeakTopics returns up to n topic tags with the worst saved record, worst
// first: lowest percent right, then most wrong answers. Only topics with
// answers count; within, if non-empty, limits the choice.
func WeakTopics(p *Progress, within []string, n int) []string {
	if p == nil {
		return nil
	}
	type cand struct {
		topic string
		t     Tally
	}
	var cands []cand
	for _, topic := range topicTags {
		t, ok := p.Topics[topic]
		if !ok || t.Total() == 0 || (len(within) > 0 && !slices.Contains(within, topic)) {
			continue
		}
		cands = append(cands, cand{topic, t})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.t.Percent(), b.t.Percent()), cmp.Compare(b.t.Wrong, a.t.Wrong))
	})
	var out []string
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, c.topic)
	}
	return out
}

// Store reads and writes progress in one directory.
type Store struct {
	dir string
	// blocked is set when the file on disk could not be read or backed up:
	// saving over it would destroy the only copy.
	blocked error
}

// NewStore keeps progress in dir (tests pass t.TempDir()).
func NewStore(dir string) *Store { return &Store{dir: dir} }

// DefaultStore keeps progress in the user's state directory:
// $XDG_STATE_HOME/kafkasim, else ~/.local/state/kafkasim.
func DefaultStore() (*Store, error) {
	dir, err := state.Dir()
	if err != nil {
		return nil, err
	}
	return NewStore(dir), nil
}

// Path is the progress file's path.
func (s *Store) Path() string { return filepath.Join(s.dir, progressFile) }

// Load reads saved progress. It always returns usable progress: a missing
// file gives fresh progress and no error; a damaged or unreadable one
// gives fresh progress and an error that is only a warning to show (a
// damaged file is first copied to quiz.json.bak).
func (s *Store) Load() (*Progress, error) {
	p := NewProgress()
	warning, err := state.Load(s.dir, progressFile, p)
	switch {
	case err != nil:
		s.blocked = fmt.Errorf("progress was not saved: %s could not be read earlier (%v)", s.Path(), err)
		return NewProgress(), fmt.Errorf("could not read quiz progress, starting fresh: %w", err)
	case warning != nil:
		if !state.SafeToSave(warning) {
			s.blocked = fmt.Errorf("progress was not saved: %s is damaged and no backup could be made; move it away or delete it to reset", s.Path())
		}
		return NewProgress(), warning
	}
	return p, nil
}

// Save writes progress atomically (temporary file, fsync, rename). It
// refuses to replace a file that Load could neither read nor back up.
func (s *Store) Save(p *Progress) error {
	if s.blocked != nil {
		return s.blocked
	}
	p.Version = progressVersion
	return state.Save(s.dir, progressFile, p)
}
