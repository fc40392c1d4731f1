package server

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"

	"gopkg.in/yaml.v3"
)

// openAPIYAML is the API's contract, OpenAPI 3.1; the tests check real
// answers against it.
//
//go:embed openapi.yaml
var openAPIYAML []byte

// OpenAPI returns the API's OpenAPI 3.1 document as JSON.
func OpenAPI() ([]byte, error) { return openAPIJSON() }

// openAPIJSON converts the embedded YAML to JSON.
func openAPIJSON() ([]byte, error) {
	var doc any
	if err := yaml.Unmarshal(openAPIYAML, &doc); err != nil {
		return nil, fmt.Errorf("server: read openapi.yaml: %w", err)
	}
	b, err := json.Marshal(jsonable(doc))
	if err != nil {
		return nil, fmt.Errorf("server: openapi.yaml as JSON: %w", err)
	}
	return b, nil
}

// jsonable turns YAML's map[any]any-free but still loosely typed tree into
// one encoding/json accepts (yaml.v3 decodes mappings as map[string]any,
// but keys like "200" may arrive as ints in nested maps).
func jsonable(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = jsonable(x)
		}
		return t
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[fmt.Sprint(k)] = jsonable(x)
		}
		return m
	case []any:
		for i, x := range t {
			t[i] = jsonable(x)
		}
		return t
	}
	return v
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	s.writeBody(w, r, http.StatusOK, "application/json", s.openapi)
}
