package quiz

import "embed"

// bankFS holds the question bank: one TOML file per topic.
//
//go:embed bank/*.toml
var bankFS embed.FS
