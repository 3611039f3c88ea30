package lessons

import "errors"

// ErrNoEarlierStop is returned by BackToStop when no stop lies behind.
var ErrNoEarlierStop = errors.New("lessons: no stop before this moment")

// SeekStep moves the run to an engine step, backwards or forwards. The
// engine is deterministic, so going back replays the run with the
// learner's commands at their steps; answers already given are kept, and
// a stop passed again shows its verdict. A judged challenge run stays
// judged: restart it instead.
func (p *Player) SeekStep(step int) error {
	if p.judged {
		return ErrJudged
	}
	p.run.Seek(step)
	p.afterSeek()
	return nil
}

// afterSeek works out which stops lie ahead of the engine's new time and
// drops anything the run was heading for.
func (p *Player) afterSeek() {
	now := p.Now()
	p.paused, p.pending, p.script = -1, nil, nil
	p.next = len(p.lesson.Stops)
	if p.mode != Tour {
		return
	}
	for i, st := range p.lesson.Stops {
		if st.AtMs > now {
			p.next = i
			break
		}
	}
}

// PreviousStop is the stop `[` goes back to: the latest one strictly
// before the engine's time, so from a stop's own moment it is the stop
// before, and from its reveal it is the stop itself.
func (p *Player) PreviousStop() (int, bool) {
	if p.mode != Tour {
		return -1, false
	}
	now := p.Now()
	for i := len(p.lesson.Stops) - 1; i >= 0; i-- {
		if p.lesson.Stops[i].AtMs < now {
			return i, true
		}
	}
	return -1, false
}

// BackToStop replays the tour to stop i and waits there, with its
// question as the learner left it: open if unanswered, its verdict if
// answered.
func (p *Player) BackToStop(i int) error {
	if p.mode != Tour || i < 0 || i >= len(p.lesson.Stops) {
		return ErrNoEarlierStop
	}
	p.run.Seek(0)
	p.run.RunUntil(p.lesson.Stops[i].AtMs)
	p.afterSeek()
	p.arrive(i)
	return nil
}
