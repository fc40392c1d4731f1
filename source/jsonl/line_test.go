package jsonl_test

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/jsonl"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		wantID  string
		wantErr string // error code, or "" for none
		check   func(t *testing.T, a sitrep.Article)
	}{
		{name: "full", line: `{"id":"a1","text":"Troops left.","title":"T","published":"2020-05-25","url":"https://x.test/a","outlet":"Wire"}`,
			wantID: "a1", check: func(t *testing.T, a sitrep.Article) {
				if a.ID != "a1" || a.Title != "T" || a.Outlet != "Wire" || !a.Published.Equal(time.Date(2020, 5, 25, 0, 0, 0, 0, time.UTC)) || a.Language != "en" {
					t.Errorf("article %+v", a)
				}
			}},
		{name: "text only gets a content id", line: `{"text":"Troops left."}`, check: func(t *testing.T, a sitrep.Article) {
			if a.ID != sitrep.ContentID("Troops left.") {
				t.Errorf("ID = %q, want the content hash", a.ID)
			}
		}},
		{name: "no text", line: `{"id":"b"}`, wantID: "b", wantErr: sitrep.EINVALID},
		{name: "not json", line: `{"id":"c", text`, wantErr: sitrep.EINVALID},
		{name: "bad date", line: `{"id":"d","text":"x","published":"yesterday"}`, wantID: "d", wantErr: sitrep.EINVALID},
		{name: "invalid utf8", line: "{\"id\":\"e\",\"text\":\"\xff\"}", wantID: "e", wantErr: sitrep.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, a, err := jsonl.Decode([]byte(tt.line))
			if id != tt.wantID {
				t.Errorf("id = %q, want %q", id, tt.wantID)
			}
			if code := sitrep.ErrorCode(err); code != tt.wantErr {
				t.Fatalf("error %v (code %q), want code %q", err, code, tt.wantErr)
			}
			if tt.check != nil {
				tt.check(t, a)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","published":"2020-01-01"}`))
	f.Add([]byte("{\"text\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, a, err := jsonl.Decode(b)
		if err == nil && (a.Text == "" || a.ID == "") {
			t.Fatalf("accepted line without text or id: %q", b)
		}
	})
}
