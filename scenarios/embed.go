package scenarios

import "embed"

// library holds the built-in scenarios, one TOML file each.
//
//go:embed library/*.toml
var library embed.FS
