package scenarios

import (
	"strings"
	"testing"
)

// replicas = [[...]] pins each partition's replicas, leader first, as
// kafka-topics --replica-assignment does; what Kafka's controller refuses
// is refused with its words (ReplicationControlManager
// .validateManualPartitionAssignment).
func TestReplicaAssignment(t *testing.T) {
	sc := mustParse(t, "[[topic]]\nname = \"t\"\nreplicas = [[3, 1], [2, 3]]\n")
	tc := sc.Config.Topics[0]
	if tc.Partitions != 2 || tc.ReplicationFactor != 2 {
		t.Fatalf("partitions %d rf %d, want 2 and 2 from replicas", tc.Partitions, tc.ReplicationFactor)
	}
	for seed := uint64(1); seed <= 20; seed++ {
		s, err := sc.NewSim(seed)
		if err != nil {
			t.Fatal(err)
		}
		s.RunUntil(5000)
		ps := s.Snapshot().Topics[0].Partitions
		if ps[0].Leader != 3 || ps[1].Leader != 2 {
			t.Fatalf("seed %d: leaders %d and %d, want the first replicas 3 and 2", seed, ps[0].Leader, ps[1].Leader)
		}
	}
	back, err := Parse("back.toml", encode(sc, 1, nil, sc.DurationMs, "", nil))
	if err != nil || len(back.Config.Topics[0].ReplicaAssignment) != 2 || back.Config.Topics[0].ReplicaAssignment[0][0] != 3 {
		t.Fatalf("replicas do not survive export: %v %+v", err, back)
	}
	bad := map[string]string{
		"replicas = [[1, 9]]":                 "includes broker 9, but no such broker is registered",
		"replicas = [[1, 1]]":                 "includes the broker 1 more than once",
		"replicas = [[1, 2], [3]]":            "a partition with 1 replica(s), but this is not consistent",
		"replicas = [[1], []]":                "must be a non-empty list",
		"replicas = [[1, 2]]\npartitions = 3": "but partitions = 3",
		"replicas = \"1:2\"":                  "must be a non-empty list of lists",
	}
	for src, want := range bad {
		_, err := Parse("bad.toml", []byte("[[topic]]\nname = \"t\"\n"+src+"\n"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want %q, got %v", src, want, err)
		}
	}
}
