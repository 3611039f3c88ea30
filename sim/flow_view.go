package sim

// What the snapshot shows of batching, compression and fetching: the
// numbers a tuning run is judged by.

// ProducerFlow is what a producer put on the wire.
type ProducerFlow struct {
	Requests  int    // produce requests sent, retries included
	BytesSent int64  // batch bytes in them, compressed
	Codec     string // compression.type
	// EstimatePermille is its current compression ratio estimate
	// (CompressionRatioEstimator), 1000 before any compressed batch.
	EstimatePermille int
}

// GroupFlow is what a group's fetches returned and its alerts.
type GroupFlow struct {
	Fetches      int   // fetch responses that carried records
	FetchedBytes int64 // their bytes, as stored (compressed)
	Fetched      int   // records in them
	// LatencyAvgMs and LatencyMaxMs time records from send() to the fetch
	// that returned them.
	LatencyAvgMs int64
	LatencyMaxMs int64
	Alerts       int // records processed that met alert-when
}

func (p *producer) flowView() ProducerFlow {
	return ProducerFlow{Requests: p.requests, BytesSent: p.bytesSent, Codec: p.codec(), EstimatePermille: int(p.batchEstimate())}
}

func (g *group) flowView() GroupFlow {
	f := GroupFlow{Fetches: g.flow.fetches, FetchedBytes: g.flow.fetchedBytes, Fetched: g.flow.fetchedRecs,
		LatencyMaxMs: g.flow.latencyMaxMs, Alerts: g.flow.alerts}
	if g.flow.fetchedRecs > 0 {
		f.LatencyAvgMs = g.flow.latencySumMs / int64(g.flow.fetchedRecs)
	}
	return f
}

// sizeBytes is the log's size on disk: its segments' bytes.
func (r *replica) sizeBytes() int64 {
	n := int64(0)
	for _, sg := range r.segments {
		n += sg.bytes
	}
	return n
}
