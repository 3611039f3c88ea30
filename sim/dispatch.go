package sim

// dispatch runs one queued happening.
func (s *Sim) dispatch(it item) {
	switch it.kind {
	case itCommand:
		s.runScheduled(it.scheduledIdx())
	case itProducerTick:
		s.producerTick(it)
	case itLinger:
		p := s.producers[it.producerIdx()]
		if !p.crashed && it.gen == p.gen && p.parts[it.part()].open == it.batch() {
			s.closeBatch(p, it.part())
			s.drain(p)
		}
	case itProduceArrive:
		s.produceArrived(it)
	case itProduceResponse:
		s.produceResponse(it)
	case itRequestTimeout:
		s.requestTimedOut(it)
	case itRetryBackoff:
		p := s.producers[it.producerIdx()]
		if it.gen == p.gen {
			s.drain(p)
		}
	case itBatchExpire:
		s.batchExpired(it)
	case itFetchArrive:
		s.fetchArrived(it)
	case itFetchResponse:
		s.fetchResponded(it)
	case itFetchWait, itFetchBackoff:
		s.fetchWaitOver(it)
	case itISRCheck:
		s.isrCheck(it.brokerID())
	case itBrokerSessionCheck:
		s.brokerSessionExpired(it.brokerID())
	case itControllerElect:
		s.controllerElectDue()
	case itRetentionCheck:
		s.retentionCheck(it.brokerID())
	case itCleanerCheck:
		s.cleanerCheck()
	case itLeaderBalance:
		s.leaderBalanceCheck()
	case itJoinDelayOver, itRebalanceTimeout:
		s.groupTick(it)
	case itConsumerPoll:
		s.poll(it)
	case itConsumerProcessed:
		s.processedDue(it)
	case itSessionCheck:
		s.sessionExpired(it)
	case itPollTimer:
		g := s.groups[it.groupIdx()]
		s.pollTimerDue(g, g.members[it.memberIdx()])
	case itStaticSession:
		g := s.groups[it.groupIdx()]
		s.staticSessionDue(g, g.members[it.memberIdx()])
	case itProducerMetadata, itGroupMetadata:
		s.metadataRefreshed(it)
	case itExternalGroup:
		s.externalGroupTimer(it)
	case itTxnTimeout:
		s.txnTimeoutDue(it)
	default:
		panic("sim: unknown item kind")
	}
}
