package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/sqlstore"
)

// EncodeRecord is the stores' record encoding, for seeding.
var EncodeRecord = sqlstore.EncodeRecord

// SeedEvents fills an empty store's event tables with n synthetic
// corroborated events, fast, for benchmarks of queries and exports: dates
// over three years, ten countries, fifty actors, one to six sources.
// sqlite says whether db is the SQLite store (which keeps its search and
// spatial indexes in separate tables).
func SeedEvents(tb testing.TB, db *sql.DB, sqlite bool, n int) {
	tb.Helper()
	type country struct {
		iso      string
		lat, lon float64
	}
	countries := []country{{"LBY", 31, 15}, {"SDN", 15, 32}, {"UKR", 49, 33}, {"MLI", 15, -2}, {"SOM", 3, 45},
		{"YEM", 15, 46}, {"COD", -2, 28}, {"SYR", 35, 38}, {"NGA", 10, 8}, {"MMR", 20, 96}}
	types := []sitrep.EventType{sitrep.Assault, sitrep.Assault, sitrep.Assault, sitrep.Coerce, sitrep.Protest, sitrep.Mobilize,
		sitrep.Retreat, sitrep.Consult, sitrep.Accuse, sitrep.Threaten}
	// A Zipf-distributed vocabulary of 400 words, as news text has: a few
	// words in most events, most words in few.
	base := []string{"shelling", "airstrike", "ambush", "clashes", "drone", "checkpoint", "convoy", "market", "village", "protest",
		"militia", "army", "rebels", "police", "killed", "wounded", "displaced", "attack", "town", "border"}
	var words []string
	for i := range 400 {
		words = append(words, fmt.Sprintf("%s%d", base[i%len(base)], i/len(base)))
	}
	copy(words, base)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 2, uint64(len(words)-1))
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	ph := func(k int) string {
		if sqlite {
			return "?"
		}
		return fmt.Sprintf("$%d", k)
	}
	q := "INSERT INTO events (id, type, modality, happened, date_start, date_end, country, admin1, place_key, place_name, lat, lon, actor1, actor2, fatalities, n_sources, n_reports, first_reported, last_reported, confidence, record"
	if !sqlite {
		q += ", body"
	}
	q += ") VALUES ("
	cols := 21
	if !sqlite {
		cols = 22
	}
	for k := 1; k <= cols; k++ {
		if k > 1 {
			q += ", "
		}
		q += ph(k)
	}
	q += ") RETURNING seq"
	ins, err := tx.Prepare(q)
	if err != nil {
		tb.Fatal(err)
	}
	act, err := tx.Prepare(fmt.Sprintf("INSERT INTO event_actors (actor_key, event_seq, role, date_start) VALUES (%s, %s, %s, %s)", ph(1), ph(2), ph(3), ph(4)))
	if err != nil {
		tb.Fatal(err)
	}
	var fts, rtree, ftsKey *sql.Stmt
	if sqlite {
		if ftsKey, err = tx.Prepare("UPDATE events SET fts_key = ? WHERE seq = ?"); err != nil {
			tb.Fatal(err)
		}
		if fts, err = tx.Prepare("INSERT INTO events_fts (rowid, body) VALUES (?, ?)"); err != nil {
			tb.Fatal(err)
		}
		if rtree, err = tx.Prepare("INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)"); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range n {
		c := countries[r.IntN(len(countries))]
		day := start.AddDate(0, 0, r.IntN(3*365)).Format(time.DateOnly)
		lat, lon := c.lat+r.Float64()*4-2, c.lon+r.Float64()*4-2
		a1 := &sitrep.ActorRef{ID: fmt.Sprintf("%s-A%02d", c.iso, r.IntN(5)), Name: fmt.Sprintf("Actor %d of %s", r.IntN(5), c.iso)}
		a2 := &sitrep.ActorRef{ID: fmt.Sprintf("%s-A%02d", c.iso, 5+r.IntN(5)), Name: fmt.Sprintf("Actor %d of %s", 5+r.IntN(5), c.iso)}
		fat := r.IntN(20)
		var evidence []byte
		for range 12 {
			evidence = append(evidence, words[zipf.Uint64()]...)
			evidence = append(evidence, ' ')
		}
		nsrc := 1 + r.IntN(6)
		srcs := make([]string, nsrc)
		for k := range srcs {
			srcs[k] = fmt.Sprint("Outlet ", r.IntN(40))
		}
		mod := sitrep.Asserted
		if r.IntN(10) == 0 {
			mod = sitrep.Claimed
		}
		first := start.AddDate(0, 0, r.IntN(3*365))
		rec := sitrep.EventRecord{ID: fmt.Sprintf("ev-%08d", i), Happened: true, Sources: srcs, Outlets: srcs, ReportCount: nsrc, ArticleCount: nsrc,
			FirstReported: first, LastReported: first.Add(time.Duration(r.IntN(72)) * time.Hour),
			Event: sitrep.Event{ID: fmt.Sprintf("ev-%08d", i), Type: types[r.IntN(len(types))], Actor1: a1, Actor2: a2,
				ACLEDEventType: "Battles", ACLEDSubEventType: "Armed clash",
				Location:   &sitrep.Location{Name: fmt.Sprintf("Town %d", r.IntN(500)), Lat: lat, Lon: lon, Country: c.iso, Admin1: fmt.Sprint("Province ", r.IntN(8)), Precision: 1},
				Date:       &sitrep.DateRange{Start: day, End: day, Precision: 1},
				Fatalities: &fat, Modality: mod, Confidence: 0.5 + r.Float64()/2,
				Evidence: sitrep.Evidence{Text: string(evidence), Span: sitrep.Span{Start: 0, End: len(evidence)}}}}
		b := EncodeRecord(&rec)
		args := []any{rec.ID, string(rec.Event.Type), string(mod), 1, day, day, c.iso, rec.Event.Location.Admin1,
			fmt.Sprintf("name:%s", rec.Event.Location.Name), rec.Event.Location.Name, lat, lon, a1.ID, a2.ID, fat, nsrc, nsrc,
			first.Format(time.RFC3339Nano), rec.LastReported.Format(time.RFC3339Nano), rec.Event.Confidence, b}
		if !sqlite {
			args = append(args, string(evidence))
		}
		var seq int64
		if err := ins.QueryRow(args...).Scan(&seq); err != nil {
			tb.Fatal(err)
		}
		for _, a := range []struct{ k, role string }{{a1.ID, "actor1"}, {a2.ID, "actor2"}} {
			if _, err := act.Exec(a.k, seq, a.role, day); err != nil {
				tb.Fatal(err)
			}
		}
		if sqlite {
			d, _ := time.Parse(time.DateOnly, day)
			key := (d.Unix()/86400+100_000)<<32 | seq // as the sqlite store's ftsKey
			if _, err := fts.Exec(key, string(evidence)); err != nil {
				tb.Fatal(err)
			}
			if _, err := ftsKey.Exec(key, seq); err != nil {
				tb.Fatal(err)
			}
			if _, err := rtree.Exec(seq, lon, lon, lat, lat); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Exec("ANALYZE"); err != nil {
		tb.Fatal(err)
	}
}

// CheckSeededFilters checks, on a store filled by SeedEvents, that every
// kind of filter returns exactly the events a brute-force scan finds, on
// both sides of the selectivity at which stores change plans, and that
// paging through the results loses and repeats nothing.
func CheckSeededFilters(t *testing.T, s sitrep.Store) {
	t.Helper()
	ctx := context.Background()
	var all []sitrep.EventRecord
	if err := s.EachEvent(ctx, sitrep.EventFilter{}, func(e *sitrep.EventRecord) error {
		all = append(all, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	hasActor := func(e *sitrep.EventRecord, id string) bool {
		return e.Event.Actor1 != nil && e.Event.Actor1.ID == id || e.Event.Actor2 != nil && e.Event.Actor2.ID == id
	}
	tests := []struct {
		name string
		f    sitrep.EventFilter
		keep func(e *sitrep.EventRecord) bool
	}{
		{"wide box", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 0, MinLat: 0, MaxLon: 50, MaxLat: 60}},
			func(e *sitrep.EventRecord) bool {
				l := e.Event.Location
				return l.Lon >= 0 && l.Lon <= 50 && l.Lat >= 0 && l.Lat <= 60
			}},
		{"narrow box", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 32, MinLat: 14, MaxLon: 33, MaxLat: 15}},
			func(e *sitrep.EventRecord) bool {
				l := e.Event.Location
				return l.Lon >= 32 && l.Lon <= 33 && l.Lat >= 14 && l.Lat <= 15
			}},
		{"actor", sitrep.EventFilter{Actor: "UKR-A03"}, func(e *sitrep.EventRecord) bool { return hasActor(e, "UKR-A03") }},
		{"actor and country since", sitrep.EventFilter{Actor: "SDN-A07", Country: "SDN", Since: "2023-06-01"},
			func(e *sitrep.EventRecord) bool { return hasActor(e, "SDN-A07") && e.Event.Date.End >= "2023-06-01" }},
		{"common word", sitrep.EventFilter{Text: "shelling"}, func(e *sitrep.EventRecord) bool { return containsWord(e.Event.Evidence.Text, "shelling") }},
		{"rare word", sitrep.EventFilter{Text: "border3"}, func(e *sitrep.EventRecord) bool { return containsWord(e.Event.Evidence.Text, "border3") }},
		{"box and country", sitrep.EventFilter{Country: "SDN", BBox: &sitrep.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}},
			func(e *sitrep.EventRecord) bool { return e.Event.Location.Country == "SDN" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := map[string]bool{}
			for i := range all {
				if tt.keep(&all[i]) {
					want[all[i].ID] = true
				}
			}
			got := map[string]bool{}
			f := tt.f
			f.Limit = 50
			for {
				page, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range page.Events {
					if got[e.ID] {
						t.Fatalf("event %s on two pages", e.ID)
					}
					got[e.ID] = true
				}
				if page.Next == "" {
					break
				}
				f.Cursor = page.Next
			}
			if len(got) != len(want) {
				t.Errorf("%d events, brute force finds %d", len(got), len(want))
			}
			for id := range want {
				if !got[id] {
					t.Errorf("missing %s", id)
					break
				}
			}
		})
	}
}

func containsWord(text, w string) bool {
	for _, f := range strings.Fields(text) {
		if f == w {
			return true
		}
	}
	return false
}
