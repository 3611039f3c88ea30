package replay

import (
	"context"
	"fmt"
	"time"

	"kafkasim/sim"
)

// apply runs one timeline command at virtual time atMs: client faults on
// the real clients, broker faults through the user's command, the rest
// noted as not replayed.
func (r *replayer) apply(ctx context.Context, atMs int64, cmd sim.Command) {
	if isBrokerFault(cmd.Kind) {
		r.brokerFault(ctx, atMs, cmd)
		return
	}
	switch cmd.Kind {
	case sim.CmdNote:
		logf(r.opts.Log, atMs, "note", "%s", cmd.Say)
		return
	case sim.CmdCrashProducer:
		if p := r.producer(cmd.Producer); p != nil {
			p.crash()
			logf(r.opts.Log, atMs, "crash-producer", "%s: connections cut, its batches in flight never answered", cmd.Producer)
			return
		}
	case sim.CmdProduce:
		if p := r.producer(cmd.Producer); p != nil {
			for range max(cmd.Count, 1) {
				p.send(ctx, cmd.Key, cmd.Value)
			}
			logf(r.opts.Log, atMs, "produce", "%s: %d record(s) sent", cmd.Producer, max(cmd.Count, 1))
			return
		}
	case sim.CmdAddPartitions:
		// kafka-topics --alter --partitions N: the new total, through the
		// CreatePartitions API.
		resp, err := r.admin.adm.UpdatePartitions(ctx, cmd.Partitions, cmd.Topic)
		if err == nil {
			err = resp.Error()
		}
		if err == nil {
			logf(r.opts.Log, atMs, "add-partitions", "%s now has %d partitions", cmd.Topic, cmd.Partitions)
			return
		}
		r.skip(atMs, cmd, "the cluster refused it: "+err.Error())
		return
	case sim.CmdAddProducer:
		if cmd.ProducerSpec != nil {
			pc := *cmd.ProducerSpec
			pc.StartMs = max(pc.StartMs, atMs)
			if err := r.addProducer(ctx, pc); err == nil {
				logf(r.opts.Log, atMs, "add-producer", "%s started", pc.ID)
				return
			}
		}
	default:
		if r.memberFault(atMs, cmd) {
			return
		}
	}
	r.skip(atMs, cmd, "not replayed on a real cluster")
}

// memberFault applies the consumer faults; false if cmd is none of them
// or names no running member.
func (r *replayer) memberFault(atMs int64, cmd sim.Command) bool {
	gc, ok := r.groupConfig(cmd.Group)
	if !ok {
		return false
	}
	name := fmt.Sprintf("%s c%d", cmd.Group, cmd.Consumer)
	switch cmd.Kind {
	case sim.CmdAddConsumer:
		index := r.memberCount(cmd.Group) + 1
		r.startMember(gc, index, atMs)
		logf(r.opts.Log, atMs, "add-consumer", "%s c%d joins", cmd.Group, index)
		return true
	case sim.CmdRestartConsumer:
		r.startMember(gc, cmd.Consumer, atMs)
		logf(r.opts.Log, atMs, "restart-consumer", "%s: a new process starts and joins", name)
		return true
	}
	m := r.member(cmd.Group, cmd.Consumer)
	if m == nil {
		return false
	}
	switch cmd.Kind {
	case sim.CmdCrashConsumer:
		m.crash()
		logf(r.opts.Log, atMs, "crash-consumer", "%s: abandoned without committing or leaving; the group waits out session.timeout.ms", name)
	case sim.CmdCloseConsumer:
		go m.close()
		logf(r.opts.Log, atMs, "close-consumer", "%s: close(): finishes its batch, commits as its mode says, leaves the group", name)
	case sim.CmdPauseConsumer:
		m.pause()
		logf(r.opts.Log, atMs, "pause-consumer", "%s: pause(): stays in the group, fetches nothing", name)
	case sim.CmdResumeConsumer:
		m.resume()
		logf(r.opts.Log, atMs, "resume-consumer", "%s: resume()", name)
	default:
		return false
	}
	return true
}

// brokerFault runs the user's command for a broker fault, or skips it.
func (r *replayer) brokerFault(ctx context.Context, atMs int64, cmd sim.Command) {
	line, ok := FaultCommand(r.opts.OnFault, cmd)
	if !ok {
		r.skip(atMs, cmd, fmt.Sprintf("the real cluster had no %s: fault skipped (give --on %s=COMMAND to run one)", cmd.Kind, cmd.Kind))
		return
	}
	runCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	out, err := r.opts.Shell(runCtx, line)
	if err != nil {
		r.skip(atMs, cmd, fmt.Sprintf("%q failed: %v %s", line, err, out))
		return
	}
	r.res.Ran = append(r.res.Ran, line)
	logf(r.opts.Log, atMs, string(cmd.Kind), "ran %q", line)
}

func (r *replayer) groupConfig(id string) (sim.GroupConfig, bool) {
	for _, gc := range r.sc.Config.Groups {
		if gc.ID == id {
			return gc, true
		}
	}
	return sim.GroupConfig{}, false
}

func (r *replayer) memberCount(group string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.groups[group])
}

// describe names a command for a note: "crash-broker 2".
func describe(cmd sim.Command) string {
	switch {
	case cmd.Broker > 0:
		return fmt.Sprintf("%s %d", cmd.Kind, cmd.Broker)
	case cmd.Group != "":
		return fmt.Sprintf("%s %s c%d", cmd.Kind, cmd.Group, cmd.Consumer)
	case cmd.Producer != "":
		return fmt.Sprintf("%s %s", cmd.Kind, cmd.Producer)
	}
	return string(cmd.Kind)
}
