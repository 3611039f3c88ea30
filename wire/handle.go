package wire

import (
	"reflect"

	"github.com/twmb/franz-go/pkg/kmsg"
)

// handler answers one request kind; req is decoded already.
type handler func(srv *Server, r *request, req kmsg.Request)

// api is one supported request kind and the versions served.
type api struct {
	min, max int16
	h        handler
}

// apis lists what the simulated brokers answer. The version caps keep to
// what the handlers implement (e.g. Fetch below v13, which names topics by
// id; FindCoordinator below v4, which batches groups).
func apis() map[int16]api {
	return map[int16]api{
		0:  {3, 9, handleProduce},
		1:  {4, 12, handleFetch},
		2:  {1, 7, handleListOffsets},
		3:  {1, 12, handleMetadata},
		8:  {2, 8, handleOffsetCommit},
		9:  {1, 7, handleOffsetFetch},
		10: {0, 3, handleFindCoordinator},
		11: {0, 7, handleJoinGroup},
		12: {0, 4, handleHeartbeat},
		13: {0, 4, handleLeaveGroup},
		14: {0, 5, handleSyncGroup},
		15: {0, 5, handleDescribeGroups},
		16: {0, 4, handleListGroups},
		18: {0, 3, handleApiVersions},
		19: {0, 7, handleCreateTopics},
		20: {0, 5, handleDeleteTopics},
		22: {0, 4, handleInitProducerID},
		23: {2, 4, handleOffsetsForLeaderEpoch},
		24: {0, 3, handleAddPartitionsToTxn}, // v4+ is the brokers' batched form (KIP-890)
		25: {0, 3, handleAddOffsetsToTxn},
		26: {0, 3, handleEndTxn},
		28: {0, 3, handleTxnOffsetCommit},
		32: {0, 4, handleDescribeConfigs},
		37: {0, 3, handleCreatePartitions},
		44: {0, 1, handleIncrementalAlterConfigs},
	}
}

// handle decodes a request and runs its handler. A request kind or
// version the brokers do not serve gets UNSUPPORTED_VERSION where its
// response has a top-level error code, and is narrated either way.
func (srv *Server) handle(r *request) {
	a, known := apis()[r.key]
	req := kmsg.RequestForKey(r.key)
	if r.key == 18 && (!known || r.version > a.max) {
		srv.unsupportedApiVersions(r)
		return
	}
	if !known || req == nil || r.version < a.min || r.version > a.max {
		srv.unsupported(r)
		return
	}
	req.SetVersion(r.version)
	if err := req.ReadFrom(r.body); err != nil {
		srv.sim.NoteExternal("a client (" + r.clientID + ") sent a " + kmsg.NameForKey(r.key) +
			" request the broker could not read; it closes the connection")
		r.c.close()
		return
	}
	a.h(srv, r, req)
}

func (srv *Server) unsupported(r *request) {
	name := kmsg.NameForKey(r.key)
	srv.sim.NoteExternal("client " + r.clientID + " sent " + name + " v" + itoa(int(r.version)) +
		", which the simulated brokers do not serve: they answer UNSUPPORTED_VERSION")
	resp := kmsg.ResponseForKey(r.key)
	if resp == nil {
		r.c.close() // an api key Kafka does not know: nothing to answer with
		return
	}
	f := reflect.ValueOf(resp).Elem().FieldByName("ErrorCode")
	if !f.IsValid() || f.Kind() != reflect.Int16 {
		r.c.close() // no top-level error code to carry the answer
		return
	}
	f.SetInt(int64(code("UNSUPPORTED_VERSION")))
	v := r.version
	if v > resp.MaxVersion() {
		v = resp.MaxVersion()
	}
	r.version = max(v, 0)
	srv.respond(r, resp)
}

// unsupportedApiVersions: a client asking ApiVersions in a version newer
// than the broker's gets a v0 answer with UNSUPPORTED_VERSION and the
// versions the broker has, so it can ask again (KIP-511).
func (srv *Server) unsupportedApiVersions(r *request) {
	resp := apiVersionsResponse()
	resp.ErrorCode = code("UNSUPPORTED_VERSION")
	r.version = 0
	srv.respond(r, resp)
}

func apiVersionsResponse() *kmsg.ApiVersionsResponse {
	resp := kmsg.NewPtrApiVersionsResponse()
	for key := int16(0); key < 100; key++ {
		a, ok := apis()[key]
		if !ok {
			continue
		}
		k := kmsg.NewApiVersionsResponseApiKey()
		k.ApiKey, k.MinVersion, k.MaxVersion = key, a.min, a.max
		if req := kmsg.RequestForKey(key); req != nil && req.MaxVersion() < a.max {
			k.MaxVersion = req.MaxVersion()
		}
		resp.ApiKeys = append(resp.ApiKeys, k)
	}
	return resp
}

func handleApiVersions(srv *Server, r *request, _ kmsg.Request) {
	srv.respond(r, apiVersionsResponse())
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
