package perceptron_test

import (
	"unsafe"

	"github.com/sitrep/sitrep/perceptron"
)

func isAligned(b []byte) bool {
	return uintptr(unsafe.Pointer(unsafe.SliceData(b)))%perceptron.TableAlign == 0
}
