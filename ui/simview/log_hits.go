package simview

import "kafkasim/sim"

// LogCellW is the cells one offset takes in a partition's strip.
const LogCellW = 2

// logHits is where the logs pane drew what, at its last render, so a
// mouse click can be turned into a partition and an offset without
// repeating the pane's arithmetic: the pane notes each line it draws and
// each strip's first cell and offset as it draws them.
type logHits struct {
	from   int              // the first content line shown
	lines  map[int]lineHit  // content line -> what it belongs to
	Strips map[partAt]strip // where each drawn strip starts
}

// lineHit is one content line of the logs pane.
type lineHit struct {
	part  partAt
	strip bool // the line of record cells (not the markers or details)
}

// strip is where a partition's record cells start: column x0 of the pane
// holds offset start, and each offset takes logCellW cells.
type strip struct {
	X0    int
	start int64
}

// reset forgets the last render; from is the first content line shown.
func (h *logHits) reset(from int) {
	h.from = from
	clear(h.lines)
	clear(h.Strips)
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
	if h.Strips == nil {
		h.Strips = map[partAt]strip{}
	}
	h.Strips[partAt{p.Topic, p.Partition}] = strip{x0, start}
}

// LogHit is what a click in the logs pane is on.
type LogHit struct {
	Part   partAt
	Offset int64 // -1 when not on a record cell
}

// At says what the pane's cell (x, row) shows, row 0 being the title.
func (h *logHits) At(x, row int) (LogHit, bool) {
	if row < 1 {
		return LogHit{}, false
	}
	ln, ok := h.lines[h.from+row-1]
	if !ok {
		return LogHit{}, false
	}
	hit := LogHit{Part: ln.part, Offset: -1}
	if s, ok := h.Strips[ln.part]; ok && ln.strip && x >= s.X0 {
		hit.Offset = s.start + int64((x-s.X0)/LogCellW)
	}
	return hit, true
}

// firstShownPartition is the index (in snapshot order) of the first
// partition the logs pane shows, 0 before it has drawn.
func (l *logsPane) firstShownPartition(snap *sim.Snapshot) int {
	best := -1
	for i := range l.Hits.lines { // the smallest key: order does not leak
		if best < 0 || i < best {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	ln := l.Hits.lines[best]
	if _, idx := FindPartition(snap, ln.part.Topic, ln.part.Partition); idx >= 0 {
		return idx
	}
	return 0
}
