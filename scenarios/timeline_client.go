package scenarios

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// A live session (kafkasim serve) exported as a scenario scripts its
// clients with two timeline commands:
//
//	do = "client-request": broker, request ("Produce v9": the API and
//	  version), body (the request after its header, base64), client (the
//	  client id), host. The same protocol handlers read it at the same
//	  virtual time, so the engine makes the same decisions.
//	do = "answer-fetch": broker, fetch: the fetch-th Fetch that waited for
//	  records is answered now, as the live broker answered it.
//
// Both run after everything else due in their millisecond, as the live
// server ran them; late = true does the same for any other command (a
// fault given on the live run).

// clientRequest checks and decodes a client-request or answer-fetch entry.
func (t TimelineEntry) clientRequest(present func(string) bool, bad func(key, msg, hint string)) *sim.ClientRequest {
	req := &sim.ClientRequest{Client: t.Client, Host: t.Host, Fetch: int64(t.Fetch)}
	if sim.CommandKind(t.Do) == sim.CmdAnswerFetch {
		if present("fetch") && t.Fetch < 1 {
			bad("fetch", fmt.Sprintf("fetch %d does not exist", t.Fetch), "waiting Fetches are numbered from 1")
		}
		return req
	}
	if !present("request") {
		return req
	}
	key, version, ok := parseRequestName(t.Request)
	if !ok {
		bad("request", fmt.Sprintf("%q is not a Kafka request and version", t.Request), `write the API name and version: request = "Produce v9"`)
		return req
	}
	req.APIKey, req.Version = key, version
	body, err := base64.StdEncoding.DecodeString(t.Body)
	if err != nil {
		bad("body", "is not base64: "+err.Error(), "body is the request after its header, base64-encoded")
		return req
	}
	kr := kmsg.RequestForKey(key)
	kr.SetVersion(version)
	if err := kr.ReadFrom(body); err != nil {
		bad("body", "does not read as "+t.Request, "body is the request after its header, base64-encoded, in that version's encoding")
	}
	req.Body = body
	return req
}

// parseRequestName reads "Produce v9" as Kafka's api key 0, version 9.
func parseRequestName(s string) (int16, int16, bool) {
	name, v, found := strings.Cut(strings.TrimSpace(s), " v")
	if !found {
		return 0, 0, false
	}
	version, err := strconv.Atoi(v)
	if err != nil || version < 0 {
		return 0, 0, false
	}
	for key := int16(0); key < 100; key++ {
		if kmsg.NameForKey(key) == name {
			kr := kmsg.RequestForKey(key)
			return key, int16(version), kr != nil && version <= int(kr.MaxVersion())
		}
	}
	return 0, 0, false
}

// RequestName writes api key and version as the request key reads them.
func RequestName(key, version int16) string {
	return kmsg.NameForKey(key) + " v" + strconv.Itoa(int(version))
}

// clientField writes one of a client-request's keys.
func (w *tomlWriter) clientField(f string, r *sim.ClientRequest) {
	if r == nil {
		return
	}
	switch strings.TrimSuffix(f, "?") {
	case "request":
		w.str("request", RequestName(r.APIKey, r.Version))
	case "body":
		w.str("body", base64.StdEncoding.EncodeToString(r.Body))
	case "client":
		if r.Client != "" {
			w.str("client", r.Client)
		}
	case "host":
		if r.Host != "" {
			w.str("host", r.Host)
		}
	case "fetch":
		w.integer("fetch", r.Fetch)
	}
}
