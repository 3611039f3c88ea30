package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// The control plane's explanations: the controller, its quorum, and brokers
// registering and being fenced. Controller events carry the metadata mode in
// Text: MetadataZooKeeper, MetadataKRaft (combined mode) or
// metadataDedicated.

func whyControl(e Event) (string, bool) {
	switch e.Type {
	case EvBrokerFenced:
		if e.Text == MetadataZooKeeper && e.TimeoutMs > 0 && e.DurationMs > e.TimeoutMs {
			return fmt.Sprintf("broker %d's ZooKeeper session expired %s after it went down (zookeeper.session.timeout.ms), when there was no controller; controller broker %d finds its /brokers/ids/%d node gone and moves leadership off it",
				e.Broker, FormatMs(e.TimeoutMs), e.Broker2, e.Broker), true
		}
		if e.Text == MetadataZooKeeper {
			return fmt.Sprintf("broker %d's ZooKeeper session expired after %s (zookeeper.session.timeout.ms): its ephemeral /brokers/ids/%d node is gone, so controller broker %d moves leadership off it",
				e.Broker, FormatMs(e.DurationMs), e.Broker, e.Broker2), true
		}
		if e.TimeoutMs > 0 && e.DurationMs > e.TimeoutMs {
			return fmt.Sprintf("%s gave up on broker %d, silent for %s: a newly active controller gives every broker a full broker.session.timeout.ms (%s) to heartbeat; it moves leadership off it and drops it from every ISR",
				ctrlName(e.Broker2, e.Text), e.Broker, FormatMs(e.DurationMs), FormatMs(e.TimeoutMs)), true
		}
		return fmt.Sprintf("%s gave up on broker %d after %s without a heartbeat (broker.session.timeout.ms): it moves leadership off it and drops it from every ISR",
			ctrlName(e.Broker2, e.Text), e.Broker, FormatMs(e.DurationMs)), true
	case EvBrokerUnfenced:
		if e.Text == MetadataZooKeeper {
			return fmt.Sprintf("broker %d registered in ZooKeeper again; controller broker %d makes it a follower of its partitions", e.Broker, e.Broker2), true
		}
		return fmt.Sprintf("%s registered broker %d again, with a new broker epoch: it follows its partitions again and can rejoin their ISRs once caught up",
			ctrlName(e.Broker2, e.Text), e.Broker), true
	case EvControllerElected:
		return whyControllerElected(e), true
	case EvControllerLost:
		return whyControllerLost(e), true
	case EvControllerNodeCrashed:
		return fmt.Sprintf("controller node %d crashed; %s still alive, and the quorum needs %d", e.Broker, votersAlive(e.Count, e.Voters), e.Voters/2+1), true
	case EvControllerNodeRestarted:
		return fmt.Sprintf("controller node %d restarted and rejoins the quorum; %s alive, and the quorum needs %d", e.Broker, votersAlive(e.Count, e.Voters), e.Voters/2+1), true
	}
	return "", false
}

// votersAlive reads "1 of 3 voters is" / "2 of 3 voters are".
func votersAlive(live int, voters int32) string {
	if live == 1 {
		return fmt.Sprintf("1 of %d voters is", voters)
	}
	return fmt.Sprintf("%d of %d voters are", live, voters)
}

// ctrlName names the active controller: a broker, or a controller node.
func ctrlName(id int, mode string) string {
	if mode == metadataDedicated {
		return "controller node " + strconv.Itoa(id)
	}
	return "controller broker " + strconv.Itoa(id)
}

// voterList names the voters, a run of n node ids from first.
func voterList(first, n int, mode string) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = strconv.Itoa(first + i)
	}
	list := ids[0]
	if n > 1 {
		list = strings.Join(ids[:n-1], ", ") + " and " + ids[n-1]
	}
	switch {
	case mode == metadataDedicated && n == 1:
		return "controller node " + list
	case mode == metadataDedicated:
		return "controller nodes " + list
	case n == 1:
		return "broker " + list
	}
	return "brokers " + list
}

func whyControllerElected(e Event) string {
	if e.Text == MetadataZooKeeper {
		return fmt.Sprintf("broker %d is the controller (epoch %d): it created the /controller znode in ZooKeeper first", e.Broker, e.Epoch)
	}
	voters := int(e.Voters)
	who := fmt.Sprintf("broker %d", e.Broker)
	quorum := voterList(int(e.FirstVoter), voters, e.Text)
	switch {
	case e.Text == metadataDedicated:
		who = fmt.Sprintf("controller node %d", e.Broker)
		quorum = "dedicated " + quorum + " (process.roles=controller: they host no partitions)"
	case voters == 1:
		quorum += " alone (combined mode: controller.quorum.voters lists one voter; a second would make both necessary for a majority)"
	default:
		quorum += " (combined mode: each is a broker and a controller voter)"
	}
	if voters == 1 {
		return fmt.Sprintf("%s is the active controller (epoch %d): the KRaft quorum is %s, so while it is down nothing can be fenced or elected",
			who, e.Epoch, quorum)
	}
	return fmt.Sprintf("%s is the active controller (epoch %d): the KRaft quorum is %s; %d of %d voters are alive and a majority, %d, must be for any metadata change",
		who, e.Epoch, quorum, e.Count, voters, voters/2+1)
}

func whyControllerLost(e Event) string {
	if e.Count < 0 {
		if e.Text == MetadataZooKeeper {
			return fmt.Sprintf("the controller, broker %d, is gone: when its ZooKeeper session expires the /controller znode disappears and the other brokers race to create it", e.Broker)
		}
		return fmt.Sprintf("the active controller, %s, is gone: the quorum elects another after a timeout; no metadata changes until then", strings.TrimPrefix(ctrlName(e.Broker, e.Text), "controller "))
	}
	stalled := "no broker is fenced, no ISR changes and no leader is elected until a majority is back, so acks=all writes that wait on a dead replica stall"
	if e.Broker != 0 {
		return fmt.Sprintf("%s lost its quorum: only %s alive and Raft commits nothing without a majority: %s",
			ctrlName(e.Broker, e.Text), votersAlive(e.Count, e.Voters), stalled)
	}
	return fmt.Sprintf("no active controller: only %s alive (the voters are %s) and Raft needs a majority: %s",
		votersAlive(e.Count, e.Voters), voterList(int(e.FirstVoter), int(e.Voters), e.Text), stalled)
}

func whyRestartUnregistered(e Event) string {
	_, prop := ClusterConfig{Metadata: e.Text}.SessionTimeout()
	if e.Text == MetadataZooKeeper {
		return fmt.Sprintf("broker %d restarted after %s down, but its old ZooKeeper session still holds /brokers/ids/%d for %s more (%s): it cannot register until that node expires; then the controller treats it as failed and restarted, so it loses its leaderships and comes back as a follower",
			e.Broker, FormatMs(e.DurationMs), e.Broker, FormatMs(e.DelayMs), prop)
	}
	wait := fmt.Sprintf("for %s more (%s)", FormatMs(e.DelayMs), prop)
	if e.DelayMs < 0 {
		wait = "until an active controller gives it a fresh session that runs out"
	}
	return fmt.Sprintf("broker %d restarted after %s down, but its old registration stays valid %s: the controller refuses the new incarnation (DuplicateBrokerRegistrationException) until then, so it serves nothing yet; then it is fenced, loses its leaderships and registers with a new broker epoch",
		e.Broker, FormatMs(e.DurationMs), wait)
}

func whyISRPending(e Event) string {
	change := fmt.Sprintf("drop broker %d from the ISR of %s (it stopped keeping up)", e.Broker, tpName(e))
	if e.Reason == ReasonCaughtUp {
		change = fmt.Sprintf("take broker %d back into the ISR of %s (it caught up)", e.Broker, tpName(e))
	}
	return fmt.Sprintf("leader broker %d asked the controller to %s, but no controller is active to commit the AlterPartition request: the ISR stays [%s] until one answers, and acks=all writes wait for every member",
		e.Broker2, change, e.Text)
}
