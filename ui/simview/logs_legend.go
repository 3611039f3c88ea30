package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// logContents is what the logs hold, so the legends list only that.
type logContents struct {
	nullKey, dup, tomb, aborted, control, deleted, gap, followers, committed, position bool
}

// contentsOf is what snap's logs hold, read once per snapshot.
func (l *logsPane) contentsOf(snap *sim.Snapshot) logContents {
	if len(snap.Topics) == 0 {
		return logContents{}
	}
	if l.contentsFrom != &snap.Topics[0] {
		l.contents, l.contentsFrom = scanContents(snap), &snap.Topics[0]
	}
	return l.contents
}

func scanContents(snap *sim.Snapshot) logContents {
	u := snap.Unshown // what the logs whose records the snapshot left out hold
	c := logContents{nullKey: u.NullKey, dup: u.Dup, tomb: u.Tombstone, aborted: u.Aborted, control: u.Control, gap: u.Gap}
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			p := &snap.Topics[ti].Partitions[pi]
			c.deleted = c.deleted || p.LogStart > 0
			c.followers = c.followers || len(p.ReplicaLogs) > 1
			next := int64(-1)
			for i := range p.Records {
				r := &p.Records[i]
				c.nullKey = c.nullKey || (r.NullKey && r.Control == "")
				c.dup = c.dup || r.Copy > 1
				c.tomb = c.tomb || r.Tombstone
				c.aborted = c.aborted || r.Aborted
				c.control = c.control || r.Control != ""
				c.gap = c.gap || (next >= 0 && r.Offset > next)
				next = r.Offset + 1
			}
		}
	}
	for gi := range snap.Groups {
		for _, o := range snap.Groups[gi].Offsets {
			c.committed = c.committed || o.Committed >= 0
			c.position = c.position || o.Position >= 0
		}
	}
	return c
}

// legend is the first line of the pane: producers in their colours, key
// letters, and the record marks the logs hold.
func (l *logsPane) legend(st *theme.Styles, snap *sim.Snapshot, c logContents) string {
	var b strings.Builder
	if m := l.Marks; m != nil {
		b.WriteString(l.cells.Get(markStyle(m.fate), components.FateMark(m.fate), 0))
		b.WriteString(st.Bold.Render("=" + components.FateWord(m.fate) + " (listed) "))
		b.WriteString(l.cells.Get(components.CellMarkSelected, GlyphSelected, 0))
		b.WriteString(st.Bold.Render("=selected") + st.Faint.Render(" · "))
	}
	if len(snap.Producers) > 1 {
		for i := range snap.Producers {
			b.WriteString(st.Keys[i%len(st.Keys)].Render("■" + components.Sanitize(snap.Producers[i].ID) + " "))
		}
	}
	if len(l.keyList) > 0 {
		b.WriteString(st.Faint.Render("keys "))
	}
	for i, k := range l.keyList {
		if i >= 12 {
			b.WriteString(st.Faint.Render("… "))
			break
		}
		b.WriteString(st.Bold.Render(string(keyLetters[i%len(keyLetters)])) + st.Faint.Render("="+components.Sanitize(k)+" "))
	}
	add := func(on bool, text string) {
		if on {
			b.WriteString(st.Faint.Render(text + " "))
		}
	}
	add(c.nullKey, string(glyphNullKey)+"=null key")
	add(c.dup, string(glyphDup)+"=duplicate")
	add(c.tomb, string(glyphTombstone)+"=tombstone")
	add(c.aborted, string(glyphAborted)+"=aborted txn")
	add(c.control, string(glyphControl)+"C/"+string(glyphControl)+"A=txn marker")
	add(c.deleted, string(glyphDeleted)+"=deleted")
	add(c.gap, string(glyphGap)+"=compacted")
	if b.Len() == 0 {
		return st.Faint.Render("no records yet")
	}
	return b.String()
}

// markLegend explains the marker rows, listing only marks that can show.
func (l *logsPane) markLegend(st *theme.Styles, c logContents) string {
	parts := []string{"H high watermark", "L leader end"}
	if c.followers {
		parts = append(parts, "2 follower b2 end")
	}
	if c.committed {
		parts = append(parts, "C committed")
	}
	if c.position {
		parts = append(parts, "^ position")
	}
	if !l.View.Following() {
		parts = append(parts, "scrolled: g⏎ follows")
	}
	return st.Faint.Render(strings.Join(parts, " · "))
}
