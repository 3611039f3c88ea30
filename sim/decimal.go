package sim

// appendDecimal writes n in base 10 as strconv.AppendInt does, two digits
// at a time, straight into b's spare room: the canonical form writes
// several numbers per event, and copying each from a scratch array was a
// call to memmove apiece.
func appendDecimal(b []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
	}
	if u < 10 {
		return append(b, byte('0'+u))
	}
	if u < 100 {
		return append(b, decimalPairs[u*2], decimalPairs[u*2+1])
	}
	end := len(b) + decimalDigits(u)
	if end > cap(b) {
		b = append(b[:cap(b)], make([]byte, end-cap(b))...)
	}
	b = b[:end]
	i := end
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		i -= 2
		b[i], b[i+1] = decimalPairs[r], decimalPairs[r+1]
		u = q
	}
	if u >= 10 {
		b[i-2], b[i-1] = decimalPairs[u*2], decimalPairs[u*2+1]
	} else {
		b[i-1] = byte('0' + u)
	}
	return b
}

// decimalDigits is how many digits u has in base 10.
func decimalDigits(u uint64) int {
	d := 1
	for ; u >= 10000; u /= 10000 {
		d += 4
	}
	switch {
	case u >= 1000:
		return d + 3
	case u >= 100:
		return d + 2
	case u >= 10:
		return d + 1
	}
	return d
}

// decimalPairs holds "00" to "99", each pair of digits at twice its value.
const decimalPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"
