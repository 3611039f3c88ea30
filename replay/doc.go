// Package replay runs a scenario's producers and consumer groups as real
// Kafka clients (franz-go's kgo) against a real cluster, on a wall clock
// scaled by a speed factor, and builds the same delivery ledger the
// simulator keeps from what the cluster answered, so the two can be put
// side by side.
//
// It depends on scenarios and sim, never the other way round: the engine
// stays pure, and all the goroutines, sockets and clocks live here.
package replay
