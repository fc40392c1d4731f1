package sqlstore

import (
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/corroborate"
)

// Incremental is a Corroborator that keeps what merging needs of an
// event's reports in a tally (corroborate.Rule), so that linking a report
// costs what the report holds instead of re-reading and re-merging every
// report the event has. The store keeps the tally in events.tally
// (migration 0004) and falls back to Merge over all reports for a
// Corroborator without it.
type Incremental interface {
	Add(t *corroborate.Tally, r *sitrep.Report)
	Apply(t *corroborate.Tally, e *sitrep.EventRecord)
}

// mergeState is what the store keeps per event besides its record: the
// corroborator's tally and the distinct evidence and mention texts of its
// reports, in the order they were linked, which its full-text entry is
// made of.
type mergeState struct {
	tally corroborate.Tally
	texts []string
	// indexed is indexHash of the event's entry in the search indexes
	// as last written; 0 when unknown.
	indexed uint64
}

// addTexts appends the report's evidence and mention texts not yet
// among texts.
func addTexts(texts []string, r *sitrep.Report) []string {
	add := func(s string) {
		if s == "" {
			return
		}
		for _, t := range texts {
			if t == s {
				return
			}
		}
		texts = append(texts, s)
	}
	add(r.Event.Evidence.Text)
	for _, m := range r.Event.Mentions {
		add(m.Text)
	}
	return texts
}

// encodeState returns the binary form of a merge state, in the record
// codec's tolerant layout: fields appended later keep old states
// readable. A report's key appears in the votes of several fields, so
// the keys are written once, in a table ahead of the tally, and referred
// to by their index in it.
func encodeState(s *mergeState) []byte {
	e := &enc{b: make([]byte, 0, 4096)}
	t := &s.tally
	index := make(map[string]int, t.Reports)
	table := make([]corroborate.Key, 0, t.Reports)
	key := func(k corroborate.Key) {
		i, ok := index[k.ID]
		if !ok {
			i = len(table)
			index[k.ID] = i
			table = append(table, k)
		}
		e.uint(uint64(i))
	}
	firsts := func(l []corroborate.FirstSeen) {
		e.uint(uint64(len(l)))
		for _, f := range l {
			e.structure(3, func() { e.str(f.Value); key(f.First); e.int(int64(f.Pos)) })
		}
	}
	actors := func(l []corroborate.ActorSeen) {
		e.uint(uint64(len(l)))
		for i := range l {
			a := &l[i]
			e.structure(4, func() { e.str(a.Key); key(a.First); e.int(int64(a.Pos)); e.actor(&a.Ref) })
		}
	}
	intPtr := func(p *int) { e.ptr(p != nil, func() { e.int(int64(*p)) }) }
	e.structure(22, func() {
		e.int(int64(t.Reports))
		e.int(t.ScoreSum)
		e.int(t.CoderSum)
		e.int(int64(t.Coded))
		e.int(int64(t.HappenedReports))
		e.time(t.FirstReported)
		e.time(t.LastReported)
		e.strs(t.Articles)
		firsts(t.Sources)
		firsts(t.Outlets)
		firsts(t.Modalities)
		e.uint(uint64(len(t.Main)))
		for i := range t.Main {
			m := &t.Main[i]
			e.structure(3, func() { e.int(int64(m.Rank)); key(m.First); e.event(&m.Event) })
		}
		actors(t.Actor1)
		actors(t.Actor2)
		actors(t.Actors)
		e.uint(uint64(len(t.Locations)))
		for i := range t.Locations {
			v := &t.Locations[i]
			e.structure(5, func() {
				e.str(v.Key)
				e.int(int64(v.Precision))
				e.int(int64(v.Count))
				key(v.First)
				e.location(&v.Location)
			})
		}
		e.uint(uint64(len(t.Dates)))
		for i := range t.Dates {
			v := &t.Dates[i]
			e.structure(5, func() {
				e.str(v.Key)
				e.int(int64(v.Precision))
				e.int(int64(v.Count))
				key(v.First)
				d := &v.Date
				e.structure(4, func() { e.str(d.Start); e.str(d.End); e.int(int64(d.Precision)); e.str(d.Text) })
			})
		}
		intPtr(t.Fatalities)
		intPtr(t.Injuries)
		e.uint(uint64(len(t.Votes)))
		for _, f := range t.Votes {
			e.structure(2, func() {
				e.str(f.Field)
				e.uint(uint64(len(f.Values)))
				for _, v := range f.Values {
					e.structure(2, func() {
						e.str(v.Value)
						e.uint(uint64(len(v.Reports)))
						for _, k := range v.Reports {
							key(k)
						}
					})
				}
			})
		}
		e.strs(s.texts)
		e.uint(s.indexed)
	})
	body := e.b
	e.b = make([]byte, 0, len(body)+32*len(table)+16)
	e.b = append(e.b, codecVersion)
	e.uint(uint64(len(table)))
	for _, k := range table {
		e.time(k.Published)
		e.str(k.ID)
	}
	return append(e.b, body...)
}

// decodeState reads what encodeState wrote.
func decodeState(b []byte, s *mergeState) error {
	if len(b) == 0 || b[0] != codecVersion {
		return errCodec
	}
	d := &dec{b: b[1:]}
	t := &s.tally
	table := make([]corroborate.Key, d.count())
	for i := range table {
		table[i].Published = d.time()
		table[i].ID = d.str()
	}
	key := func(k *corroborate.Key) {
		i := d.uint()
		if i >= uint64(len(table)) {
			d.fail()
			return
		}
		*k = table[i]
	}
	firsts := func() []corroborate.FirstSeen {
		n := d.count()
		if n == 0 {
			return nil
		}
		out := make([]corroborate.FirstSeen, n)
		for i := range out {
			f := &out[i]
			d.structure(func() { f.Value = d.str() }, func() { key(&f.First) }, func() { f.Pos = int(d.int()) })
		}
		return out
	}
	actors := func() []corroborate.ActorSeen {
		n := d.count()
		if n == 0 {
			return nil
		}
		out := make([]corroborate.ActorSeen, n)
		for i := range out {
			a := &out[i]
			d.structure(func() { a.Key = d.str() }, func() { key(&a.First) }, func() { a.Pos = int(d.int()) }, func() { d.actor(&a.Ref) })
		}
		return out
	}
	d.structure(
		func() { t.Reports = int(d.int()) },
		func() { t.ScoreSum = d.int() },
		func() { t.CoderSum = d.int() },
		func() { t.Coded = int(d.int()) },
		func() { t.HappenedReports = int(d.int()) },
		func() { t.FirstReported = d.time() },
		func() { t.LastReported = d.time() },
		func() { t.Articles = d.strs() },
		func() { t.Sources = firsts() },
		func() { t.Outlets = firsts() },
		func() { t.Modalities = firsts() },
		func() {
			if n := d.count(); n > 0 {
				t.Main = make([]corroborate.MainCandidate, n)
				for i := range t.Main {
					m := &t.Main[i]
					d.structure(func() { m.Rank = int(d.int()) }, func() { key(&m.First) }, func() { d.event(&m.Event) })
				}
			}
		},
		func() { t.Actor1 = actors() },
		func() { t.Actor2 = actors() },
		func() { t.Actors = actors() },
		func() {
			if n := d.count(); n > 0 {
				t.Locations = make([]corroborate.LocationVote, n)
				for i := range t.Locations {
					v := &t.Locations[i]
					d.structure(func() { v.Key = d.str() }, func() { v.Precision = int(d.int()) }, func() { v.Count = int(d.int()) },
						func() { key(&v.First) }, func() { d.location(&v.Location) })
				}
			}
		},
		func() {
			if n := d.count(); n > 0 {
				t.Dates = make([]corroborate.DateVote, n)
				for i := range t.Dates {
					v := &t.Dates[i]
					d.structure(func() { v.Key = d.str() }, func() { v.Precision = int(d.int()) }, func() { v.Count = int(d.int()) },
						func() { key(&v.First) }, func() { d.dateRange(&v.Date) })
				}
			}
		},
		func() { t.Fatalities = d.intPtr() },
		func() { t.Injuries = d.intPtr() },
		func() {
			if n := d.count(); n > 0 {
				t.Votes = make([]corroborate.FieldVotes, n)
				for i := range t.Votes {
					f := &t.Votes[i]
					d.structure(func() { f.Field = d.str() }, func() {
						if m := d.count(); m > 0 {
							f.Values = make([]corroborate.Vote, m)
							for j := range f.Values {
								v := &f.Values[j]
								d.structure(func() { v.Value = d.str() }, func() {
									if r := d.count(); r > 0 {
										v.Reports = make([]corroborate.Key, r)
										for k := range v.Reports {
											key(&v.Reports[k])
										}
									}
								})
							}
						}
					})
				}
			}
		},
		func() { s.texts = d.strs() },
		func() { s.indexed = d.uint() },
	)
	return d.err
}
