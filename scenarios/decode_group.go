package scenarios

import (
	"fmt"

	"kafkasim/sim"
)

var commitModes = []string{sim.CommitBeforeProcessing, sim.CommitAfterProcessing, sim.CommitAuto, sim.CommitTransactional}

// Kafka's broker-side bounds on session.timeout.ms
// (group.min.session.timeout.ms and group.max.session.timeout.ms): a
// JoinGroup outside them fails with INVALID_SESSION_TIMEOUT.
const (
	groupMinSessionTimeoutMs = 6000
	groupMaxSessionTimeoutMs = 1_800_000
)

// commitMode reads commit, output_topic and the group's config, keeping
// `commit` and enable.auto.commit from contradicting each other.
func (b *builder) commitMode(t *table, g *sim.GroupConfig) {
	mode, hasMode := t.str("commit")
	if hasMode {
		if !contains(commitModes, mode) {
			t.problem("commit", fmt.Sprintf("%q is not a commit mode", mode), suggest(mode, commitModes))
			hasMode = false
		} else {
			g.Commit = mode
		}
	}
	pairs := t.config()
	b.setProps(t, pairs, func(n, v string) error { return sim.SetGroupProp(g, n, v) })
	for _, c := range pairs {
		if c.name != "enable.auto.commit" || !hasMode {
			continue
		}
		if auto := g.Commit == sim.CommitAuto; auto != (mode == sim.CommitAuto) {
			b.d.add(c.line, t.keyName("config.enable.auto.commit"),
				fmt.Sprintf("enable.auto.commit=%s contradicts commit = %q", c.value, mode),
				`commit = "auto" is enable.auto.commit=true; the other modes commit by hand`)
		}
		g.Commit = mode
	}

	if out, ok := t.str("output_topic"); ok && b.topicRef(t, "output_topic", out) {
		if g.Commit != sim.CommitTransactional {
			t.problem("output_topic", "output_topic is only used by transactional groups", `set commit = "transactional"`)
		}
		g.OutputTopic = out
	}
	if g.Commit == sim.CommitTransactional && g.OutputTopic == "" && !t.has("output_topic") {
		t.problem("commit", "a transactional group needs an output_topic to write to",
			`consume-transform-produce: add output_topic = "results"`)
	}

	if g.SessionTimeoutMs < groupMinSessionTimeoutMs || g.SessionTimeoutMs > groupMaxSessionTimeoutMs {
		b.d.add(propLine(t, pairs, "session.timeout.ms"), t.keyName("config.session.timeout.ms"),
			fmt.Sprintf("session.timeout.ms=%d is outside the broker's allowed range", g.SessionTimeoutMs),
			fmt.Sprintf("group.min.session.timeout.ms is %d and group.max.session.timeout.ms is %d: the JoinGroup would fail with INVALID_SESSION_TIMEOUT",
				groupMinSessionTimeoutMs, groupMaxSessionTimeoutMs))
	}
	if g.HeartbeatIntervalMs >= g.SessionTimeoutMs {
		b.d.add(propLine(t, pairs, "heartbeat.interval.ms"), t.keyName("config.heartbeat.interval.ms"),
			fmt.Sprintf("heartbeat.interval.ms=%d is not below session.timeout.ms=%d", g.HeartbeatIntervalMs, g.SessionTimeoutMs),
			"heartbeats must come several times per session timeout; Kafka suggests a third of it or less")
	}
}

// propLine is the line of a property in a config table, or of the table.
func propLine(t *table, pairs []configPair, name string) int {
	for _, c := range pairs {
		if c.name == name {
			return c.line
		}
	}
	return t.line("config")
}
