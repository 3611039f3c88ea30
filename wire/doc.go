// Package wire puts the Kafka protocol in front of the engine: real Kafka
// clients (kcat, franz-go, the Java client) connect to one listener per
// simulated broker and every request they send becomes an engine call at
// the current virtual time. Requests and responses are kmsg's types and
// encoding (github.com/twmb/franz-go/pkg/kmsg); this package only frames
// them and translates. The engine decides every answer.
//
// One goroutine, the driver, owns the simulation: it moves the virtual
// clock with the wall clock (times a speed), hands it the requests the
// connections read, and writes the answers back in each connection's
// request order, as Kafka does.
package wire
