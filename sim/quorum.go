package sim

import "fmt"

// The KRaft controller quorum: which nodes are its voters
// (controller.quorum.voters), whether a majority of them runs, and the
// dedicated controller nodes of [cluster] controllers = N.
//
// Every metadata change in KRaft is a record the active controller commits
// to the __cluster_metadata log, which takes a majority of the voters. With
// fewer alive there is no active controller: no broker is fenced, no ISR
// changes (AlterPartition waits for an answer), no leader is elected.

// metadataDedicated is the metadata label controller events carry when the
// quorum runs on dedicated controller nodes.
const metadataDedicated = "kraft-dedicated"

// dedicatedQuorum: the quorum runs on controller-only nodes.
func (s *Sim) dedicatedQuorum() bool {
	return s.cfg.Cluster.Metadata == MetadataKRaft && s.cfg.Cluster.Controllers > 0
}

// metadataLabel names the mode for the events that explain it.
func (s *Sim) metadataLabel() string {
	if s.dedicatedQuorum() {
		return metadataDedicated
	}
	return s.cfg.Cluster.Metadata
}

// firstVoter and voterCount describe controller.quorum.voters, always a run
// of consecutive node ids: the first brokers in combined mode, the
// controller nodes (numbered after the brokers) otherwise.
func (s *Sim) firstVoter() int {
	if s.dedicatedQuorum() {
		return len(s.brokers) + 1
	}
	return 1
}

func (s *Sim) voterCount() int {
	if s.dedicatedQuorum() {
		return s.cfg.Cluster.Controllers
	}
	if len(s.brokers) == 2 {
		// Two voters would need both alive for a majority: no safer than
		// one, and down more often. A two-broker cluster lists one voter.
		return 1
	}
	return min(3, len(s.brokers))
}

// voters lists the voters' node ids.
func (s *Sim) voters() []int {
	out := make([]int, s.voterCount())
	for i := range out {
		out[i] = s.firstVoter() + i
	}
	return out
}

// isVoter: node id is in the KRaft quorum (every broker may be the
// controller in ZooKeeper mode).
func (s *Sim) isVoter(id int) bool {
	if s.cfg.Cluster.Metadata == MetadataZooKeeper {
		return s.broker(id) != nil
	}
	return id >= s.firstVoter() && id < s.firstVoter()+s.voterCount()
}

// isControllerNode: id names a dedicated controller node.
func (s *Sim) isControllerNode(id int) bool {
	return s.dedicatedQuorum() && id > len(s.brokers) && id <= len(s.brokers)+s.cfg.Cluster.Controllers
}

// voterUp: the node's controller process runs. In combined mode that is the
// broker's process, running even while it waits to register as a broker.
func (s *Sim) voterUp(id int) bool {
	if s.isControllerNode(id) {
		return s.ctrlUp[id-len(s.brokers)-1]
	}
	b := s.broker(id)
	return b != nil && (b.up || b.registering)
}

// liveVoters counts the voters whose controller process runs.
func (s *Sim) liveVoters() int {
	n := 0
	for _, v := range s.voters() {
		if s.voterUp(v) {
			n++
		}
	}
	return n
}

// hasQuorum: a majority of the voters runs.
func (s *Sim) hasQuorum() bool { return s.liveVoters()*2 > s.voterCount() }

// voterDown: a voter's process died. If it was the active controller the
// quorum elects another; if the survivors are no majority, the active
// controller can commit nothing and is no longer active (Kafka 3.9's leader
// also resigns once check-quorum, 1.5 × controller.quorum.fetch.timeout.ms,
// passes without fetches from a majority: LeaderState.timeUntilCheckQuorumExpires).
func (s *Sim) voterDown(id int) {
	if s.cfg.Cluster.Metadata != MetadataKRaft || !s.isVoter(id) {
		return
	}
	if s.controller == id {
		s.controllerLost()
		return
	}
	if s.controller != 0 && !s.hasQuorum() {
		old := s.controller
		s.controller = 0
		s.noteNoQuorum(old)
	}
}

// voterBack: a voter's process runs again; with a majority the quorum can
// elect an active controller.
func (s *Sim) voterBack(id int) {
	if s.cfg.Cluster.Metadata == MetadataKRaft && s.isVoter(id) && s.controller == 0 {
		s.maybeElectControllerSoon()
	}
}

// noteNoQuorum says, once per outage, that no controller can be active.
// old is the controller that lost its majority, 0 if none.
func (s *Sim) noteNoQuorum(old int) {
	if s.quorumLost {
		return
	}
	s.quorumLost = true
	s.emit(&Event{Type: EvControllerLost, Broker: old, Count: s.liveVoters(), Voters: int32(s.voterCount()),
		FirstVoter: int32(s.firstVoter()), Text: s.metadataLabel()})
}

// startControllerNodes brings up the dedicated controller nodes.
func (s *Sim) startControllerNodes() {
	if s.dedicatedQuorum() {
		s.ctrlUp = make([]bool, s.cfg.Cluster.Controllers)
		for i := range s.ctrlUp {
			s.ctrlUp[i] = true
		}
	}
}

// crashControllerNode stops dedicated controller node id.
func (s *Sim) crashControllerNode(id int) {
	i := id - len(s.brokers) - 1
	if !s.ctrlUp[i] {
		return
	}
	s.ctrlUp[i] = false
	s.emit(&Event{Type: EvControllerNodeCrashed, Broker: id, Broker2: s.controller, Count: s.liveVoters(), Voters: int32(s.voterCount())})
	s.voterDown(id)
}

// restartControllerNode brings dedicated controller node id back.
func (s *Sim) restartControllerNode(id int) {
	i := id - len(s.brokers) - 1
	if s.ctrlUp[i] {
		return
	}
	s.ctrlUp[i] = true
	s.emit(&Event{Type: EvControllerNodeRestarted, Broker: id, Count: s.liveVoters(), Voters: int32(s.voterCount())})
	s.voterBack(id)
}

// NoControllerError is a metadata change asked for while the KRaft quorum
// has no active controller: Kafka's request would time out.
type NoControllerError struct {
	What         string
	Live, Voters int
}

func (e *NoControllerError) Error() string {
	return fmt.Sprintf("cannot %s: there is no active controller (only %d of %d KRaft controller voters are alive, and a metadata change needs a majority); the request would time out",
		e.What, e.Live, e.Voters)
}

// needController refuses a metadata change while KRaft has no active
// controller. In ZooKeeper mode topic changes are written to ZooKeeper and
// the next controller acts on them.
func (s *Sim) needController(what string) error {
	if s.cfg.Cluster.Metadata == MetadataKRaft && s.controller == 0 {
		return &NoControllerError{What: what, Live: s.liveVoters(), Voters: s.voterCount()}
	}
	return nil
}

// noSuchNode explains a command naming a node that is not of its kind.
func (s *Sim) noSuchNode(kind string, id int) error {
	n := len(s.brokers)
	switch {
	case kind == "broker" && s.isControllerNode(id):
		return fmt.Errorf("node %d is a dedicated controller, not a broker (brokers are 1..%d): use crash-controller / restart-controller", id, n)
	case kind == "broker":
		return fmt.Errorf("there is no broker %d (brokers are 1..%d)", id, n)
	case s.dedicatedQuorum():
		return fmt.Errorf("there is no controller node %d (controller nodes are %d..%d)", id, n+1, n+s.cfg.Cluster.Controllers)
	case s.cfg.Cluster.Metadata == MetadataZooKeeper:
		return fmt.Errorf("there is no controller node %d: in ZooKeeper mode the controller is a broker (crash-broker)", id)
	default:
		return fmt.Errorf("there is no controller node %d: in combined mode the controllers are brokers %s (crash-broker); set [cluster] controllers = 3 for dedicated ones",
			id, joinInts(s.voters()))
	}
}
