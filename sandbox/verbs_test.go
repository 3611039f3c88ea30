package sandbox

import (
	"strings"
	"testing"

	"kafkasim/sim"
)

func TestVerbsGolden(t *testing.T) {
	cases := map[string][]string{
		"brokers": {
			"kafka-topics --create --topic t --partitions 3 --replication-factor 3" + bs,
			"crash broker 3",
			"crash broker 3",
			"step 2",
			"play 10s",
			"restart broker 3",
			"restart broker 3",
			"slow broker 1 3s",
			"play",
			"slow broker 1 0",
		},
		"mistakes": {
			"crash",
			"crash broker",
			"crash broker 7",
			"crash broker two",
			"slow broker 1",
			"slow broker 1 fast",
			"play -3s",
			"play 2h",
			"step many",
			"add consumer nobody",
			"crash consumer nobody 1",
			"kafak-topics --list",
			"kafka-console-consumr --topic t",
			"consume",
			"zookeeper-server-start.sh config/zookeeper.properties",
			"bin/kafka-server-start.sh config/server.properties",
			"java -version",
			"kafka-reassign-partitions --help",
			"kafka-topics --create --topic 'unclosed" + bs,
		},
		"consumers": {
			"kafka-topics --create --topic t --partitions 2" + bs,
			"kafka-console-consumer --topic t --group g" + bs,
			"add consumer g",
			"play 5s",
			"pause consumer g 2",
			"resume consumer g 2",
			"close consumer g 2",
			"close consumer g 2",
			"restart consumer g 2",
			"play 5s",
			"kafka-consumer-groups --describe --group g --members" + bs,
		},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) { goldenScript(t, 3, lines...) })
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	s := newSession(t, 3)
	out := mustExec(t, s, "help")
	for _, name := range commandNames() {
		if !strings.Contains(out, name) {
			t.Errorf("help does not mention %s", name)
		}
	}
}

func TestVerbsReachTheEngine(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "crash broker 2")
	if st := s.Run().Sim().Snapshot().Brokers[1].State; st != sim.BrokerDown {
		t.Fatalf("broker 2 is %s", st)
	}
	mustExec(t, s, "restart broker 2")
	mustExec(t, s, "slow broker 3 250ms")
	if b := s.Run().Sim().Snapshot().Brokers[2]; b.State != sim.BrokerSlow || b.SlowDelayMs != 250 {
		t.Fatalf("broker 3 %+v", b)
	}
	before := s.Run().Sim().Now()
	mustExec(t, s, "play 1m30s")
	if got := s.Run().Sim().Now() - before; got != 90_000 {
		t.Fatalf("play 1m30s moved the clock %d ms", got)
	}
	var kinds []string
	for _, c := range s.Run().Commands() {
		kinds = append(kinds, string(c.Cmd.Kind))
	}
	if got := strings.Join(kinds, ","); got != "crash-broker,restart-broker,slow-broker" {
		t.Fatalf("recorded %s", got)
	}
}
