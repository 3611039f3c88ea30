package sim

import "errors"

// A live session (kafkasim serve) is replayed from the requests its
// clients sent: each one is a timeline command, client-request, that hands
// the same bytes to the same protocol handlers at the same virtual time.
// The handlers live in package wire, which depends on sim; it registers
// them with SetClientRequestHandler.

// ClientRequest is one request a live client sent, as the broker read it.
type ClientRequest struct {
	Client string // the client id of its header
	Host   string // where the client connected from
	APIKey int16
	// Version is the request's version; Body is the request after its
	// header, in that version's encoding.
	Version int16
	Body    []byte
	// Fetch is, for answer-fetch, which waiting Fetch is answered: the
	// n-th Fetch (from 1) that found nothing and waited.
	Fetch int64
}

// ClientRequestHandler carries out a client-request or answer-fetch
// command on s.
type ClientRequestHandler func(s *Sim, broker int, req ClientRequest, answerFetch bool) error

var clientRequests ClientRequestHandler

// SetClientRequestHandler registers the protocol handlers (package wire).
func SetClientRequestHandler(h ClientRequestHandler) { clientRequests = h }

// LiveState is the handlers' own state for this run (the requests waiting
// for an answer). The engine only keeps it.
func (s *Sim) LiveState() any { return s.liveState }

// SetLiveState keeps the handlers' state for this run.
func (s *Sim) SetLiveState(v any) { s.liveState = v }

var errNoHandlers = errors.New("client requests need the protocol handlers (kafkasim's wire package), which this program does not have")

func (s *Sim) execClientRequest(c Command) error {
	if clientRequests == nil {
		return errNoHandlers
	}
	if c.Request == nil {
		return errors.New(string(c.Kind) + " needs a request")
	}
	return clientRequests(s, c.Broker, *c.Request, c.Kind == CmdAnswerFetch)
}

// lateCommand: a command that runs after everything else already due in
// its millisecond, as a live client's request or a fault given on a live
// run did (the server brings the engine up to now, then hands it over).
func lateCommand(c Command) bool {
	return c.Late || c.Kind == CmdClientRequest || c.Kind == CmdAnswerFetch
}

// lateSeq puts an item after every ordinary item of its millisecond and
// after the late ones queued before it.
const lateSeq = uint64(1) << 62

// pushLate queues it after what is due in its millisecond.
func (q *eventQueue) pushLate(it item) {
	q.seq++
	it.seq = lateSeq + q.seq
	q.heapPush(it)
}
