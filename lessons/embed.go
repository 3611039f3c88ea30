package lessons

import "embed"

// contentFS holds the built-in lessons, one Markdown file each, named
// NN-slug.md.
//
//go:embed content/*.md
var contentFS embed.FS

// contentDir is where the lesson files sit inside contentFS.
const contentDir = "content"
