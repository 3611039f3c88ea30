package sim

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Record values a producer makes up. A value is computed from the
// producer and the send's number whenever it is needed (shown, sized,
// checked by an alert), never stored: the ledger keeps only the send
// number it already has.

// Value kinds (ValueSpec.Kind).
const (
	// ValuesTemperature: readings of a sensor, in degrees Celsius to a
	// tenth, that warm and cool over a cycle of sends with some noise.
	ValuesTemperature = "temperature"
	// ValuesPayload: "<id>#<n>" filled out with '.' to a fixed size, like
	// kafka-producer-perf-test's --record-size.
	ValuesPayload = "payload"
)

// ValueSpec declares how a producer makes up its values.
type ValueSpec struct {
	Kind string
	// MinTenths and MaxTenths bound a temperature, in tenths of a degree.
	MinTenths, MaxTenths int
	// CycleSends is how many sends a warm-and-cool cycle takes.
	CycleSends int
	// Bytes is a payload's size.
	Bytes int
	// Seed is the run's seed, set when the producer is added.
	Seed uint64
}

// valueStream keeps the values' noise apart from every other stream.
const valueStream = 0x76616c7565 // "value"

// DefaultCycleSends is a temperature's cycle when none is given.
const DefaultCycleSends = 60

// generatedValue is the n-th value (n from 1) of producer pi named id.
func (v *ValueSpec) generatedValue(id string, pi int32, n int32) string {
	if v == nil {
		return id + "#" + strconv.Itoa(int(n))
	}
	switch v.Kind {
	case ValuesTemperature:
		return tenthsText(v.temperatureTenths(pi, n))
	case ValuesPayload:
		s := id + "#" + strconv.Itoa(int(n))
		if len(s) < v.Bytes {
			s += strings.Repeat(".", v.Bytes-len(s))
		}
		return s
	}
	return id + "#" + strconv.Itoa(int(n))
}

// generatedLen is the length of generatedValue without building it.
func (v *ValueSpec) generatedLen(id string, pi int32, n int32) int {
	base := len(id) + 1 + decimalDigits(uint64(n)) // n counts sends from 1
	switch {
	case v == nil:
		return base
	case v.Kind == ValuesPayload:
		return max(base, v.Bytes)
	}
	return len(v.generatedValue(id, pi, n))
}

// temperatureTenths is a triangle wave from min to max and back over
// CycleSends sends, plus noise of up to a tenth of the range either way,
// kept inside the range.
func (v *ValueSpec) temperatureTenths(pi int32, n int32) int {
	span := v.MaxTenths - v.MinTenths
	cycle := v.CycleSends
	if cycle < 2 {
		cycle = DefaultCycleSends
	}
	phase := int(n-1) % cycle
	half := cycle / 2
	var wave int
	if phase < half {
		wave = span * phase / half
	} else {
		wave = span * (cycle - phase) / (cycle - half)
	}
	noise := 0
	if amp := span / 10; amp > 0 {
		rng := rand.New(rand.NewPCG(v.Seed, valueStream^uint64(pi)<<32^uint64(n)))
		noise = rng.IntN(2*amp+1) - amp
	}
	return min(max(v.MinTenths+wave+noise, v.MinTenths), v.MaxTenths)
}

// tenthsText writes tenths of a unit as a decimal: 231 -> "23.1".
func tenthsText(t int) string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return sign + strconv.Itoa(t/10) + "." + strconv.Itoa(t%10)
}

// valueSpecs lists each producer's ValueSpec, by producer index, for the
// ledger; a producer with none (or not listed) makes "<id>#<n>".
type valueSpecs []*ValueSpec

func (vs valueSpecs) of(pi int32) *ValueSpec {
	if int(pi) < len(vs) {
		return vs[pi]
	}
	return nil
}

// noteValueSpec records producer p's ValueSpec, seeded by the run.
func (s *Sim) noteValueSpec(p *producer) {
	for int(p.idx) > len(s.ledger.specs) {
		s.ledger.specs = append(s.ledger.specs, nil)
	}
	var spec *ValueSpec
	if p.cfg.Values != nil {
		c := *p.cfg.Values
		c.Seed = s.cfg.Seed
		spec = &c
	}
	s.ledger.specs = append(s.ledger.specs[:p.idx:p.idx], spec)
}

// MaxPayloadBytes bounds a payload value, so runs stay small.
const MaxPayloadBytes = 1 << 20

// Validate checks a ValueSpec.
func (v *ValueSpec) Validate() error {
	switch v.Kind {
	case ValuesTemperature:
		if v.MaxTenths < v.MinTenths {
			return fmt.Errorf("values: max is below min")
		}
		if v.CycleSends < 0 {
			return fmt.Errorf("values: cycle must be positive")
		}
	case ValuesPayload:
		if v.Bytes < 1 || v.Bytes > MaxPayloadBytes {
			return fmt.Errorf("values: bytes must be between 1 and %d", MaxPayloadBytes)
		}
	default:
		return fmt.Errorf("values: kind must be %q or %q", ValuesTemperature, ValuesPayload)
	}
	return nil
}
