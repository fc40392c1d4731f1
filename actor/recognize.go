package actor

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
)

// Config holds the recognizer's settings.
type Config struct {
	// Files are user dictionaries (YAML or CSV) applied after the shipped
	// one, in order.
	Files []string
	// Dictionary, when set, is used as is and Files are ignored; tests and
	// long-running services share one this way.
	Dictionary *Dictionary
}

// FilesEnv names the environment variable that DefaultConfig reads user
// dictionaries from: file names separated by the system's list separator
// (":" on Unix), so that `SITREP_ACTOR_FILES=mine.yaml sitrep extract`
// uses them.
const FilesEnv = "SITREP_ACTOR_FILES"

// DefaultConfig returns the settings of the default pipeline: the shipped
// dictionary, followed by the files named in $SITREP_ACTOR_FILES, if any.
func DefaultConfig() Config {
	var c Config
	for _, f := range filepath.SplitList(os.Getenv(FilesEnv)) {
		if f = strings.TrimSpace(f); f != "" {
			c.Files = append(c.Files, f)
		}
	}
	return c
}

// Validate checks that the user files exist and are readable.
func (c Config) Validate() error {
	for _, f := range c.Files {
		if f == "" {
			return sitrep.Errorf(sitrep.EINVALID, "actor.Config.Files: empty file name")
		}
	}
	return nil
}

// Recognizer is the actor stage. It is safe for concurrent use.
type Recognizer struct {
	dict *Dictionary
	pool sync.Pool // *state, reused across documents
}

var _ sitrep.Stage = (*Recognizer)(nil)

// New loads the dictionary (the shipped one, shared by every Recognizer of
// the process, plus cfg.Files) and returns the stage.
func New(cfg Config) (*Recognizer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Dictionary != nil {
		return &Recognizer{dict: cfg.Dictionary}, nil
	}
	if len(cfg.Files) == 0 {
		d, err := Default()
		if err != nil {
			return nil, err
		}
		return &Recognizer{dict: d}, nil
	}
	var files []File
	for _, name := range cfg.Files {
		f, err := ReadFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	d, err := Build(files)
	if err != nil {
		return nil, err
	}
	return &Recognizer{dict: d}, nil
}

// Dictionary returns the recognizer's dictionary.
func (r *Recognizer) Dictionary() *Dictionary { return r.dict }

// Name implements sitrep.Namer.
func (r *Recognizer) Name() string { return "actor" }

// Annotate finds the actors of doc. It reads doc.Sentences and doc.Tokens
// (nothing happens without them), NER entities when present, and POS tags
// when present. It appends doc.Actors, appends entities with Source
// "actor", and sets ActorID on the NER entities it resolves. Entities end
// up sorted by start offset. It returns an error only when ctx is done.
func (r *Recognizer) Annotate(ctx context.Context, doc *sitrep.Document) error {
	if len(doc.Tokens) == 0 {
		return nil
	}
	st, _ := r.pool.Get().(*state)
	st = st.reset(r.dict, doc)
	defer func() {
		st.doc = nil
		r.pool.Put(st)
	}()
	for i := range doc.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		st.sentence(i)
	}
	st.finish()
	return nil
}

// mention is an actor mention found in a sentence.
type mention struct {
	span  sitrep.Span
	kind  sitrep.EntityKind
	actor string // id in state.actors
	// group ties the mentions of one split compound; 0 for none.
	group int
	// ner is the index of the NER entity the mention resolves, or -1.
	ner int
}

// state is the work on one document.
type state struct {
	d    *Dictionary
	doc  *sitrep.Document
	date string

	words []word
	ids   []int32
	hits  []hit
	items []item

	mentions []mention
	actorIdx map[string]int
	groups   int
	// registry holds names the document defined, by first word: persons'
	// full names and surnames ("Alaywan said"), organisations and their
	// acronyms ("Rapid Support Forces (RSF)").
	registry map[string][]regEntry
	// registered marks the person names already registered.
	registered map[string]bool
	// locals maps names to the ids of local actors.
	locals map[string]string
	// reused buffers
	covBuf   []bool
	doneBuf  []bool
	coverBuf []int32
	// ner lists the NER entities (Source "ner") of actor kinds by start.
	ner []int
}

// reset prepares a state (nil for a new one) for a document, keeping its
// buffers.
func (st *state) reset(d *Dictionary, doc *sitrep.Document) *state {
	if st == nil {
		st = &state{actorIdx: map[string]int{}, registry: map[string][]regEntry{}, registered: map[string]bool{}, locals: map[string]string{}}
	}
	clear(st.locals)
	clear(st.actorIdx)
	clear(st.registry)
	clear(st.registered)
	st.d, st.doc, st.date, st.groups = d, doc, "", 0
	st.mentions, st.ner = st.mentions[:0], st.ner[:0]
	if !doc.Article.Published.IsZero() {
		st.date = doc.Article.Published.Format("2006-01-02")
	}
	for i, a := range doc.Actors {
		st.actorIdx[a.ID] = i
	}
	for i, e := range doc.Entities {
		if e.Source == "ner" {
			switch e.Kind {
			case sitrep.KindPerson, sitrep.KindOrg, sitrep.KindGPE, sitrep.KindNORP:
				st.ner = append(st.ner, i)
			}
		}
	}
	return st
}

// addActor records an actor of the document and returns its id.
func (st *state) addActor(a sitrep.Actor) string {
	a.Aliases = nil
	if i, ok := st.actorIdx[a.ID]; ok {
		old := &st.doc.Actors[i]
		for _, r := range a.Roles {
			if !slices.Contains(old.Roles, r) {
				old.Roles = append(old.Roles, r)
			}
		}
		if old.Country == "" {
			old.Country = a.Country
		}
		if old.Kind == sitrep.ActorUnknown && a.Kind != "" {
			old.Kind = a.Kind
		}
		if old.Sector == "" {
			old.Sector = a.Sector
		}
		return a.ID
	}
	st.actorIdx[a.ID] = len(st.doc.Actors)
	st.doc.Actors = append(st.doc.Actors, a)
	return a.ID
}

// actor returns the document actor with the id.
func (st *state) actor(id string) *sitrep.Actor {
	if i, ok := st.actorIdx[id]; ok {
		return &st.doc.Actors[i]
	}
	return nil
}

// entryActor adds a dictionary entry as a document actor.
func (st *state) entryActor(e *Entry) string {
	a := e.Actor
	a.Roles = slices.Clone(a.Roles)
	if a.Kind == sitrep.ActorPerson && a.Sector == "" {
		a.Sector = st.personSector(e)
	}
	return st.addActor(a)
}

// personSector is the sector of the organisation a person held a role in
// at the publication date.
func (st *state) personSector(e *Entry) string {
	for _, r := range e.Roles {
		if r.Of == "" || !sitrep.InDateRange(st.date, r.From, r.To) {
			continue
		}
		if o, ok := st.d.Lookup(r.Of); ok {
			if o.Kind == sitrep.ActorState {
				return "GOV" // president of a state
			}
			if o.Sector != "" {
				return o.Sector
			}
		}
		if _, code, ok := strings.Cut(r.Of, "."); ok {
			if ag, ok := st.d.Agent(code); ok {
				return ag.Sector
			}
		}
	}
	return ""
}

// localActor adds an actor no dictionary knows, named by its text.
func (st *state) localActor(name string, kind sitrep.ActorKind) string {
	if id, ok := st.locals[name]; ok && st.actor(id) != nil {
		return id
	}
	id := sitrep.LocalActorPrefix + slug(name)
	st.locals[name] = id
	if st.actor(id) == nil {
		st.addActor(sitrep.Actor{ID: id, Name: name, Kind: kind, Text: name})
	}
	return id
}

// slug is a lower-case, hyphenated form of a name for local ids.
func slug(s string) string {
	ws := aliasWords(s)
	for i, w := range ws {
		ws[i] = strings.Trim(w, "'")
	}
	return strings.Join(ws, "-")
}

// add records a mention.
func (st *state) add(m mention) {
	m.ner = -1
	st.mentions = append(st.mentions, m)
}

// finish turns mentions into entities, resolving NER entities rather than
// duplicating them, and adds NER persons and organisations the dictionary
// did not know as actors of their own.
func (st *state) finish() {
	doc := st.doc
	used := make([]bool, len(st.mentions))
	// mentions by start, so that each NER entity looks only at those that
	// can overlap it
	slices.SortStableFunc(st.mentions, func(a, b mention) int { return a.span.Start - b.span.Start })
	maxLen := 0
	for _, m := range st.mentions {
		maxLen = max(maxLen, m.span.Len())
	}
	// the mentions starting from maxLen before e up to its end (sort.Search
	// reads them in place; slices.BinarySearchFunc would copy each compared
	// one)
	near := func(e *sitrep.Entity) (int, int) {
		ms := st.mentions
		lo := sort.Search(len(ms), func(k int) bool { return ms[k].span.Start >= e.Start-maxLen })
		hi := sort.Search(len(ms), func(k int) bool { return ms[k].span.Start >= e.End })
		return lo, hi
	}
	var widened []sitrep.Span
	var drop []int // fragments inside a widened name
	for _, ni := range st.ner {
		e := &doc.Entities[ni]
		if e.ActorID != "" {
			continue
		}
		best := -1
		lo, hi := near(e)
		for j := lo; j < hi; j++ {
			m := st.mentions[j]
			if used[j] || !m.span.Overlaps(e.Span) {
				continue
			}
			// The NER span and the mention name the same thing when one
			// contains the other and the mention is a name of the kind.
			if (e.Span.Contains(m.span) || m.span.Contains(e.Span)) && compatible(e.Kind, m.kind) {
				if best < 0 || m.span.Len() > st.mentions[best].span.Len() {
					best = j
				}
			}
		}
		if best >= 0 && st.mentions[best].group == 0 {
			e.ActorID = st.mentions[best].actor
			used[best] = true
			if m := st.mentions[best]; m.span.Contains(e.Span) && m.span != e.Span {
				// the dictionary's whole name over the recogniser's
				// fragments: "Group for the Support of Islam and Muslims",
				// not "Support of Islam" and "Muslims"
				e.Span, e.Text = m.span, doc.Slice(m.span)
				widened = append(widened, m.span)
			}
			continue
		}
		if slices.ContainsFunc(widened, func(w sitrep.Span) bool { return w.Contains(e.Span) }) {
			drop = append(drop, ni)
			continue
		}
		if best >= 0 {
			continue // a split compound: keep the finer mentions
		}
		overlapped := false
		for j := lo; j < hi; j++ {
			if st.mentions[j].span.Overlaps(e.Span) {
				overlapped = true
				break
			}
		}
		if overlapped {
			continue
		}
		switch e.Kind {
		case sitrep.KindPerson:
			e.ActorID = st.localActor(e.Text, sitrep.ActorPerson)
		case sitrep.KindOrg:
			e.ActorID = st.localActor(e.Text, sitrep.ActorUnknown)
		}
	}
	if len(drop) > 0 && !slices.ContainsFunc(doc.Entities, func(e sitrep.Entity) bool { return e.Antecedent != nil }) {
		k := 0
		doc.Entities = slices.DeleteFunc(doc.Entities, func(sitrep.Entity) bool {
			gone := slices.Contains(drop, k)
			k++
			return gone
		})
	}
	for j, m := range st.mentions {
		if used[j] {
			continue
		}
		doc.Entities = append(doc.Entities, sitrep.Entity{
			Span: m.span, Text: doc.Slice(m.span), Kind: m.kind, ActorID: m.actor, Source: "actor",
		})
	}
	for _, e := range doc.Entities {
		if e.Antecedent != nil {
			return // another stage linked entities by index: keep the order
		}
	}
	slices.SortStableFunc(doc.Entities, func(a, b sitrep.Entity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
}

func compatible(ner, m sitrep.EntityKind) bool {
	if ner == m {
		return true
	}
	switch ner {
	case sitrep.KindGPE, sitrep.KindNORP, sitrep.KindOrg:
		return m == sitrep.KindGPE || m == sitrep.KindNORP || m == sitrep.KindOrg
	}
	return false
}
