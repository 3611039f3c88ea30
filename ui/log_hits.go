package ui

import "kafkasim/sim"

// logCellW is the cells one offset takes in a partition's strip.
const logCellW = 2

// logHits is where the logs pane drew what, at its last render, so a
// mouse click can be turned into a partition and an offset without
// repeating the pane's arithmetic: the pane notes each line it draws and
// each strip's first cell and offset as it draws them.
type logHits struct {
	from   int              // the first content line shown
	lines  map[int]lineHit  // content line -> what it belongs to
	strips map[partAt]strip // where each drawn strip starts
}

// lineHit is one content line of the logs pane.
type lineHit struct {
	part  partAt
	strip bool // the line of record cells (not the markers or details)
}

// strip is where a partition's record cells start: column x0 of the pane
// holds offset start, and each offset takes logCellW cells.
type strip struct {
	x0    int
	start int64
}

// reset forgets the last render; from is the first content line shown.
func (h *logHits) reset(from int) {
	h.from = from
	clear(h.lines)
	clear(h.strips)
}

// line notes that content line i belongs to partition p.
func (h *logHits) line(i int, p *sim.PartitionView, isStrip bool) {
	if h.lines == nil {
		h.lines = map[int]lineHit{}
	}
	h.lines[i] = lineHit{partAt{p.Topic, p.Partition}, isStrip}
}

// strip notes that p's record cells start at column x0 with offset start.
func (h *logHits) strip(p *sim.PartitionView, x0 int, start int64) {
	if h.strips == nil {
		h.strips = map[partAt]strip{}
	}
	h.strips[partAt{p.Topic, p.Partition}] = strip{x0, start}
}

// logHit is what a click in the logs pane is on.
type logHit struct {
	part   partAt
	offset int64 // -1 when not on a record cell
}

// at says what the pane's cell (x, row) shows, row 0 being the title.
func (h *logHits) at(x, row int) (logHit, bool) {
	if row < 1 {
		return logHit{}, false
	}
	ln, ok := h.lines[h.from+row-1]
	if !ok {
		return logHit{}, false
	}
	hit := logHit{part: ln.part, offset: -1}
	if s, ok := h.strips[ln.part]; ok && ln.strip && x >= s.x0 {
		hit.offset = s.start + int64((x-s.x0)/logCellW)
	}
	return hit, true
}

// firstShownPartition is the index (in snapshot order) of the first
// partition the logs pane shows, 0 before it has drawn.
func (l *logsPane) firstShownPartition(snap *sim.Snapshot) int {
	best := -1
	for i := range l.hits.lines { // the smallest key: order does not leak
		if best < 0 || i < best {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	ln := l.hits.lines[best]
	if _, idx := findPartition(snap, ln.part.topic, ln.part.partition); idx >= 0 {
		return idx
	}
	return 0
}
