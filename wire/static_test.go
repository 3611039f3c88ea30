package wire

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// staticConsumer is a kgo group member with group.instance.id set.
type staticConsumer struct {
	cl  *kgo.Client
	net *cuttable
	mu  sync.Mutex
	got map[int32]bool // partitions assigned
}

func newStaticConsumer(t *testing.T, srv *Server, instance string) *staticConsumer {
	t.Helper()
	sc := &staticConsumer{net: &cuttable{}, got: map[int32]bool{}}
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID(instance), kgo.InstanceID(instance),
		kgo.ConsumerGroup("static"), kgo.ConsumeTopics("work"), kgo.Dialer(sc.net.dial),
		kgo.SessionTimeout(6*time.Second), kgo.HeartbeatInterval(300*time.Millisecond),
		kgo.OnPartitionsAssigned(func(_ context.Context, _ *kgo.Client, m map[string][]int32) {
			sc.mu.Lock()
			for _, p := range m["work"] {
				sc.got[p] = true
			}
			sc.mu.Unlock()
		}))
	if err != nil {
		t.Fatal(err)
	}
	sc.cl = cl
	go func() {
		for cl.Context().Err() == nil {
			cl.PollFetches(cl.Context())
		}
	}()
	return sc
}

func (sc *staticConsumer) partitions() []int32 {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	var out []int32
	for p := range sc.got {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// staticGroup is the live group "static": generation and member id per
// instance id, from the coordinator.
func staticGroup(srv *Server) (gen int, members map[string]string, state sim.GroupState) {
	members = map[string]string{}
	srv.Do(func(s *sim.Sim) {
		for _, g := range s.Snapshot().Groups {
			if g.ID == "static" {
				gen, state = g.Generation, g.State
			}
		}
		for _, g := range s.ExternalGroups() {
			for _, m := range g.Members {
				if g.ID == "static" {
					members[m.InstanceID] = m.MemberID
				}
			}
		}
	})
	return gen, members, state
}

// Static membership over the wire (KIP-345; GroupCoordinator
// doStaticNewMemberJoinGroup, updateStaticMemberAndRebalance,
// validateCurrentMember, handleLeaveGroup): kgo members with
// group.instance.id. A restarted process with the same instance id gets
// a new member id and its old partitions back without a rebalance (same
// generation); the old member id is fenced (FENCED_INSTANCE_ID, 82); a
// LeaveGroup naming the other instance by instance id alone removes it,
// and the group rebalances to the one left.
func TestLiveStaticMembersRejoinWithoutRebalanceAndLeaveByInstanceID(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 4, "work")
	w1, w2 := newStaticConsumer(t, srv, "w1"), newStaticConsumer(t, srv, "w2")
	defer w2.cl.Close()
	waitFor(t, "both static members to own partitions", 20*time.Second, func() bool {
		_, members, state := staticGroup(srv)
		return state == sim.GroupStable && len(members) == 2 && len(w1.partitions())+len(w2.partitions()) == 4
	})
	gen, before, _ := staticGroup(srv)
	owned := w1.partitions()

	w1.net.crash() // the process dies: no LeaveGroup
	go w1.cl.Close()
	again := newStaticConsumer(t, srv, "w1")
	defer again.cl.Close()
	waitFor(t, "the restarted w1 to get its partitions back", 20*time.Second, func() bool {
		return slices.Equal(again.partitions(), owned)
	})
	genAfter, after, state := staticGroup(srv)
	if genAfter != gen || state != sim.GroupStable {
		t.Errorf("the static rejoin moved the group from generation %d to %d (%s); want no rebalance", gen, genAfter, state)
	}
	if after["w1"] == before["w1"] || after["w1"] == "" || after["w2"] != before["w2"] {
		t.Errorf("member ids before %v, after %v: w1 should have a new one, w2 the same", before, after)
	}

	coord := func() string {
		id := 0
		srv.Do(func(s *sim.Sim) { id = s.GroupCoordinator("static") })
		return srv.Addrs()[id-1]
	}()
	hb := kmsg.NewPtrHeartbeatRequest()
	hb.SetVersion(4)
	hb.Group, hb.MemberID, hb.Generation, hb.InstanceID = "static", before["w1"], int32(gen), kmsg.StringPtr("w1")
	hbResp := kmsg.NewPtrHeartbeatResponse()
	hbResp.SetVersion(4)
	// [1:]: past the flexible response header's tag section.
	if err := hbResp.ReadFrom(rawRoundTrip(t, coord, hb)[1:]); err != nil || hbResp.ErrorCode != 82 {
		t.Errorf("heartbeat of the old w1 member id: error %d (%v), want FENCED_INSTANCE_ID (82)", hbResp.ErrorCode, err)
	}

	leave := kmsg.NewPtrLeaveGroupRequest()
	leave.SetVersion(4)
	leave.Group = "static"
	lm := kmsg.NewLeaveGroupRequestMember()
	lm.InstanceID = kmsg.StringPtr("w2")
	leave.Members = append(leave.Members, lm)
	leaveResp := kmsg.NewPtrLeaveGroupResponse()
	leaveResp.SetVersion(4)
	if err := leaveResp.ReadFrom(rawRoundTrip(t, coord, leave)[1:]); err != nil || leaveResp.ErrorCode != 0 ||
		len(leaveResp.Members) != 1 || leaveResp.Members[0].ErrorCode != 0 {
		t.Fatalf("LeaveGroup of instance w2: %+v (%v)", leaveResp, err)
	}
	w2.net.crash()
	waitFor(t, "w1 to own every partition after w2 was removed", 20*time.Second, func() bool {
		g, members, state := staticGroup(srv)
		return g > gen && state == sim.GroupStable && len(members) == 1 && len(again.partitions()) == 4
	})
}
