package event

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// sent is one sentence under analysis.
type sent struct {
	si       int
	span     sitrep.Span
	Span     sitrep.Span
	toks     []sitrep.Token
	base     int // index of toks[0] in doc.Tokens
	words    []string
	region   int
	kind     sitrep.RegionKind
	headline bool
	inTime   []bool
	mentions []mention
	// attribution of the sentence and the tokens it covers
	sources []sitrep.Attribution
	// inherited are the paragraph's sources the sentence continues, read
	// once after its own (see reader.inherited)
	inherited []sitrep.Attribution
	inAttr    []bool
	// denial is the token index of a denial verb, or -1.
	denial int
	// speakerActor is the key of the sentence's speaker, for "claimed".
	speakerKeys []string
	speakerRefs []*sitrep.ActorRef
	// tree is the sentence's dependency parse, nil without a parser.
	tree *tree
	// rels are the commas around parenthetical relative clauses.
	rels [][2]int
	// places indexes the doc.Places that lie in or overlap the sentence,
	// in document order (see placesOf); placesDone says it is built.
	places     []int
	placesDone bool
	// dead and hurt are what casualties reads in the sentence, once
	// casualtiesRead.
	dead, hurt     int
	ofWounded      bool // some of the wounded died (ofTheWounded)
	casualtiesRead bool
	// breaks marks the words that are clauseBreakers (see breakers).
	breaks []bool
	// counts holds countValue of each word, -1 for none (see countsOf).
	counts []int64
}

// countsOf returns countValue of each word of s, -1 where it reads none,
// computed once for all the triggers of the sentence.
func (s *sent) countsOf() []int64 {
	if s.counts == nil {
		s.counts = make([]int64, len(s.words))
		for k, w := range s.words {
			s.counts[k] = -1
			if v, ok := countValue(w); ok {
				s.counts[k] = v
			}
		}
	}
	return s.counts
}

// cand is an event candidate read from one trigger.
type cand struct {
	ev        sitrep.Event
	s         *sent
	trig      int // token index in the sentence
	lemma     string
	flags     int
	governed  bool // the trigger sits in another trigger's complement
	governor  int  // index in r.cands of the governing candidate, or -1
	anaphoric bool // a definite event noun referring back: "the retreat"
	actorAna  bool // actor1 is anaphoric
	a1key     string
	a2key     string
	origin    string // "from X" place text, lower case
	dest      string // "to X" place text, lower case
	dateFall  bool   // the date is a fallback, not read from the text
	dead      bool   // merged into another
	headline  bool
	purpose   bool // a purpose clause "to assist X" of another trigger
	seeded    bool // read from CAMEO's dictionary, not the curated lexicon
	cue       string
	// background noun triggers sit in a temporal or causal phrase
	background bool
	// moreDead: the sentence adds to an earlier toll ("3 militants were
	// also killed"); its fatalities add to the event it merges into
	moreDead bool
	// ofWounded: the sentence tells that some of the wounded died, more
	// of an earlier fight's dead (see ofTheWounded)
	ofWounded bool
	// onlyHurt: the sentence tells only of wounded, by no one named ("Two
	// soldiers were wounded"), more of a fight told just before
	onlyHurt bool
	// light: a noun made an act by a light verb ("held a protest")
	light bool
	// added lists the sentences whose toll moreDead added already
	added []int
	// leaving: a retreat that is the attackers of an attack told before
	// leaving its scene (see attackersLeave)
	leaving bool
	// lastSi is the index of the latest sentence merged into the event
	// (0 before any: see toldLast)
	lastSi int
}

// reader holds one document's analysis.
type reader struct {
	c        *Coder
	doc      *sitrep.Document
	acronyms map[string]string
	cands    []*cand
	// the latest sources per region, for sentences that continue an
	// attributed paragraph
	paraSources map[int][]sitrep.Attribution
	// paraLast is, per region, the index of the sentence that last set or
	// passed on paraSources: only the next sentence may take them.
	paraLast   map[int]int
	lastOutlet string
	lastDoc    string
	lastGroup  string
	// entSorted says doc.Entities is sorted by start (the actor stage
	// sorts it); entMaxLen is the longest entity, for window searches.
	entSorted bool
	entMaxLen int
	actorIdx  map[string]int
	// countries weighs the report's evidence for each country (see
	// focusOf); focus is the country with the most, "" on a tie.
	countries map[string]int
	focus     string
	// scenes are the places the body's sentences put things at, in
	// order (see noteScene).
	scenes []scene
	// ner: the entity recogniser has run on the report (it found at
	// least one name), so a capitalised first word it left alone is no
	// name.
	ner bool
	// mentionSlab holds the mentions of the sentences read so far and
	// room for the next (see findMentions).
	mentionSlab []mention
	// spanSlab holds the mentions' spans (see spanPtr).
	spanSlab []sitrep.Span
	// claims are the casualty figures armed groups gave (see claims.go).
	claims []claim
}

func newReader(c *Coder, doc *sitrep.Document) *reader {
	r := &reader{c: c, doc: doc, acronyms: acronymsOf(doc), paraSources: map[int][]sitrep.Attribution{},
		paraLast: map[int]int{}, entSorted: true, actorIdx: make(map[string]int, len(doc.Actors))}
	for i, e := range doc.Entities {
		if i > 0 && e.Start < doc.Entities[i-1].Start {
			r.entSorted = false
		}
		r.entMaxLen = max(r.entMaxLen, e.Len())
		r.ner = r.ner || e.Source == "ner"
	}
	for i, a := range doc.Actors {
		r.actorIdx[a.ID] = i
	}
	r.countries, r.focus = focusOf(doc)
	return r
}

// focusOf weighs the report's evidence for each country: its places
// (countries, admin units and nationality words count twice, since a town
// is more often a namesake elsewhere) and its actors. It returns the
// weights and the country with the most, "" when two share the most.
func focusOf(doc *sitrep.Document) (map[string]int, string) {
	w := map[string]int{}
	for _, p := range doc.Places {
		if p.Country == "" || p.Role == sitrep.RoleEmbedded {
			continue
		}
		if p.Role == sitrep.RoleDemonym || p.Precision >= sitrep.PrecisionRegion {
			w[p.Country] += 2
		} else {
			w[p.Country]++
		}
	}
	for _, a := range doc.Actors {
		if a.Country != "" {
			w[a.Country]++
		}
	}
	focus, most, tie := "", 0, false
	for c, n := range w {
		switch {
		case n > most:
			focus, most, tie = c, n, false
		case n == most:
			tie = true
		}
	}
	if tie {
		return w, ""
	}
	return w, focus
}

// entitiesOver returns the entities that may overlap sp: a window of the
// sorted list found by binary search, or the whole list when it is not
// sorted. Large reports have thousands of entities; scanning them all for
// every mention made coding quadratic.
func (r *reader) entitiesOver(sp sitrep.Span) []sitrep.Entity {
	es := r.doc.Entities
	if !r.entSorted {
		return es
	}
	// the first entities starting at or after each end (sort.Search reads
	// them in place; slices.BinarySearchFunc copied each one it compared)
	from := sp.Start - r.entMaxLen
	lo := sort.Search(len(es), func(k int) bool { return es[k].Start >= from })
	hi := sort.Search(len(es), func(k int) bool { return es[k].Start >= sp.End })
	if lo > hi {
		return nil
	}
	return es[lo:hi]
}

// entityOver reports whether an entity overlaps the span (entitiesOver
// gives the candidates, also some that end before it).
func (r *reader) entityOver(sp sitrep.Span) bool {
	for _, e := range r.entitiesOver(sp) {
		if e.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// actor returns the document's actor with the id, or nil.
func (r *reader) actor(id string) *sitrep.Actor {
	if i, ok := r.actorIdx[id]; ok {
		return &r.doc.Actors[i]
	}
	return nil
}

// sentence analyses sentence si and adds its candidates.
func (r *reader) sentence(si int) {
	doc := r.doc
	st := doc.Sentences[si]
	if st.Region >= 0 && st.Region < len(doc.Regions) && !doc.Regions[st.Region].Kind.Analysed() {
		return
	}
	toks := doc.SentenceTokens(si)
	if len(toks) == 0 {
		return
	}
	s := &sent{si: si, span: st.Span, Span: st.Span, toks: toks, base: st.First, region: st.Region, denial: -1}
	if st.Region >= 0 && st.Region < len(doc.Regions) {
		s.kind = doc.Regions[st.Region].Kind
		s.headline = s.kind == sitrep.Headline
	}
	s.words = lowerWords(toks)
	for i := range toks {
		// "re-captured", "re-took": the lexicon spells them whole
		if w := s.words[i]; strings.HasPrefix(w, "re-") && len(w) > 5 {
			if _, ok := r.c.lex.byFirst["re"+w[3:]]; ok {
				s.words[i] = "re" + w[3:]
			}
		}
	}
	s.inTime = make([]bool, len(toks))
	for _, tx := range doc.Times {
		if !st.Span.Contains(tx.Span) {
			continue
		}
		for i := range toks {
			if tx.Span.Contains(toks[i].Span) {
				s.inTime[i] = true
			}
		}
	}
	s.inAttr = make([]bool, len(toks))
	s.tree = parseTree(s)
	s.findRelatives()
	r.findMentions(s)
	r.attribution(s)
	r.noteClaims(s)
	r.triggers(s)
}

// lowerWords returns strings.ToLower of each token's text. The ASCII
// words with a capital are lower-cased into one string for the sentence
// and sliced from it, rather than allocated one by one; an ASCII word
// without one is its own lower case.
func lowerWords(toks []sitrep.Token) []string {
	words := make([]string, len(toks))
	n := 0 // bytes of the ASCII words with a capital, left "" in words
	for i := range toks {
		w := toks[i].Text
		upper := false
		for j := 0; j < len(w); j++ {
			c := w[j]
			if c >= utf8.RuneSelf {
				words[i] = strings.ToLower(w)
				upper = false
				break
			}
			upper = upper || 'A' <= c && c <= 'Z'
		}
		if upper {
			n += len(w)
		} else if words[i] == "" {
			words[i] = w
		}
	}
	if n == 0 {
		return words
	}
	var b strings.Builder
	b.Grow(n)
	for i := range toks {
		if words[i] != "" || toks[i].Text == "" {
			continue
		}
		w := toks[i].Text
		for j := 0; j < len(w); j++ {
			c := w[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
	}
	low := b.String()
	for i := range toks {
		if words[i] != "" || toks[i].Text == "" {
			continue
		}
		k := len(toks[i].Text)
		words[i], low = low[:k], low[k:]
	}
	return words
}

// holds reports whether the sentence has a word of the set.
func (s *sent) holds(words map[string]bool) bool {
	for _, w := range s.words {
		if words[w] {
			return true
		}
	}
	return false
}

// mentionAt returns the mention covering token i, or nil.
func (s *sent) mentionAt(i int) *mention {
	for k := range s.mentions {
		if s.mentions[k].first <= i && i < s.mentions[k].last {
			return &s.mentions[k]
		}
	}
	return nil
}

// clauseStart returns the first token of the clause holding token i.
func (s *sent) clauseStart(i int) int {
	breaks := s.breakers()
	for k := i - 1; k >= 0; k-- {
		if breaks[k] && !(s.words[k] == "that" && k > 0 && groupNouns[s.words[k-1]]) {
			if o, c := s.relativeAt(k); o >= 0 && c < i {
				k = o // a relative clause set off before i: "X, which ..., called"
				continue
			}
			return k + 1
		}
	}
	return 0
}

// relativeAt returns the commas [open, close] of the parenthetical
// relative clause whose pronoun is at k (", which the group ousted from
// Sanaa in 2014,"), or -1, -1.
func (s *sent) relativeAt(k int) (int, int) {
	for _, r := range s.rels {
		if r[0] == k-1 {
			return r[0], r[1]
		}
	}
	return -1, -1
}

// inRelative reports whether token k lies inside a parenthetical relative
// clause that does not also hold token i.
func (s *sent) inRelative(k, i int) bool {
	for _, r := range s.rels {
		if r[0] < k && k < r[1] && !(r[0] < i && i < r[1]) {
			return true
		}
	}
	return false
}

// findRelatives marks the parenthetical relative clauses of the sentence:
// a comma, a relative pronoun, and the comma that closes the clause.
func (s *sent) findRelatives() {
	for k := 1; k < len(s.words); k++ {
		switch s.words[k] {
		case "which", "who", "whose", "whom":
		default:
			continue
		}
		if s.words[k-1] != "," {
			continue
		}
		for j := k + 1; j < len(s.words) && j < k+25; j++ {
			if s.words[j] == "," {
				s.rels = append(s.rels, [2]int{k - 1, j})
				break
			}
			if s.words[j] == "." || s.words[j] == ";" {
				break
			}
		}
	}
}

// clauseEnd returns one past the last token of the clause holding token i.
func (s *sent) clauseEnd(i int) int {
	breaks := s.breakers()
	for k := i + 1; k < len(s.words); k++ {
		if breaks[k] {
			return k
		}
	}
	return len(s.words)
}

// breakers returns, for each word of the sentence, whether it is one of
// the clauseBreakers, looked up once: the clause of every trigger and
// argument is asked for many times.
func (s *sent) breakers() []bool {
	if s.breaks == nil {
		s.breaks = make([]bool, len(s.words))
		for k, w := range s.words {
			s.breaks[k] = clauseBreakers[w]
		}
	}
	return s.breaks
}

// placesOf returns the indices of the places that lie in the sentence's
// span or overlap its tokens, in document order, found once per sentence:
// the coder asks for the sentence's places for every mention and every
// trigger, and a report has dozens of places.
func (r *reader) placesOf(s *sent) []int {
	if s.placesDone {
		return s.places
	}
	s.placesDone = true
	toks := s.span
	if len(s.toks) > 0 {
		toks = sitrep.Span{Start: s.toks[0].Start, End: s.toks[len(s.toks)-1].End}
	}
	for i := range r.doc.Places {
		if sp := r.doc.Places[i].Span; s.span.Contains(sp) || sp.Overlaps(toks) {
			s.places = append(s.places, i)
		}
	}
	return s.places
}
