package whatif

import (
	"kafkasim/ui/components"
)

// Progress is how far a what-if's branches got: branch A (side 0)
// runs to UntilMs, then branch B (side 1) does.
type Progress struct {
	Side    int
	NowMs   int64
	UntilMs int64
}

// Line says it: "branch B (what if) 12.5s of 50s ███░░░ 62%".
func (p *Progress) Line() string {
	name := "branch A (as played)"
	if p.Side == 1 {
		name = "branch B (what if)"
	}
	done, total := int64(p.Side)*p.UntilMs+p.NowMs, 2*p.UntilMs
	return name + " at " + components.FmtMs(p.NowMs) + " of " + components.FmtMs(p.UntilMs) + " " + components.Bar(done, total, 20) + " " + components.Percent(done, total)
}
