package sandbox

import "kafkasim/internal/javahash"

// The tools' Java HashMap orders and String.hashCode live in
// internal/javahash, shared with the engine's coordinator lookup and the
// sticky assignors.

func newJavaMap() *javahash.Map                    { return javahash.NewMap() }
func newJavaMapCap(n int) *javahash.Map            { return javahash.NewMapCap(n) }
func newJavaMapCopy(m *javahash.Map) *javahash.Map { return javahash.NewMapCopy(m) }
func javaStringHash(s string) int32                { return javahash.StringHash(s) }
func topicPartitionHash(topic string, partition int) int32 {
	return javahash.TopicPartitionHash(topic, partition)
}
