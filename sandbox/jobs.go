package sandbox

import (
	"fmt"
	"strconv"
	"strings"

	"kafkasim/sim"
)

// A console consumer started with a trailing "&" keeps running, as a
// shell's background job: it stays in its group, and the records its
// polls return print after each later command, until 'kill %N' stops it
// (the tool's shutdown hook then closes the consumer and prints its
// count). Two of them in one group share the partitions, which is what
// the course's consumer-group exercises ask for.

// consumerJob is one background console consumer.
type consumerJob struct {
	number int
	c      *consumerRun
	member int // 1-based index in the group
	seen   int // the Seq of the first event not looked at
	line   string
}

// backgroundArg strips a trailing "&" (alone or stuck to the last word).
func backgroundArg(args []string) ([]string, bool) {
	if n := len(args); n > 0 {
		if args[n-1] == "&" {
			return args[:n-1], true
		}
		if strings.HasSuffix(args[n-1], "&") && !strings.HasSuffix(args[n-1], "&&") {
			out := append([]string(nil), args...)
			out[n-1] = strings.TrimSuffix(out[n-1], "&")
			return out, true
		}
	}
	return args, false
}

// startJob joins the group and leaves the consumer running.
func (s *Session) startJob(o *output, c *consumerRun, line string) {
	member, ok := s.joinConsoleMember(o, c)
	if !ok {
		return
	}
	s.lastJob++
	job := &consumerJob{number: s.lastJob, c: c, member: member, seen: s.run.Sim().EventCount(), line: line}
	s.jobs = append(s.jobs, job)
	o.linef("[%d] %s", job.number, line)
	o.hint("the console consumer runs in the background as member c%d of group %s: the records it reads print after your next commands ('play 5s' to let time pass); 'jobs' lists it, 'kill %%%d' stops it",
		member, c.group, job.number)
}

// pollJobs prints what each background consumer read since the last
// command, and forgets consumers that are no longer running.
func (s *Session) pollJobs(o *output) {
	if len(s.jobs) == 0 {
		return
	}
	count := s.run.Sim().EventCount()
	var alive []*consumerJob
	for _, job := range s.jobs {
		name := "c" + strconv.Itoa(job.member)
		for _, e := range s.run.Sim().EventsSince(job.seen) {
			if e.Type == sim.EvFetched && e.Group == job.c.group && e.Member == name {
				s.emitFetched(o, job.c, e.Text)
			}
		}
		job.seen = count
		if s.jobRunning(job) {
			alive = append(alive, job)
			continue
		}
		o.linef("[%d]+  Done    %s", job.number, job.line)
		o.hint("background consumer c%d of group %s is no longer running", job.member, job.c.group)
	}
	s.jobs = alive
}

// jobRunning reports whether the job's member still runs.
func (s *Session) jobRunning(job *consumerJob) bool {
	g, ok := findGroup(s.snap(), job.c.group)
	if !ok {
		return false
	}
	name := "c" + strconv.Itoa(job.member)
	for _, m := range g.Members {
		if m.Name == name {
			return m.State != sim.MemberClosed && m.State != sim.MemberCrashed
		}
	}
	return false
}

// jobsVerb is the shell's 'jobs'.
func (s *Session) jobsVerb(o *output, args []string) {
	for _, job := range s.jobs {
		o.linef("[%d]   Running    %s", job.number, job.line)
	}
	if len(s.jobs) == 0 {
		o.hint("no background jobs: end a kafka-console-consumer command with & to start one")
	}
}

// killVerb is 'kill %N' (or Ctrl-C on a job brought back): the shutdown
// hook closes the consumer, which commits and leaves the group, and the
// tool prints its count.
func (s *Session) killVerb(o *output, args []string) {
	if len(args) != 1 || !strings.HasPrefix(args[0], "%") {
		verbMistake(o, "kill", "which job? write kill %1")
		return
	}
	n, err := strconv.Atoi(strings.TrimPrefix(args[0], "%"))
	for i, job := range s.jobs {
		if err != nil || job.number != n {
			continue
		}
		s.pollJobs(o)
		s.closeConsoleMember(o, job.c, job.member)
		job.c.finish(o)
		o.linef("[%d]+  Terminated    %s", job.number, job.line)
		s.jobs = append(s.jobs[:i:i], s.jobs[i+1:]...)
		return
	}
	o.line(fmt.Sprintf("bash: kill: %s: no such job", args[0]))
	o.fail()
}
