package sim

// dispatch runs one queued happening.
func (s *Sim) dispatch(it item) {
	switch it.kind {
	case itCommand:
		s.runScheduled(int(it.a))
	case itProducerTick:
		s.producerTick(it)
	case itLinger:
		p := s.producers[it.a]
		if !p.crashed && it.gen == p.gen && p.parts[it.b].open == it.c {
			s.closeBatch(p, int(it.b))
			s.drain(p)
		}
	case itProduceArrive:
		s.produceArrived(it)
	case itProduceResponse:
		s.produceResponse(it)
	case itRequestTimeout:
		s.requestTimedOut(it)
	case itRetryBackoff:
		p := s.producers[it.a]
		if it.gen == p.gen {
			s.drain(p)
		}
	case itBatchExpire:
		s.batchExpired(it)
	case itFetchArrive:
		s.fetchArrived(it)
	case itFetchResponse:
		s.fetchResponded(it)
	case itFetchWait:
		s.fetchWaitOver(it)
	case itISRCheck:
		s.isrCheck(int(it.a))
	case itBrokerSessionCheck:
		s.brokerSessionExpired(int(it.a))
	case itControllerElect:
		s.controllerElectDue()
	case itRetentionCheck:
		s.retentionCheck(int(it.a))
	case itCleanerCheck:
		s.cleanerCheck()
	case itLeaderBalance:
		s.leaderBalanceCheck()
	case itGroupTick:
		s.groupTick(it)
	case itConsumerPoll:
		s.poll(it)
	case itConsumerProcessed:
		s.processedDue(it)
	case itConsumerHeartbeat:
		s.sessionExpired(it)
	case itMetadataRefresh:
		s.metadataRefreshed(it)
	case itExternalGroup:
		s.externalGroupTimer(it)
	default:
		panic("sim: unknown item kind")
	}
}
