package sandbox

import (
	"fmt"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// The sandbox's brokers listen where a local install's would: broker 1 on
// localhost:9092, broker 2 on localhost:9093, and so on.
const firstPort = 9092

// brokerAddr is where broker id listens.
func brokerAddr(id int) string { return "localhost:" + strconv.Itoa(firstPort+id-1) }

// clientKind names the client a tool starts, for the prefix of its log
// lines ("[AdminClient clientId=adminclient-1]").
type clientKind struct {
	prefix string
}

var (
	adminClient    = clientKind{"[AdminClient clientId=adminclient-1] "}
	producerClient = clientKind{"[Producer clientId=console-producer] "}
)

func consumerClient(group string) clientKind {
	return clientKind{"[Consumer clientId=console-consumer, groupId=" + group + "] "}
}

// bootstrapResult says whether a client could reach the cluster.
type bootstrapResult int

const (
	bootstrapOK          bootstrapResult = iota
	bootstrapUnreachable                 // addresses resolved, no broker answered
	bootstrapInvalid                     // the client could not even start
)

// checkBootstrap connects a client to --bootstrap-server the way Kafka's
// clients do: each address must be host:port, the host must resolve
// (localhost or 127.0.0.1 here), and one listed broker that is up is
// enough, since it tells the client about all the others. It prints the
// warnings Kafka logs on the way.
func (s *Session) checkBootstrap(o *output, servers string, client clientKind) bootstrapResult {
	resolved, reachable := 0, false
	var unreachable []string
	for _, url := range strings.Split(servers, ",") {
		url = strings.TrimSpace(url)
		if url == "" {
			continue
		}
		host, port, ok := splitHostPort(url)
		if !ok {
			o.line("org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: " + url)
			o.hint("write each server as host:port, e.g. --bootstrap-server %s", brokerAddr(1))
			o.fail()
			return bootstrapInvalid
		}
		if host != "localhost" && host != "127.0.0.1" {
			o.logLine("WARN", fmt.Sprintf("Couldn't resolve server %s from bootstrap.servers as DNS resolution failed for %s", url, host),
				"org.apache.kafka.clients.ClientUtils")
			continue
		}
		resolved++
		id := port - firstPort + 1
		if exists, up, _ := s.run.Sim().BrokerStatus(id); exists && up {
			reachable = true
			continue
		}
		unreachable = append(unreachable, strconv.Itoa(port))
	}
	if resolved == 0 {
		o.line("org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers")
		o.hint("the sandbox's brokers are %s", brokerList(s.brokerCount()))
		o.fail()
		return bootstrapInvalid
	}
	if reachable {
		return bootstrapOK
	}
	// Kafka repeats this warning every second or so until it gives up.
	for i, port := range unreachable {
		o.logLine("WARN", fmt.Sprintf("%sConnection to node %d (localhost/127.0.0.1:%s) could not be established. Node may not be available.",
			client.prefix, -(i+1), port), "org.apache.kafka.clients.NetworkClient")
	}
	return bootstrapUnreachable
}

// unreachableHint explains a failed bootstrap in plain English.
func (s *Session) unreachableHint(o *output) {
	snap := s.snap()
	var up []string
	for _, b := range snap.Brokers {
		if b.State != sim.BrokerDown {
			up = append(up, brokerAddr(b.ID))
		}
	}
	if len(up) == 0 {
		o.hint("no broker is running: every broker has crashed. Bring one back with 'restart broker 1'.")
		return
	}
	o.hint("no broker answered at the address given. The running brokers are %s. List more than one in --bootstrap-server so a client can start while one broker is down.",
		strings.Join(up, ", "))
}

func splitHostPort(url string) (string, int, bool) {
	i := strings.LastIndexByte(url, ':')
	if i <= 0 || i == len(url)-1 {
		return "", 0, false
	}
	port, err := strconv.Atoi(url[i+1:])
	if err != nil || port < 0 || port > 65535 {
		return "", 0, false
	}
	return url[:i], port, true
}

// brokerList writes the brokers' addresses: "localhost:9092, localhost:9093".
func brokerList(n int) string {
	addrs := make([]string, n)
	for i := range addrs {
		addrs[i] = brokerAddr(i + 1)
	}
	return strings.Join(addrs, ", ")
}

// bootstrapArg finds the servers a tool was given. ok is false when none
// was; the caller prints its own tool's complaint.
func bootstrapArg(p *parsedOpts) (string, bool) {
	if p.has("bootstrap-server") {
		return p.val("bootstrap-server"), true
	}
	if p.has("broker-list") {
		return p.val("broker-list"), true
	}
	return "", false
}
