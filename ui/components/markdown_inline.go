package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// mdLook is how a stretch of inline text is drawn: a set of flags.
type mdLook uint8

const (
	lookStrong mdLook = 1 << iota
	lookEmph
	lookCode
	lookHeading
	lookLink
)

// mdRun is inline text in one look. A run of "\n" is a hard line break.
type mdRun struct {
	text string
	look mdLook
}

// inlineRuns flattens a block's inline children into runs: emphasis,
// code spans and links become looks, soft line breaks become spaces.
func inlineRuns(n ast.Node, src []byte, look mdLook) []mdRun {
	var runs []mdRun
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		runs = append(runs, inlineRun(c, src, look)...)
	}
	return runs
}

func inlineRun(n ast.Node, src []byte, look mdLook) []mdRun {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if !n.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		runs := []mdRun{{string(v), look}}
		if n.HardLineBreak() {
			return append(runs, mdRun{"\n", look})
		}
		if n.SoftLineBreak() {
			return append(runs, mdRun{" ", look})
		}
		return runs
	case *ast.String:
		return []mdRun{{string(n.Value), look}}
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return []mdRun{{strings.ReplaceAll(b.String(), "\n", " "), look | lookCode}}
	case *ast.Emphasis:
		if n.Level >= 2 {
			return inlineRuns(n, src, look|lookStrong)
		}
		return inlineRuns(n, src, look|lookEmph)
	case *ast.Link:
		return withURL(inlineRuns(n, src, look|lookLink), string(n.Destination), look)
	case *ast.Image:
		return withURL(inlineRuns(n, src, look), string(n.Destination), look)
	case *ast.AutoLink:
		return []mdRun{{string(n.URL(src)), look | lookLink}}
	case *ast.RawHTML:
		// Shown as written: "connect-<name>" is prose, not a tag.
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
		return []mdRun{{b.String(), look}}
	}
	return inlineRuns(n, src, look)
}

// withURL follows a link's text with its address, as a terminal cannot
// click: "the docs https://kafka.apache.org". An address that is the
// text already is not repeated.
func withURL(text []mdRun, url string, look mdLook) []mdRun {
	var plain strings.Builder
	for _, r := range text {
		plain.WriteString(r.text)
	}
	if url == "" || plain.String() == url {
		return text
	}
	return append(text, mdRun{" ", look}, mdRun{url, look | lookLink})
}

// mdPiece is part of a word in one look; mdWord is what wrapping keeps
// together, with the look of the space before it.
type mdPiece = mdRun

type mdWord struct {
	pieces    []mdPiece
	w         int
	spaceLook mdLook
	breakHere bool // a hard line break comes before this word
}

// words splits runs at spaces; a word may mix looks ("`acks`,").
func words(runs []mdRun) []mdWord {
	var out []mdWord
	cur, space, hard := mdWord{}, mdLook(0), false
	flush := func() {
		if len(cur.pieces) > 0 {
			cur.spaceLook, cur.breakHere = space, hard
			out = append(out, cur)
			hard = false
		}
		cur = mdWord{}
	}
	for _, r := range runs {
		if r.text == "\n" {
			flush()
			hard = true
			continue
		}
		for i, part := range strings.Split(r.text, " ") {
			if i > 0 {
				flush()
				space = r.look
			}
			if part != "" {
				cur.pieces = append(cur.pieces, mdPiece{part, r.look})
				cur.w += ansi.StringWidth(part)
			}
		}
	}
	flush()
	return out
}

// wrapRuns word-wraps runs to w cells, greedily as a reader expects; a
// word wider than w gets a line of its own (and is cut later).
func wrapRuns(runs []mdRun, w int) [][]mdPiece {
	var lines [][]mdPiece
	var line []mdPiece
	lineW := 0
	for _, wd := range words(runs) {
		if len(line) > 0 && (wd.breakHere || lineW+1+wd.w > w) {
			lines, line, lineW = append(lines, line), nil, 0
		}
		if len(line) > 0 {
			line = append(line, mdPiece{" ", wd.spaceLook})
			lineW++
		}
		line = append(line, wd.pieces...)
		lineW += wd.w
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}
