package wire

import (
	"encoding/base64"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// clusterID is the id every simulated cluster reports.
const clusterID = "kafkasim"

// handleMetadata lists the brokers that are up (each at its own
// listener), and the topics with their leaders, leader epochs, replicas
// and ISR. A topic the cluster lacks is created first when the client
// allows it and auto.create.topics.enable is on, as a Kafka broker does.
func handleMetadata(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.MetadataRequest)
	s := srv.sim
	resp := kmsg.NewPtrMetadataResponse()
	id := clusterID
	resp.ClusterID = &id
	resp.ControllerID = int32(s.ActiveController())
	if resp.ControllerID == 0 {
		resp.ControllerID = -1
	}
	for _, b := range s.LiveBrokers() {
		mb := kmsg.NewMetadataResponseBroker()
		mb.NodeID = int32(b)
		mb.Host, mb.Port = srv.hostPort(b)
		resp.Brokers = append(resp.Brokers, mb)
	}
	var names []string
	if req.Topics != nil || r.version == 0 {
		names = []string{}
		for _, t := range req.Topics {
			if t.Topic != nil {
				names = append(names, *t.Topic)
			}
		}
		if r.version == 0 && len(names) == 0 {
			names = nil
		}
	}
	if req.AllowAutoTopicCreation && s.Config().Cluster.AutoCreateTopics {
		srv.autoCreate(r, names)
	}
	topics, missing := s.MetaTopics(names)
	for _, t := range topics {
		resp.Topics = append(resp.Topics, metaTopic(t))
	}
	for _, n := range missing {
		mt := kmsg.NewMetadataResponseTopic()
		name := n
		mt.Topic = &name
		mt.ErrorCode = code("UNKNOWN_TOPIC_OR_PARTITION")
		resp.Topics = append(resp.Topics, mt)
	}
	srv.respond(r, resp)
}

func metaTopic(t sim.MetaTopic) kmsg.MetadataResponseTopic {
	mt := kmsg.NewMetadataResponseTopic()
	name := t.Name
	mt.Topic = &name
	mt.TopicID = topicID(t.ID)
	for _, p := range t.Partitions {
		mp := kmsg.NewMetadataResponseTopicPartition()
		mp.Partition = int32(p.ID)
		mp.Leader = int32(p.Leader)
		mp.LeaderEpoch = int32(p.LeaderEpoch)
		mp.Replicas, mp.ISR, mp.OfflineReplicas = int32s(p.Replicas), int32s(p.ISR), int32s(p.Offline)
		if p.Leader < 0 {
			mp.ErrorCode = code("LEADER_NOT_AVAILABLE")
		}
		mt.Partitions = append(mt.Partitions, mp)
	}
	return mt
}

// topicID turns the engine's printed TopicId back into its 16 bytes.
func topicID(s string) [16]byte {
	var id [16]byte
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		copy(id[:], b)
	}
	return id
}

func int32s(xs []int) []int32 {
	out := make([]int32, len(xs))
	for i, x := range xs {
		out[i] = int32(x)
	}
	return out
}

// autoCreate creates the named topics that do not exist with the
// cluster's num.partitions and default.replication.factor.
func (srv *Server) autoCreate(r *request, names []string) {
	s := srv.sim
	_, missing := s.MetaTopics(names)
	cl := s.Config().Cluster
	for _, n := range missing {
		spec := sim.DefaultTopic(n, max(cl.NumPartitions, 1), min(max(cl.DefaultReplicationFactor, 1), s.BrokerCount()))
		if err := s.Apply(sim.Command{Kind: sim.CmdCreateTopic, TopicSpec: &spec}); err != nil {
			s.NoteExternal("auto-creating topic " + n + " for " + r.clientID + " failed: " + err.Error())
			continue
		}
		s.NoteExternal("client " + r.clientID + " asked for topic " + n + ", which did not exist: the broker created it (auto.create.topics.enable=true)")
	}
}
