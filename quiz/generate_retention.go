package quiz

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// retentionCase: segments of one partition, a retention limit, and the
// question of where the log now starts.
type retentionCase struct {
	segments    []segment // the last one is active
	logEnd      int64
	retentionMs int64
	nowMs       int64
}

const hourMs = 3_600_000

func newRetentionCase(r *rand.Rand) retentionCase {
	n := between(r, 3, 6)
	c := retentionCase{retentionMs: int64(pick(r, 24, 48, 72, 168)) * hourMs, nowMs: 1000 * hourMs}
	base := int64(between(r, 0, 3) * 100)
	age := int64(between(r, 200, 300)) // hours since the oldest segment's newest record
	for range n {
		if age*hourMs == c.retentionMs {
			age++ // keep clear of the boundary: "older than" must be unambiguous
		}
		c.segments = append(c.segments, segment{baseOffset: base, newestMs: c.nowMs - age*hourMs})
		base += int64(between(r, 5, 40) * 10)
		age -= int64(between(r, 20, 70))
		age = max(age, 0)
	}
	c.logEnd = base
	return c
}

func (c retentionCase) question() Question {
	var lines []string
	last := len(c.segments) - 1
	for i, s := range c.segments {
		end := c.logEnd - 1
		if i < last {
			end = c.segments[i+1].baseOffset - 1
		}
		state := "closed"
		if i == last {
			state = "active"
		}
		lines = append(lines, fmt.Sprintf("offsets %d to %d (%s), newest record %d h old", s.baseOffset, end, state, (c.nowMs-s.newestMs)/hourMs))
	}
	start := logStartAfterRetention(c.segments, c.logEnd, c.nowMs, c.retentionMs)
	return Question{
		Kind: Numeric,
		Prompt: fmt.Sprintf("A partition with retention.ms=%d (%d hours) has these segments, every record in them committed:\n%s\nThe retention check runs now. What is the partition's log start offset afterwards?",
			c.retentionMs, c.retentionMs/hourMs, strings.Join(lines, "\n")),
		Number:      int(start),
		Explanation: c.explain(start),
		Scenario:    "retention",
	}
}

// explain says which segments went and why the log starts where it does.
func (c retentionCase) explain(start int64) string {
	hours := c.retentionMs / hourMs
	rule := fmt.Sprintf("Retention deletes whole segments, oldest first, while their newest record is older than %d hours, and stops at the first segment that is not.", hours)
	if start == c.logEnd {
		return rule + fmt.Sprintf(" Here even the active segment's newest record is that old, so the log rolls a new, empty active segment at the log end offset %d and deletes every old one: the log starts at %d with nothing left to read. Offsets never change, and the next record is written at %d.", c.logEnd, start, start)
	}
	return rule + fmt.Sprintf(" The first segment kept begins at %d, so that is the new log start offset; offsets never change.", start)
}
