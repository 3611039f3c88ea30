package sim

import "testing"

// A consume-transform-produce group whose output topic was deleted before
// it first produced has a transactional producer with no topic; adding partitions to its input
// topic must not trip over it (chaos seed 376 of 1000 panicked here).
func TestAddPartitionsWithTopiclessTxnProducer(t *testing.T) {
	c := basicConfig(1)
	c.Topics = append(c.Topics, DefaultTopic("audit", 2, 2))
	c.Groups[0].Commit, c.Groups[0].OutputTopic = CommitTransactional, "audit"
	c.Groups[0].IsolationLevel = "read_committed"
	s := mustNew(t, c)
	if err := s.Apply(Command{Kind: CmdDeleteTopic, Topic: "audit"}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(10_000)
	hidden := 0
	for _, p := range s.producers {
		if p.topicIdx < 0 {
			hidden++
		}
	}
	if hidden == 0 {
		t.Fatal("want a transactional producer with no topic")
	}
	if err := s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 6}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(20_000)
	if n := len(s.topics[0].parts); n != 6 {
		t.Fatalf("orders has %d partitions, want 6", n)
	}
}
