package ui

import (
	"kafkasim/scenarios"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simrun"
)

// defaultDeps wire the screens to the real scenarios and engine.
func defaultDeps() deps {
	return deps{source: scenarioLibrary{}, start: simrun.New, shells: cmdline.SandboxShells()}
}

// scenarioLibrary reads scenarios through package scenarios.
type scenarioLibrary struct{}

// BuiltIn lists the built-in scenarios.
func (scenarioLibrary) BuiltIn() []nav.ScenarioEntry {
	var out []nav.ScenarioEntry
	for _, s := range scenarios.Catalog() {
		out = append(out, nav.ScenarioEntry{Name: s.Name, Title: s.Title, Description: components.FirstLine(s.Description),
			About: components.FirstParagraph(s.Description)})
	}
	return out
}

// Load reads a built-in scenario by name or a file by path.
func (scenarioLibrary) Load(nameOrPath string) (simrun.Spec, error) {
	if nameOrPath == "sandbox" {
		return cmdline.SandboxSpec(0), nil
	}
	s, err := scenarios.Load(nameOrPath)
	if err != nil {
		return simrun.Spec{}, err
	}
	return simrun.FromScenario(s), nil
}
