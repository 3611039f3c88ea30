package sim

// DiscardEvents makes the run keep none of its events from now on, for a
// reader that reads none (a headless run that prints only its summary):
// each event still goes into the digest and the count (EventCount), and
// the engine reads no event back, so the run and its digest are those of
// a run that keeps them. The events kept so far are forgotten; Events and
// EventsSince return nothing afterwards, in the run and in its clones. It
// cannot be undone: a run that needs the events again starts over.
func (s *Sim) DiscardEvents() {
	s.ForgetEventsBefore(s.EventCount())
	s.events, s.eventsShared, s.discardEvents = nil, false, true
}

// AckedRecords is how many records the run's producers have had
// acknowledged so far, read without a snapshot (a headless run's progress).
func (s *Sim) AckedRecords() int64 {
	var n int64
	for _, p := range s.producers {
		n += int64(p.acked)
	}
	return n
}
