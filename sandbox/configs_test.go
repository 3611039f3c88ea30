package sandbox

import "testing"

func TestConfigsGolden(t *testing.T) {
	setup := []string{"kafka-topics --create --topic orders --partitions 1 --replication-factor 2" + bs}
	cases := map[string][]string{
		"alter_and_describe": {
			"kafka-configs --describe --entity-type topics --entity-name orders" + bs,
			"kafka-configs --alter --entity-type topics --entity-name orders --add-config retention.ms=60000,min.insync.replicas=2,cleanup.policy=[compact,delete]" + bs,
			"kafka-configs --describe --entity-type topics --entity-name orders" + bs,
			"kafka-topics --describe --topic orders" + bs,
			"kafka-configs --alter --topic orders --delete-config retention.ms" + bs,
			"kafka-configs --describe --topic orders" + bs,
			"kafka-configs --describe --topic orders --all" + bs,
		},
		"errors": {
			"kafka-configs --alter --entity-type topics --entity-name orders --add-config retention.ms" + bs,
			"kafka-configs --alter --entity-type topics --entity-name orders --add-config retention.mss=5" + bs,
			"kafka-configs --alter --entity-type topics --entity-name orders --add-config min.insync.replicas=0" + bs,
			"kafka-configs --alter --entity-type topics --entity-name nope --add-config retention.ms=5" + bs,
			"kafka-configs --alter --entity-type topics --entity-name orders --delete-config retention.ms" + bs,
			"kafka-configs --alter --entity-type topics --entity-name orders" + bs,
			"kafka-configs --alter --entity-type topics --add-config retention.ms=5" + bs,
			"kafka-configs --describe --entity-type topic --entity-name orders" + bs,
			"kafka-configs --describe --entity-type brokers --entity-name 1" + bs,
			"kafka-configs --describe --entity-type topics --entity-name orders",
			"kafka-configs --entity-type topics --entity-name orders" + bs,
			"kafka-configs --describe --entity-type topics --entity-name orders --zookeeper localhost:2181",
		},
		"unmodelled_config": {
			"kafka-configs --alter --topic orders --add-config compression.gzip.level=9" + bs,
		},
		// compression.type is modelled: the broker recompresses batches
		// to it (BrokerCompressionType.targetCompression); its values are
		// BrokerCompressionType's names, so "none" is refused.
		"compression_type": {
			"kafka-configs --alter --topic orders --add-config compression.type=zstd" + bs,
			"kafka-configs --describe --entity-type topics --entity-name orders" + bs,
			"kafka-configs --alter --topic orders --add-config compression.type=none" + bs,
		},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) { goldenScript(t, 3, append(append([]string(nil), setup...), lines...)...) })
	}
}

func TestAlterConfigReachesTheEngine(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic t --partitions 1 --replication-factor 3"+bs)
	mustExec(t, s, "kafka-configs --alter --entity-type topics --entity-name t --add-config min.insync.replicas=2,unclean.leader.election.enable=true"+bs)
	c := topicOf(t, s, "t").Config
	if c.MinInsyncReplicas != 2 || !c.UncleanLeaderElection {
		t.Fatalf("config %+v", c)
	}
	mustExec(t, s, "kafka-configs --alter --entity-type topics --entity-name t --delete-config min.insync.replicas"+bs)
	if c := topicOf(t, s, "t").Config; c.MinInsyncReplicas != 1 {
		t.Fatalf("delete-config left min.insync.replicas=%d", c.MinInsyncReplicas)
	}
}
