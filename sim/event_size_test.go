package sim

import (
	"reflect"
	"testing"
	"unsafe"
)

// Every event is copied into the run's list and kept there for the screen
// (16,384 of them while playing), so its fields are laid out without
// padding between them: a flag or an int32 placed between two 8-byte
// fields would cost 8 bytes an event.
func TestEventHasNoPaddingBetweenFields(t *testing.T) {
	typ := reflect.TypeOf(Event{})
	var fields uintptr
	for i := range typ.NumField() {
		fields += typ.Field(i).Type.Size()
	}
	size := unsafe.Sizeof(Event{})
	if size-fields >= uintptr(typ.Align()) {
		t.Fatalf("an Event takes %d bytes for %d bytes of fields: group the small fields together", size, fields)
	}
}
