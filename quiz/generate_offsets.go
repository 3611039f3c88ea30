package quiz

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// crashReprocessCase: a consumer processes past its last commit and crashes.
type crashReprocessCase struct {
	topic         string
	partition     int
	committed     int64
	lastProcessed int64
	mix           uint64 // seeds the order of the choices
}

func newCrashReprocessCase(r *rand.Rand) crashReprocessCase {
	c := int64(between(r, 10, 400))
	return crashReprocessCase{
		topic:         pick(r, topicNames...),
		partition:     between(r, 0, 5),
		committed:     c,
		lastProcessed: c + int64(between(r, 0, 24)),
		mix:           r.Uint64(),
	}
}

func (c crashReprocessCase) question() Question {
	resume, twice := reprocessedAfterCrash(c.committed, c.lastProcessed)
	text := func(at int64, o offsetRange) string {
		return fmt.Sprintf("it starts at %d; processed twice: %s", at, rangeText(o))
	}
	choices, correct := choose(mixer(c.mix), text(resume, twice),
		text(c.committed+1, offsetRange{c.committed + 1, c.lastProcessed}), // committed read as "last done"
		text(c.lastProcessed+1, noOffsets),                                 // as if progress were saved
		text(0, offsetRange{0, c.lastProcessed}),                           // as if restarting from scratch
	)
	return Question{
		Kind: Single,
		Prompt: fmt.Sprintf("Group billing's committed offset for %s-%d is %d. Its consumer processes the records at offsets %d to %d, then crashes before committing again. Another member takes over the partition. Where does it start, and which offsets are processed twice?",
			c.topic, c.partition, c.committed, c.committed, c.lastProcessed),
		Choices: choices,
		Correct: correct,
		Explanation: fmt.Sprintf("The committed offset is the next offset to read, so the new owner starts at %d. Everything processed since that commit (%s, %d records) is processed again: at-least-once delivery.",
			resume, rangeText(twice), twice.count()),
		Scenario: "offsets-restart",
	}
}

// earlyCommitCase: at-most-once, committing a poll's offsets before processing it.
type earlyCommitCase struct {
	topic         string
	polledFirst   int64
	polledLast    int64
	lastProcessed int64 // polledFirst-1 when nothing was processed
	mix           uint64
}

func newEarlyCommitCase(r *rand.Rand) earlyCommitCase {
	first := int64(between(r, 0, 300))
	last := first + int64(between(r, 4, 19))
	return earlyCommitCase{
		topic:         pick(r, topicNames...),
		polledFirst:   first,
		polledLast:    last,
		lastProcessed: first - 1 + int64(r.IntN(int(last-first+1))),
		mix:           r.Uint64(),
	}
}

func (c earlyCommitCase) question() Question {
	resume, lost := lostAfterEarlyCommit(c.polledLast, c.lastProcessed)
	done := "none of them"
	if c.lastProcessed >= c.polledFirst {
		done = "offsets " + rangeText(offsetRange{c.polledFirst, c.lastProcessed})
	}
	choices, correct := choose(mixer(c.mix), rangeText(lost),
		rangeText(offsetRange{c.lastProcessed + 2, c.polledLast}), // off by one
		"none: the replacement re-reads them",
		rangeText(offsetRange{c.polledFirst, c.polledLast}), // the whole poll
	)
	return Question{
		Kind: Single,
		Prompt: fmt.Sprintf("A consumer of %s-0 polls offsets %d to %d and immediately commits offset %d, before processing. It finishes %s, then crashes. Which offsets are never processed by the group?",
			c.topic, c.polledFirst, c.polledLast, c.polledLast+1, done),
		Choices: choices,
		Correct: correct,
		Explanation: fmt.Sprintf("The commit of %d already declared the whole poll done, so the next owner resumes at %d. The unprocessed offsets (%s) are skipped for good: this is at-most-once delivery. Commit after processing to get at-least-once instead.",
			c.polledLast+1, resume, rangeText(lost)),
		Scenario: "at-most-once",
	}
}

// lagCase: a kafka-consumer-groups.sh table, asking for the group's total lag.
type lagCase struct {
	topic     string
	committed []int64
	logEnd    []int64
}

func newLagCase(r *rand.Rand) lagCase {
	n := between(r, 2, 4)
	c := lagCase{topic: pick(r, topicNames...)}
	for range n {
		end := int64(between(r, 50, 900))
		c.logEnd = append(c.logEnd, end)
		c.committed = append(c.committed, end-int64(between(r, 0, 60)))
	}
	return c
}

func (c lagCase) question() Question {
	var rows, sums []string
	var total int64
	for p := range c.committed {
		l := lag(c.logEnd[p], c.committed[p])
		total += l
		rows = append(rows, fmt.Sprintf("partition %d: CURRENT-OFFSET %d, LOG-END-OFFSET %d", p, c.committed[p], c.logEnd[p]))
		sums = append(sums, fmt.Sprintf("%d-%d=%d", c.logEnd[p], c.committed[p], l))
	}
	return Question{
		Kind: Numeric,
		Prompt: fmt.Sprintf("kafka-consumer-groups.sh --describe --group reports shows these rows for topic %s:\n%s\nWhat is the group's total lag on the topic?",
			c.topic, strings.Join(rows, "\n")),
		Number: int(total),
		Explanation: fmt.Sprintf("Lag per partition is LOG-END-OFFSET - CURRENT-OFFSET: %s. The total is %d records.",
			strings.Join(sums, ", "), total),
	}
}

// resetCase: a consumer returns after retention moved the log start.
type resetCase struct {
	committed int64
	logStart  int64
	logEnd    int64
	policy    string
}

func newResetCase(r *rand.Rand) resetCase {
	start := int64(between(r, 100, 900))
	c := resetCase{
		logStart: start,
		logEnd:   start + int64(between(r, 50, 500)),
		policy:   pick(r, "earliest", "latest"),
	}
	if r.IntN(3) == 0 {
		c.committed = start + int64(r.IntN(int(c.logEnd-start))) // still valid
	} else {
		c.committed = start - int64(between(r, 1, 99)) // deleted by retention
	}
	return c
}

func (c resetCase) question() Question {
	at, reset, _ := resumeOffset(c.committed, c.logStart, c.logEnd, true, c.policy)
	why := fmt.Sprintf("Offset %d still exists (the log holds %d to %d), so the committed offset wins and auto.offset.reset is not consulted.",
		c.committed, c.logStart, c.logEnd-1)
	if reset {
		which := fmt.Sprintf("the consumers start at the log start, offset %d", at)
		if c.policy == "latest" {
			which = fmt.Sprintf("the consumers jump to the log end, offset %d, and see only new records", at)
		}
		why = fmt.Sprintf("Retention deleted everything below %d, so committed offset %d is out of range and auto.offset.reset=%s applies: %s. Records the group never processed were skipped.",
			c.logStart, c.committed, c.policy, which)
	}
	return Question{
		Kind: Numeric,
		Prompt: fmt.Sprintf("A consumer group returns after a long pause. Its committed offset for a partition is %d. Retention has moved the partition's log start offset to %d; the log end offset is %d. The consumers use auto.offset.reset=%s. At which offset do they resume?",
			c.committed, c.logStart, c.logEnd, c.policy),
		Number:      int(at),
		Explanation: why,
		Scenario:    "retention",
	}
}
