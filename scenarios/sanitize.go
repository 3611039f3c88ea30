package scenarios

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from a scenario file safe to print on a terminal:
// control characters, escape sequences, invalid UTF-8 and bidirectional
// overrides are written out visibly ("\x1b", "\u202e", "\xff") instead of
// being sent raw. Newlines and tabs are kept, so multi-line text such as a
// description stays readable. Use SanitizeLine for one-line fields.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeLine is Sanitize for text that must stay on one line (keys,
// values, ids): it also writes newlines and tabs as "\n" and "\t".
func SanitizeLine(s string) string { return sanitize(s, true) }

func sanitize(s string, oneLine bool) string {
	if isPlain(s, oneLine) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case (r == '\n' || r == '\t') && !oneLine:
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case invisibleControl(r):
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)))
			b.WriteString(h)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII (plus newline and tab when
// allowed) and valid runes a terminal shows ("→", "—") need no work.
func isPlain(s string, oneLine bool) bool { return plain(s, oneLine, false) }

// isPlainBytes is isPlain for one line already written to a buffer: a
// writer appends text and checks it in place, with no string made.
func isPlainBytes(b []byte) bool { return plain(b, true, false) }

// text is what plain reads: a string, or a line written to a buffer.
type text interface{ ~string | ~[]byte }

// plain reports whether s prints as it is: printable ASCII, newlines and
// tabs unless oneLine, valid runes a terminal shows, and with forJSON no
// quote or backslash. It goes eight bytes at a time while they are
// printable ASCII (a why sentence nearly always is), rune by rune elsewhere.
func plain[T text](s T, oneLine, forJSON bool) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainWord(word(s[i:i+8]), forJSON) {
			i += 8
			continue
		}
		c := s[i]
		switch {
		case forJSON && (c == '"' || c == '\\'):
			return false
		case c >= 0x20 && c < 0x7f:
			i++
		case !oneLine && (c == '\n' || c == '\t'):
			i++
		case c >= utf8.RuneSelf:
			// At most utf8.UTFMax bytes: a []byte's conversion stays on the stack.
			r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if !shownRune(r, size) {
				return false
			}
			i += size
		default:
			return false
		}
	}
	return true
}

// word is the first eight bytes of s, the first in the low byte.
func word[T text](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Bytes repeated over a word, for plainWord.
const (
	eachByte  = 0x0101010101010101
	highBits  = 0x8080808080808080
	spaceByte = 0x20
)

// plainWord reports whether all eight bytes of w are printable ASCII
// (0x20-0x7e), and, forJSON, none a quote or a backslash. The tests are
// the classic "has a byte below n" and "has a zero byte" word tricks,
// exact for whether any byte matches once no byte has its high bit set.
func plainWord(w uint64, forJSON bool) bool {
	if w&highBits != 0 || hasByteBelow(w, spaceByte) || hasByte(w, 0x7f) {
		return false
	}
	return !forJSON || !(hasByte(w, '"') || hasByte(w, '\\'))
}

// hasByteBelow reports whether a byte of w, all below 0x80, is below n.
func hasByteBelow(w uint64, n byte) bool { return (w-eachByte*uint64(n))&^w&highBits != 0 }

// hasByte reports whether a byte of w, all below 0x80, equals c.
func hasByte(w uint64, c byte) bool {
	x := w ^ eachByte*uint64(c)
	return (x-eachByte)&^x&highBits != 0
}

// shownRune reports whether a decoded non-ASCII rune is valid UTF-8 that a
// terminal shows as it is.
func shownRune(r rune, size int) bool {
	return !(r == utf8.RuneError && size <= 1) && !invisibleControl(r)
}

// IsInvisibleControl reports whether a terminal would act on r rather than
// show it (C1 controls, bidirectional marks and overrides): screens that
// drop such runes instead of escaping them use it.
func IsInvisibleControl(r rune) bool { return invisibleControl(r) }

// invisibleControl reports runes a terminal interprets rather than shows:
// C1 controls (0x9b is a one-byte CSI on some terminals) and the
// bidirectional marks and overrides that can make text read backwards.
func invisibleControl(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
