package replay

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// BrokerFaults are the fault kinds that happen to brokers, not clients: a
// replay cannot cause them itself, so each runs a command the user gives,
// or is skipped with a note.
var BrokerFaults = []sim.CommandKind{sim.CmdCrashBroker, sim.CmdRestartBroker, sim.CmdSlowBroker, sim.CmdDropAcks,
	sim.CmdCrashController, sim.CmdRestartController}

// ParseOn reads one --on flag, "KIND=COMMAND", into the map.
func ParseOn(spec string, into map[sim.CommandKind]string) error {
	kind, command, ok := strings.Cut(spec, "=")
	if !ok || strings.TrimSpace(command) == "" {
		return fmt.Errorf("--on %q: want KIND=COMMAND, e.g. crash-broker='docker stop kafka-%%d'", spec)
	}
	for _, k := range BrokerFaults {
		if string(k) == kind {
			into[k] = command
			return nil
		}
	}
	names := make([]string, len(BrokerFaults))
	for i, k := range BrokerFaults {
		names[i] = string(k)
	}
	return fmt.Errorf("--on %q: %q is not a broker fault (one of %s)", spec, kind, strings.Join(names, ", "))
}

// FaultCommand is the command line for one broker fault: the user's
// template with every %d replaced by the broker's id. ok is false when
// the user gave none for this kind.
func FaultCommand(templates map[sim.CommandKind]string, cmd sim.Command) (line string, ok bool) {
	t, ok := templates[cmd.Kind]
	if !ok {
		return "", false
	}
	return strings.ReplaceAll(t, "%d", strconv.Itoa(cmd.Broker)), true
}

// isBrokerFault reports whether kind is one of BrokerFaults.
func isBrokerFault(kind sim.CommandKind) bool {
	for _, k := range BrokerFaults {
		if k == kind {
			return true
		}
	}
	return false
}

// shell runs a fault command with sh -c and returns its combined output.
func shell(ctx context.Context, line string) ([]byte, error) {
	return exec.CommandContext(ctx, "sh", "-c", line).CombinedOutput()
}
