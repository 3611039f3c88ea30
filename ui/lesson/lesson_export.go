package lesson

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/internal/atomicfile"
	course "kafkasim/lessons"
	"kafkasim/scenarios"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
)

// skeletonPathMsg carries the lesson file name typed at x's prompt.
type skeletonPathMsg struct {
	Path      string
	Overwrite bool // the learner said y to replacing it (the old one is kept as .bak)
}

// skeletonDoneMsg says where the skeleton went, or why it did not.
type skeletonDoneMsg struct {
	Lesson, Scenario string
	Backups          []string
	Err              error
}

// openSkeletonPrompt asks where to write a lesson of the current run: a
// Markdown lesson and, beside it, the run as a scenario file.
func (s *Screen) openSkeletonPrompt() {
	if s.Sim == nil || s.Sim.Run == nil {
		return
	}
	s.Sim.Pause()
	name := strings.TrimSuffix(scenarios.ExportFileName(s.Sim.Spec.Name, s.Sim.Spec.Seed), ".toml") + "-lesson.md"
	s.Sim.Prompt = s.Sim.Prompt.Open("Write a lesson of this run",
		"a lesson file to finish (stops at each fault, a challenge judged now) and the run beside it as FILE.toml",
		name, func(v string) tea.Msg {
			if v == "" {
				return nil
			}
			return skeletonPathMsg{Path: v}
		})
}

// skeletonTo writes the skeleton, first asking before it replaces a file.
func (s *Screen) skeletonTo(msg skeletonPathMsg) tea.Cmd {
	if !strings.HasSuffix(strings.ToLower(msg.Path), ".md") {
		msg.Path += ".md"
	}
	if !msg.Overwrite {
		for _, p := range skeletonFiles(msg.Path) {
			if _, err := os.Lstat(p); err == nil {
				s.confirmSkeletonOverwrite(msg.Path, p)
				return nil
			}
		}
	}
	return s.skeletonCmd(msg.Path)
}

// confirmSkeletonOverwrite asks as the share prompt does: y replaces the
// files (keeping each old one as .bak), another name is tried instead.
func (s *Screen) confirmSkeletonOverwrite(path, existing string) {
	s.Sim.Prompt = s.Sim.Prompt.Open("Replace "+components.Sanitize(existing)+"?",
		"it exists: y and enter replace it (the old file is kept as .bak); or type another file name",
		"", func(v string) tea.Msg {
			switch v {
			case "":
				return nil
			case "y", "Y", "yes":
				return skeletonPathMsg{Path: path, Overwrite: true}
			}
			return skeletonPathMsg{Path: v}
		})
}

// skeletonFiles are the lesson file and its scenario file.
func skeletonFiles(lesson string) [2]string {
	return [2]string{lesson, strings.TrimSuffix(lesson, filepath.Ext(lesson)) + ".toml"}
}

// skeletonCmd builds both files off the UI goroutine, from copies.
func (s *Screen) skeletonCmd(path string) tea.Cmd {
	m := s.Sim
	sc := simrun.ScenarioOf(m.Spec)
	files := skeletonFiles(path)
	in := course.SkeletonRun{Title: s.Lesson.Title, Scenario: filepath.Base(files[1]),
		Timeline: append([]sim.Scheduled(nil), m.Spec.Timeline...), Hand: append([]sim.Applied(nil), m.Hand...),
		Snapshot: m.Run.Snapshot()}
	return func() tea.Msg {
		done := skeletonDoneMsg{Lesson: files[0], Scenario: files[1]}
		e, err := scenarios.ExportRun(sc, sc.Seed, in.Hand)
		if err != nil {
			done.Err = err
			return done
		}
		for i, data := range [][]byte{course.Skeleton(in), e.Data} {
			bak, err := writeKeepingBackup(files[i], data)
			if err != nil {
				done.Err = err
				return done
			}
			if bak != "" {
				done.Backups = append(done.Backups, bak)
			}
		}
		return done
	}
}

// writeKeepingBackup writes data to path atomically; a file already there
// is first copied to path.bak, which it returns.
func writeKeepingBackup(path string, data []byte) (string, error) {
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", atomicfile.Write(path, data, 0o644)
	case err != nil:
		return "", err
	}
	bak := path + ".bak"
	if err := atomicfile.Write(bak, old, 0o644); err != nil {
		return "", err
	}
	return bak, atomicfile.Write(path, data, 0o644)
}

// skeletonDone says where the lesson went and how to play it.
func (s *Screen) skeletonDone(msg skeletonDoneMsg) {
	if msg.Err != nil {
		s.Status = "cannot write the lesson: " + msg.Err.Error()
		return
	}
	s.Status = "wrote " + msg.Lesson + " and " + filepath.Base(msg.Scenario)
	if len(msg.Backups) > 0 {
		s.Status += " (old ones kept as .bak)"
	}
	s.Status += " · finish the TODOs, then kafkasim lesson " + filepath.Base(msg.Lesson)
}
