// Package schema holds the JSON Schema of sitrep's document contract
// (docs/schema.md) and validates documents against it.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Document is the JSON Schema (draft 2020-12) of `sitrep extract` output.
//
//go:embed document.schema.json
var Document []byte

var (
	once     sync.Once
	compiled *jsonschema.Schema
	errLoad  error
)

func load() (*jsonschema.Schema, error) {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Document))
		if err != nil {
			errLoad = fmt.Errorf("read document schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("document.schema.json", doc); err != nil {
			errLoad = fmt.Errorf("add document schema: %w", err)
			return
		}
		compiled, errLoad = c.Compile("document.schema.json")
	})
	return compiled, errLoad
}

// Validate checks one JSON document against the contract and returns an
// error naming every violation.
func Validate(data []byte) error {
	s, err := load()
	if err != nil {
		return err
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("document is not JSON: %w", err)
	}
	if err := s.Validate(v); err != nil {
		return fmt.Errorf("document breaks the schema: %w", err)
	}
	return nil
}
