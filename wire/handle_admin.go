package wire

import (
	"errors"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// adminError maps the engine's refusal of a topic command to Kafka's code.
func adminError(err error) (int16, *string) {
	if err == nil {
		return 0, nil
	}
	msg := err.Error()
	var exists *sim.TopicExistsError
	var rf *sim.ReplicationFactorError
	var unknown *sim.UnknownTopicError
	switch {
	case errors.As(err, &exists):
		return code("TOPIC_ALREADY_EXISTS"), &msg
	case errors.As(err, &rf):
		return code("INVALID_REPLICATION_FACTOR"), &msg
	case errors.As(err, &unknown):
		return code("UNKNOWN_TOPIC_OR_PARTITION"), &msg
	}
	return code("INVALID_REQUEST"), &msg
}

func handleCreateTopics(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.CreateTopicsRequest)
	s := srv.sim
	cl := s.Config().Cluster
	resp := kmsg.NewPtrCreateTopicsResponse()
	for _, t := range req.Topics {
		rt := kmsg.NewCreateTopicsResponseTopic()
		rt.Topic = t.Topic
		parts, rf := int(t.NumPartitions), int(t.ReplicationFactor)
		if parts < 0 {
			parts = max(cl.NumPartitions, 1)
		}
		if rf < 0 {
			rf = max(cl.DefaultReplicationFactor, 1)
		}
		spec := sim.DefaultTopic(t.Topic, parts, rf)
		var cfgErr error
		for _, c := range t.Configs {
			if c.Value != nil && cfgErr == nil {
				cfgErr = sim.SetTopicProp(&spec, c.Name, *c.Value)
			}
		}
		switch {
		case len(t.ReplicaAssignment) > 0:
			msg := "manual replica assignment is not served"
			rt.ErrorCode, rt.ErrorMessage = code("INVALID_REQUEST"), &msg
		case cfgErr != nil:
			msg := cfgErr.Error()
			rt.ErrorCode, rt.ErrorMessage = code("INVALID_CONFIG"), &msg
		case req.ValidateOnly:
		default:
			rt.ErrorCode, rt.ErrorMessage = adminError(s.Apply(sim.Command{Kind: sim.CmdCreateTopic, TopicSpec: &spec}))
		}
		rt.NumPartitions, rt.ReplicationFactor = int32(parts), int16(rf)
		if mt, _ := s.MetaTopics([]string{t.Topic}); len(mt) == 1 {
			rt.TopicID = topicID(mt[0].ID)
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

func handleDeleteTopics(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.DeleteTopicsRequest)
	names := req.TopicNames
	for _, t := range req.Topics {
		if t.Topic != nil {
			names = append(names, *t.Topic)
		}
	}
	resp := kmsg.NewPtrDeleteTopicsResponse()
	for _, n := range names {
		rt := kmsg.NewDeleteTopicsResponseTopic()
		name := n
		rt.Topic = &name
		rt.ErrorCode, rt.ErrorMessage = adminError(srv.sim.Apply(sim.Command{Kind: sim.CmdDeleteTopic, Topic: n}))
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

func handleCreatePartitions(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.CreatePartitionsRequest)
	resp := kmsg.NewPtrCreatePartitionsResponse()
	for _, t := range req.Topics {
		rt := kmsg.NewCreatePartitionsResponseTopic()
		rt.Topic = t.Topic
		if !req.ValidateOnly {
			rt.ErrorCode, rt.ErrorMessage = adminError(srv.sim.Apply(sim.Command{Kind: sim.CmdAddPartitions, Topic: t.Topic,
				Partitions: int(t.Count)}))
			if rt.ErrorCode == code("INVALID_REQUEST") {
				rt.ErrorCode = code("INVALID_PARTITIONS")
			}
		}
		resp.Topics = append(resp.Topics, rt)
	}
	srv.respond(r, resp)
}

// handleDescribeConfigs describes topics with the configs the engine
// models; other resource kinds get an empty answer.
func handleDescribeConfigs(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.DescribeConfigsRequest)
	resp := kmsg.NewPtrDescribeConfigsResponse()
	for _, res := range req.Resources {
		rr := kmsg.NewDescribeConfigsResponseResource()
		rr.ResourceType, rr.ResourceName = res.ResourceType, res.ResourceName
		if res.ResourceType == kmsg.ConfigResourceTypeTopic {
			tc, ok := srv.sim.TopicConfigOf(res.ResourceName)
			if !ok {
				rr.ErrorCode = code("UNKNOWN_TOPIC_OR_PARTITION")
			}
			for _, p := range sim.Props(sim.ScopeTopic) {
				if !ok || (res.ConfigNames != nil && !contains(res.ConfigNames, p.Name)) {
					continue
				}
				v, _ := sim.GetProp(sim.ScopeTopic, &tc, p.Name)
				c := kmsg.NewDescribeConfigsResponseResourceConfig()
				c.Name, c.Value, c.IsDefault = p.Name, &v, v == p.Default
				c.Source = kmsg.ConfigSourceDefaultConfig
				if !c.IsDefault {
					c.Source = kmsg.ConfigSourceDynamicTopicConfig
				}
				rr.Configs = append(rr.Configs, c)
			}
		}
		resp.Resources = append(resp.Resources, rr)
	}
	srv.respond(r, resp)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func handleListGroups(srv *Server, r *request, _ kmsg.Request) {
	resp := kmsg.NewPtrListGroupsResponse()
	for _, g := range srv.sim.ExternalGroups() {
		rg := kmsg.NewListGroupsResponseGroup()
		rg.Group, rg.ProtocolType, rg.GroupState = g.ID, g.ProtocolType, g.State
		resp.Groups = append(resp.Groups, rg)
	}
	srv.respond(r, resp)
}

func handleDescribeGroups(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.DescribeGroupsRequest)
	all := srv.sim.ExternalGroups()
	resp := kmsg.NewPtrDescribeGroupsResponse()
	for _, id := range req.Groups {
		rg := kmsg.NewDescribeGroupsResponseGroup()
		rg.Group, rg.State = id, "Dead"
		if c := srv.sim.CoordinatorCheck(id, r.c.broker); c != "" {
			rg.ErrorCode = code(c)
		}
		for _, g := range all {
			if g.ID != id {
				continue
			}
			rg.State, rg.ProtocolType, rg.Protocol = g.State, g.ProtocolType, g.Protocol
			for _, m := range g.Members {
				rm := kmsg.NewDescribeGroupsResponseGroupMember()
				rm.MemberID, rm.ClientID, rm.ClientHost = m.MemberID, m.ClientID, m.ClientHost
				rm.ProtocolMetadata, rm.MemberAssignment = m.Metadata, m.Assignment
				if m.InstanceID != "" {
					id := m.InstanceID
					rm.InstanceID = &id // v4+ (KIP-345)
				}
				rg.Members = append(rg.Members, rm)
			}
		}
		resp.Groups = append(resp.Groups, rg)
	}
	srv.respond(r, resp)
}

// handleIncrementalAlterConfigs sets topic configs (the SET operation);
// the engine checks each name and value as kafka-configs --alter does.
func handleIncrementalAlterConfigs(srv *Server, r *request, kreq kmsg.Request) {
	req := kreq.(*kmsg.IncrementalAlterConfigsRequest)
	resp := kmsg.NewPtrIncrementalAlterConfigsResponse()
	for _, res := range req.Resources {
		rr := kmsg.NewIncrementalAlterConfigsResponseResource()
		rr.ResourceType, rr.ResourceName = res.ResourceType, res.ResourceName
		var pairs [][2]string
		for _, c := range res.Configs {
			if c.Op != kmsg.IncrementalAlterConfigOpSet || c.Value == nil {
				msg := "only SET is served: " + c.Name
				rr.ErrorCode, rr.ErrorMessage = code("INVALID_REQUEST"), &msg
			}
			if c.Value != nil {
				pairs = append(pairs, [2]string{c.Name, *c.Value})
			}
		}
		switch {
		case res.ResourceType != kmsg.ConfigResourceTypeTopic:
			msg := "only topic configs are served"
			rr.ErrorCode, rr.ErrorMessage = code("INVALID_REQUEST"), &msg
		case rr.ErrorCode != 0 || req.ValidateOnly:
		default:
			err := srv.sim.Apply(sim.Command{Kind: sim.CmdAlterTopic, Topic: res.ResourceName, Configs: pairs})
			if rr.ErrorCode, rr.ErrorMessage = adminError(err); rr.ErrorCode == code("INVALID_REQUEST") {
				rr.ErrorCode = code("INVALID_CONFIG")
			}
		}
		resp.Resources = append(resp.Resources, rr)
	}
	srv.respond(r, resp)
}
