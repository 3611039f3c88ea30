package scenarios

import (
	"fmt"
	"strings"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// describeRequest is a client request in a line of English, written as a
// comment above its entry so an exported session can be read: which
// records were sent where, who joined which group, what was committed.
func describeRequest(c sim.Command) string {
	r := c.Request
	if r == nil {
		return ""
	}
	if c.Kind == sim.CmdAnswerFetch {
		return fmt.Sprintf("broker %d answers the Fetch that waited (number %d)", c.Broker, r.Fetch)
	}
	kr := kmsg.RequestForKey(r.APIKey)
	if kr == nil {
		return ""
	}
	kr.SetVersion(r.Version)
	if kr.ReadFrom(r.Body) != nil {
		return ""
	}
	who := r.Client
	if who == "" {
		who = "a client"
	}
	return who + " to broker " + fmt.Sprint(c.Broker) + ": " + requestText(kr)
}

func requestText(kr kmsg.Request) string {
	switch q := kr.(type) {
	case *kmsg.ProduceRequest:
		var parts []string
		for _, t := range q.Topics {
			for _, p := range t.Partitions {
				parts = append(parts, fmt.Sprintf("%s-%d %s", t.Topic, p.Partition, batchText(p.Records)))
			}
		}
		return fmt.Sprintf("produce (acks=%d) %s", q.Acks, strings.Join(parts, ", "))
	case *kmsg.FetchRequest:
		var parts []string
		for _, t := range q.Topics {
			for _, p := range t.Partitions {
				parts = append(parts, fmt.Sprintf("%s-%d from %d", t.Topic, p.Partition, p.FetchOffset))
			}
		}
		return fmt.Sprintf("fetch %s (waits up to %dms)", strings.Join(parts, ", "), q.MaxWaitMillis)
	case *kmsg.JoinGroupRequest:
		var names []string
		for _, p := range q.Protocols {
			names = append(names, p.Name)
		}
		text := fmt.Sprintf("join group %s (assignors %s, session.timeout.ms=%d", q.Group, strings.Join(names, ", "), q.SessionTimeoutMillis)
		if q.InstanceID != nil {
			text += ", group.instance.id=" + *q.InstanceID
		}
		return text + memberText(q.MemberID) + ")"
	case *kmsg.SyncGroupRequest:
		if len(q.GroupAssignment) > 0 {
			return fmt.Sprintf("sync group %s generation %d, as leader: assigns %d members", q.Group, q.Generation, len(q.GroupAssignment))
		}
		return fmt.Sprintf("sync group %s generation %d", q.Group, q.Generation)
	case *kmsg.HeartbeatRequest:
		return fmt.Sprintf("heartbeat group %s generation %d", q.Group, q.Generation)
	case *kmsg.LeaveGroupRequest:
		return "leave group " + q.Group
	case *kmsg.OffsetCommitRequest:
		var parts []string
		for _, t := range q.Topics {
			for _, p := range t.Partitions {
				parts = append(parts, fmt.Sprintf("%s-%d at %d", t.Topic, p.Partition, p.Offset))
			}
		}
		return fmt.Sprintf("commit group %s generation %d: %s", q.Group, q.Generation, strings.Join(parts, ", "))
	case *kmsg.CreateTopicsRequest:
		var parts []string
		for _, t := range q.Topics {
			parts = append(parts, fmt.Sprintf("%s (%d partitions, replication factor %d)", t.Topic, t.NumPartitions, t.ReplicationFactor))
		}
		return "create topics " + strings.Join(parts, ", ")
	case *kmsg.FindCoordinatorRequest:
		return "find the coordinator of " + q.CoordinatorKey
	}
	return kmsg.NameForKey(kr.Key())
}

func memberText(id string) string {
	if id == "" {
		return ""
	}
	return ", member " + id
}

// batchText is a produced batch's size and producer: "3 records, producer
// id 5001 from sequence 12".
func batchText(raw []byte) string {
	var b kmsg.RecordBatch
	if b.ReadFrom(raw) != nil {
		return "(a batch that does not read)"
	}
	text := fmt.Sprintf("%d records", b.NumRecords)
	if b.NumRecords == 1 {
		text = "1 record"
	}
	if b.ProducerID >= 0 {
		text += fmt.Sprintf(" (producer id %d from sequence %d)", b.ProducerID, b.FirstSequence)
	}
	return text
}
