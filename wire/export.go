package wire

import (
	"errors"
	"fmt"

	"kafkasim/internal/atomicfile"
	"kafkasim/scenarios"
	"kafkasim/sim"
)

// Export writes the session so far as a scenario file that replays it
// (scenarios.ExportLive): base's cluster, topics, clients and timeline,
// then every request the clients sent, every waiting Fetch answered and
// every fault given, at their virtual times. base is the scenario served,
// nil for an empty cluster. The server must have been started with
// Config.Record. It may be called while serving or after Close.
func (srv *Server) Export(base *scenarios.Scenario) ([]byte, error) {
	if srv.rec == nil {
		return nil, errors.New("the session was not recorded (wire.Config.Record)")
	}
	var live []sim.Scheduled
	var cfg sim.Config
	var now, fullAt int64
	srv.onDriver(func(s *sim.Sim) {
		srv.recordApplied(false)
		live = append(live, srv.rec.entries...)
		cfg, now, fullAt = s.Config(), s.Now(), srv.rec.fullAtMs
	})
	if fullAt >= 0 {
		return nil, fmt.Errorf("the session outgrew a scenario file (%d requests or %d bytes) at %s; recording stopped there",
			scenarios.MaxTimeline, scenarios.MaxFileBytes, sim.FormatMs(fullAt))
	}
	sc := base
	if sc == nil {
		sc = &scenarios.Scenario{Name: "live", Title: "A live session on kafkasim serve", Seed: cfg.Seed, Config: cfg}
	}
	return scenarios.ExportLive(sc, cfg.Seed, live, now)
}

// onDriver runs f on the driver goroutine, or directly once it has stopped.
func (srv *Server) onDriver(f func(s *sim.Sim)) {
	select {
	case <-srv.done:
		srv.wg.Wait()
		f(srv.sim)
		return
	default:
	}
	ran := false
	srv.Do(func(s *sim.Sim) { f(s); ran = true })
	if !ran { // closed meanwhile
		srv.wg.Wait()
		f(srv.sim)
	}
}

// ExportFile writes Export's scenario to path, whole or not at all (a
// temporary file renamed into place). It never replaces a file: a session
// is not worth someone's scenario.
func (srv *Server) ExportFile(base *scenarios.Scenario, path string) error {
	data, err := srv.Export(base)
	if err != nil {
		return err
	}
	return atomicfile.Create(path, data, 0o644)
}
