package sandbox

import (
	"fmt"

	"kafkasim/sim"
)

// The engine's own limits (sim.MaxConsumers, sim.MaxPartitions) hold in
// the sandbox too, so a script of ten thousand "add consumer" lines is
// refused at the limit instead of slowing every later command.

// consumerCount is the consumers the engine runs, over all groups.
func (s *Session) consumerCount() int {
	n := 0
	for _, g := range s.snap().Groups {
		n += len(g.Members)
	}
	return n
}

// consumerRoom reports whether one more consumer may join group, printing
// what the client would see when it may not. Kafka bounds one group by
// group.max.size and answers a JoinGroup past it with
// GROUP_MAX_SIZE_REACHED, which the consumer raises as
// GroupMaxSizeReachedException (AbstractCoordinator.JoinGroupResponseHandler);
// the simulator bounds all groups together.
func (s *Session) consumerRoom(o *output, group string, console bool) bool {
	if s.consumerCount() < sim.MaxConsumers {
		return true
	}
	if console {
		o.line(fmt.Sprintf("org.apache.kafka.common.errors.GroupMaxSizeReachedException: Consumer group %s already has the configured maximum number of members.", group))
		o.hint("the simulator runs at most %d consumers over all groups; close some ('close consumer GROUP N') first", sim.MaxConsumers)
		o.fail()
		return false
	}
	verbMistake(o, "add", fmt.Sprintf("the simulator runs at most %d consumers over all groups; close some first", sim.MaxConsumers))
	return false
}
