package sandbox

import (
	"fmt"
	"strings"

	"kafkasim/sim"
)

// Input gives the console producer one line of input: one record. The
// session runs the simulation until the record is acknowledged or has
// failed, and prints what the console producer would. Outside input mode
// the line runs as a command, as Exec.
func (s *Session) Input(line string) Result {
	pm := s.prod
	if pm == nil {
		return s.Exec(line)
	}
	o := s.newOutput()
	line = strings.TrimRight(cleanLine(line), "\r\n")
	pm.lineNo++
	key, value, hs, ok := pm.parseLine(o, line)
	if !ok {
		s.prod = nil // the reader's exception ends the tool
		o.fail()
		return s.result(o)
	}
	pm.pending = hs
	s.send(o, pm, key, value)
	o.nowMs = s.run.Sim().Now()
	s.pollJobs(o)
	return s.result(o)
}

// EndInput is Ctrl-D: the console producer reaches the end of its input,
// flushes and exits.
func (s *Session) EndInput() Result {
	if s.prod == nil {
		return Result{}
	}
	s.prod = nil
	return Result{}
}

// parseLine is LineMessageReader: split off the headers when
// parse.headers is set and the key when parse.key is set, and turn
// null.marker into a null key, value or header value.
func (pm *producerMode) parseLine(o *output, line string) (key, value *string, hs []recordHeader, ok bool) {
	v := line
	if pm.hdr.parse {
		i := strings.Index(line, pm.hdr.delimiter)
		switch {
		case i < 0 && !pm.ignoreError:
			o.linef("org.apache.kafka.common.KafkaException: No headers delimiter found on line number %d: '%s'", pm.lineNo, line)
			o.hint("with parse.headers=true every line starts with headers (h1:v1,h2:v2), then the delimiter %q, then the record", pm.hdr.delimiter)
			return nil, nil, nil, false
		case i >= 0:
			text := line[:i]
			v = line[i+len(pm.hdr.delimiter):]
			if pm.nullMarker == nil || text != *pm.nullMarker {
				var problem string
				if hs, problem = pm.hdr.splitHeaders(text, pm.lineNo, pm.ignoreError, pm.nullMarker); problem != "" {
					o.line(problem)
					o.hint("write each header as key%svalue, separated by %q", pm.hdr.keySep, pm.hdr.sep)
					return nil, nil, nil, false
				}
			}
		}
	}
	if pm.parseKey {
		i := strings.Index(v, pm.keySep)
		switch {
		case i < 0 && !pm.ignoreError:
			o.linef("org.apache.kafka.common.KafkaException: No key separator found on line number %d: '%s'", pm.lineNo, line)
			o.hint("with parse.key=true every line needs a key, the separator %q, then the value; the console producer stops at the first line without one (ignore.error=true sends it with a null key)", pm.keySep)
			return nil, nil, nil, false
		case i >= 0:
			k := v[:i]
			key = &k
			v = v[i+len(pm.keySep):]
		}
	}
	value = &v
	if pm.nullMarker != nil {
		if key != nil && *key == *pm.nullMarker {
			key = nil
		}
		if *value == *pm.nullMarker {
			value = nil
		}
	}
	return key, value, hs, true
}

// send is producer.send() for one record, then the wait for its outcome.
func (s *Session) send(o *output, pm *producerMode, key, value *string) {
	if s.checkBootstrap(&output{}, pm.servers, producerClient) != bootstrapOK {
		// No broker answers, so no metadata: send() blocks for max.block.ms.
		if !s.waitVirtual(o, pm.maxBlockMs, "max.block.ms") {
			s.prod = nil // stopped as Ctrl-C stops the tool
			return
		}
		s.checkBootstrap(o, pm.servers, producerClient)
		s.logSendError(o, pm, key, value, fmt.Sprintf("org.apache.kafka.common.errors.TimeoutException: Topic %s not present in metadata after %d ms.", pm.topic, pm.maxBlockMs))
		s.unreachableHint(o)
		return
	}
	if !s.ensureTopicForClient(o, pm, key, value) {
		return
	}
	if !s.ensureProducer(o, pm) {
		return
	}
	seen := s.run.Sim().EventCount()
	if err := s.run.Apply(sim.Command{Kind: sim.CmdProduce, Producer: pm.id, Key: key, Value: value, Count: 1}); err != nil {
		s.logSendError(o, pm, key, value, "org.apache.kafka.common.KafkaException: "+err.Error())
		return
	}
	var failure *sim.Event
	settled := false
	watch := func(evs []sim.Event) {
		for i := range evs {
			e := evs[i]
			if e.Producer != pm.id {
				continue
			}
			switch {
			case e.Type == sim.EvAcked:
				settled = true
				s.rememberHeaders(e.Topic, e.Partition, e.Offset, pm.pending)
			case e.Type == sim.EvProduceFailed && e.Reason != sim.ReasonBrokerRefused:
				f := e // a copy: the run's list may move on (sim.Run.KeepEvents)
				settled, failure = true, &f
			case e.Type == sim.EvProduceRequest && pm.spec.Acks == sim.AcksNone:
				settled = true // acks=0: sent is done
			case e.Type == sim.EvRetried:
				o.nowMs = e.AtMs
				pm.logRetry(o, e)
			}
		}
	}
	watch(s.run.Sim().EventsSince(seen))
	deadline := s.run.Sim().Now() + pm.spec.DeliveryTimeoutMs + 5000
	switch s.stepUntil(until(deadline), watch, func() bool { return settled }) {
	case stopBudget:
		s.budgetHint(o)
	case stopInterrupted:
		s.interruptedHint(o)
		s.prod = nil
	}
	o.nowMs = s.run.Sim().Now()
	if failure != nil {
		s.reportFailure(o, pm, key, value, *failure)
	}
}

// ensureProducer adds the console producer to the engine the first time it
// sends (or again, if stepping back has undone that).
func (s *Session) ensureProducer(o *output, pm *producerMode) bool {
	snap := s.snap()
	if pm.id != "" {
		for _, p := range snap.Producers {
			if p.ID == pm.id {
				return true
			}
		}
	}
	pm.id = freeProducerID(snap)
	spec := pm.spec
	spec.ID, spec.Topic = pm.id, pm.topic
	if err := s.run.Apply(sim.Command{Kind: sim.CmdAddProducer, ProducerSpec: &spec}); err != nil {
		o.line("org.apache.kafka.common.KafkaException: Failed to construct kafka producer")
		o.hint("the simulator refused the producer: %v", err)
		o.fail()
		return false
	}
	return true
}

// freeProducerID names each console producer run: console-producer, then
// console-producer-2... (every run of the tool is a new KafkaProducer).
func freeProducerID(snap sim.Snapshot) string {
	taken := map[string]bool{}
	for _, p := range snap.Producers {
		taken[p.ID] = true
	}
	id := "console-producer"
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("console-producer-%d", n)
	}
	return id
}

// logRetry is the Sender's warning when a produce request failed and the
// batch will be retried.
func (pm *producerMode) logRetry(o *output, e sim.Event) {
	pm.correlation++
	tp := fmt.Sprintf("%s-%d", e.Topic, e.Partition)
	if e.Err == "NOT_LEADER_OR_FOLLOWER" {
		o.logLine("WARN", fmt.Sprintf("%sReceived invalid metadata error in produce request on partition %s due to %s Going to request metadata update now",
			producerClient.prefix, tp, exceptionFor(e.Err, e, pm.spec.DeliveryTimeoutMs)), "org.apache.kafka.clients.producer.internals.Sender")
		return
	}
	left := pm.spec.Retries - (int(e.Attempt) - 2) - 1
	o.logLine("WARN", fmt.Sprintf("%sGot error produce response with correlation id %d on topic-partition %s, retrying (%d attempts left). Error: %s",
		producerClient.prefix, pm.correlation, tp, left, e.Err), "org.apache.kafka.clients.producer.internals.Sender")
}

// reportFailure prints a record that failed for good: ErrorLoggingCallback's
// log line, or with --sync the exception that ends the tool.
func (s *Session) reportFailure(o *output, pm *producerMode, key, value *string, e sim.Event) {
	exc := exceptionFor(e.Err, e, pm.spec.DeliveryTimeoutMs)
	if pm.sync {
		o.line("java.util.concurrent.ExecutionException: " + exc)
		s.prod = nil
		o.fail()
	} else {
		s.logSendError(o, pm, key, value, exc)
	}
	switch e.Err {
	case "NOT_ENOUGH_REPLICAS", "NOT_ENOUGH_REPLICAS_AFTER_APPEND":
		o.hint("with acks=all a write needs at least min.insync.replicas in-sync replicas; %s-%d has fewer, so the record was refused (retried %d times first)", e.Topic, e.Partition, pm.spec.Retries)
	case "REQUEST_TIMED_OUT", "NETWORK_EXCEPTION", "TimeoutException":
		o.hint("no leader of %s-%d answered in time: is its broker down? 'kafka-topics --describe' shows the leader", e.Topic, e.Partition)
	}
}

// logSendError is ErrorLoggingCallback: the record's key and value sizes,
// then the exception.
func (s *Session) logSendError(o *output, pm *producerMode, key, value *string, exc string) {
	o.logLine("ERROR", fmt.Sprintf("Error when sending message to topic %s with key: %s, value: %s with error:", pm.topic, sizeOf(key), sizeOf(value)),
		"org.apache.kafka.clients.producer.internals.ErrorLoggingCallback")
	o.line(exc)
	o.fail()
}

func sizeOf(b *string) string {
	if b == nil {
		return "null"
	}
	return fmt.Sprintf("%d bytes", len(*b))
}

// exceptionFor is the Java exception a produce error code becomes, with
// Kafka's message for it.
func exceptionFor(code string, e sim.Event, deliveryTimeoutMs int64) string {
	const pkg = "org.apache.kafka.common.errors."
	switch code {
	case "NOT_ENOUGH_REPLICAS":
		return pkg + "NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required."
	case "NOT_ENOUGH_REPLICAS_AFTER_APPEND":
		return pkg + "NotEnoughReplicasAfterAppendException: Messages are written to the log, but to fewer in-sync replicas than required."
	case "NETWORK_EXCEPTION":
		return pkg + "NetworkException: The server disconnected before a response was received."
	case "NOT_LEADER_OR_FOLLOWER":
		return pkg + "NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition."
	case "OUT_OF_ORDER_SEQUENCE_NUMBER":
		return pkg + "OutOfOrderSequenceException: The broker received an out of order sequence number."
	case "TimeoutException": // the producer expired the batch (delivery.timeout.ms)
		return fmt.Sprintf("%sTimeoutException: Expiring %d record(s) for %s-%d:%d ms has passed since batch creation",
			pkg, max(e.Count, 1), e.Topic, e.Partition, e.DurationMs)
	case "REQUEST_TIMED_OUT":
		if e.DurationMs >= deliveryTimeoutMs {
			return fmt.Sprintf("%sTimeoutException: Expiring %d record(s) for %s-%d:%d ms has passed since batch creation",
				pkg, max(e.Count, 1), e.Topic, e.Partition, e.DurationMs)
		}
		return pkg + "TimeoutException: The request timed out."
	}
	return pkg + "KafkaException: " + code
}
