package claims

import (
	"regexp"
	"strings"
	"testing"
)

// falseClaims are statements once made in the course that Kafka's source
// contradicts. Each names its evidence; each would have caught the text it
// was written for.
var falseClaims = []struct {
	claim    *regexp.Regexp
	evidence string
}{
	{regexp.MustCompile(`(?i)active segment (is|was) never deleted|only closed segments? (are|is|can|go|ever)|never (deletes|removes) the active segment`),
		"time retention deletes an expired active segment after rolling a new one: UnifiedLog.deletableSegments/deleteSegments"},
	{regexp.MustCompile(`(?i)range is used until every member supports`),
		"the coordinator picks the protocol the members list first: GroupMetadata.selectProtocol"},
	{regexp.MustCompile(`(?i)AFTER_APPEND.{0,600}?but not committed`),
		"NOT_ENOUGH_REPLICAS_AFTER_APPEND is sent after the high watermark passed the record: Partition.checkEnoughReplicasReachOffset"},
	{regexp.MustCompile(`(?i)prompt = "[^"]*fewer, bigger[^"]*" choices = \[[^\]]*compression\.type`),
		"compression makes batches smaller, not fewer: producer configs"},
	{regexp.MustCompile(`(?i)(gc|garbage collection)[^.]*heartbeats? keep`),
		"a stop-the-world pause stops the heartbeat thread too: KIP-62"},
	{regexp.MustCompile(`(?i)--partitions.{0,60}?overrides both`),
		"--partitions overrides num.partitions only; --replication-factor overrides default.replication.factor: TopicCommand"},
	{regexp.MustCompile(`(?i)take over at once if`),
		"an idle member takes over after session.timeout.ms and a rebalance: consumer configs"},
	{regexp.MustCompile(`(?i)revoked,? in a (second|follow-up)`),
		"KIP-429 revokes after the first rebalance; the follow-up rebalance assigns"},
	{regexp.MustCompile(`(?i)reconcile one at a time`),
		"KIP-848 members reconcile independently and concurrently"},
	{regexp.MustCompile(`(?i)topic's replica\.lag\.time\.max\.ms`),
		"replica.lag.time.max.ms is a broker setting: broker configs"},
	{regexp.MustCompile(`(?i)zookeeper session[^.]*\b9 ?s\b`),
		"zookeeper.session.timeout.ms is 18 s in 3.x: KIP-537"},
	{regexp.MustCompile(`(?i)committed after each record it processed`),
		"offsets-restart's billing commits after each poll batch (commit = after-processing)"},
	{regexp.MustCompile(`(?i)a store they poll|brokers poll (zookeeper|the controller)`),
		"in ZooKeeper mode the controller pushed LeaderAndIsr/UpdateMetadata: KIP-500"},
}

// TestNoFalseClaims reads every learner-facing text for the statements
// above.
func TestNoFalseClaims(t *testing.T) {
	for _, p := range corpus(t) {
		for _, c := range falseClaims {
			if m := c.claim.FindString(p.text); m != "" {
				t.Errorf("%s: %q — %s", p.where, m, c.evidence)
			}
		}
	}
}

// sentence splits at full stops that end a sentence.
var sentenceEnd = regexp.MustCompile(`[.!?]["”]? `)

// TestCloseCommitsOnlyWithAutoCommit: a sentence that says close()
// commits must say it is auto-commit doing so
// (ConsumerCoordinator.close -> maybeAutoCommitOffsetsSync).
func TestCloseCommitsOnlyWithAutoCommit(t *testing.T) {
	commits := regexp.MustCompile(`close\(\):? (it |which )?(commits|would have committed)`)
	for _, p := range corpus(t) {
		for _, s := range sentenceEnd.Split(p.text, -1) {
			if commits.MatchString(s) && !strings.Contains(s, "auto-commit") && !strings.Contains(s, "auto.commit") {
				t.Errorf("%s: %q: close() commits only with enable.auto.commit=true", p.where, s)
			}
		}
	}
}
