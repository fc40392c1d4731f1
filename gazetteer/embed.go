package gazetteer

import (
	_ "embed"
	"sync"
)

//go:generate go run ./gen -shared ../../shared -out data/gazetteer.bin

// defaultData is the gazetteer built by gazetteer/gen and committed as
// data/gazetteer.bin.
//
//go:embed data/gazetteer.bin
var defaultData string

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer, opening it on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Open("(embedded)", defaultData)
	})
	return defaultGaz, defaultErr
}

// DefaultData returns the bytes of the embedded gazetteer file.
func DefaultData() string { return defaultData }
