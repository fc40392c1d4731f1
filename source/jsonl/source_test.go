package jsonl_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/jsonl"
)

func TestSource(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","text":"Troops left the town."}`,
		``,
		`{"id":"b","text":`,
		"{\"id\":\"c\",\"text\":\"bad \xff byte\"}",
		`{"id":"d","text":"` + strings.Repeat("x", 300) + `"}`,
		`{"text":"No id here, but text."}`,
		`   `,
		`{"id":"e"}`,
	}, "\n")
	src := jsonl.NewSource("batch.jsonl", strings.NewReader(in), 200)
	type got struct{ origin, code, id string }
	var items []got
	for {
		it, ok := src.Next(context.Background())
		if !ok {
			break
		}
		items = append(items, got{it.Origin, sitrep.ErrorCode(it.Err), it.Article.ID})
	}
	want := []got{
		{"batch.jsonl:1 (id a)", "", "a"},
		{"batch.jsonl:3", sitrep.EINVALID, ""},
		{"batch.jsonl:4 (id c)", sitrep.EINVALID, ""},
		{"batch.jsonl:5", sitrep.ETOOLARGE, ""},
		{"batch.jsonl:6", "", sitrep.ContentID("No id here, but text.")},
		{"batch.jsonl:8 (id e)", sitrep.EINVALID, ""},
	}
	if len(items) != len(want) {
		t.Fatalf("items %+v", items)
	}
	for i := range want {
		if items[i] != want[i] {
			t.Errorf("item %d: %+v, want %+v", i, items[i], want[i])
		}
	}
	if err := src.Err(); err != nil {
		t.Error(err)
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := jsonl.Open("/nonexistent/x.jsonl", 0); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("open missing: %v", err)
	}
}
