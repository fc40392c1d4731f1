package event

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// mediaWords mark an outlet's name.
var mediaWords = set("news", "times", "post", "agency", "tv", "television", "radio", "press", "observer",
	"journal", "tribune", "herald", "gazette", "daily", "channel", "network", "reuters", "bloomberg",
	"afp", "ap", "bbc", "cnn", "xinhua", "tass", "ria", "guardian", "telegraph", "monitor", "broadcaster",
	"newspaper", "wire", "media", "online", "magazine", "review", "express", "mail", "independent",
	"jazeera", "arabiya", "interfax", "anadolu", "irna", "sana", "pajhwok", "tolonews", "dawn")

// attribution reads the sentence's attribution chain: cited outlets
// ("Bloomberg reported", "according to Al Jazeera's report", "in a
// statement to Reuters"), speakers ("Alaywan said", "Western officials, who
// say") and documents ("citing a statement the ministry issued").
func (r *reader) attribution(s *sent) {
	n := len(s.words)
	var out []sitrep.Attribution
	add := func(m *mention, role sitrep.SourceRole) {
		if m == nil || m.ref.Name == "" {
			return
		}
		name := m.ref.Name
		if m.anaphoric {
			switch {
			case m.head == "report" && r.lastOutlet != "":
				name, role = r.lastOutlet, sitrep.RoleCitedOutlet
			case m.head == "statement" && r.lastDoc != "":
				name, role = r.lastDoc, sitrep.RoleDocument
			case pronoun(m.head):
				return
			}
		}
		if role == sitrep.RoleSpeaker && r.isOutlet(m) {
			role = sitrep.RoleCitedOutlet
		}
		for k := m.first; k < m.last; k++ {
			s.inAttr[k] = true
		}
		for _, a := range out {
			if a.Name == name {
				return
			}
		}
		a := sitrep.Attribution{Name: name, Role: role, ActorID: m.ref.ID, Span: m.ref.Span}
		out = append(out, a)
		if role == sitrep.RoleCitedOutlet {
			r.lastOutlet = name
		}
		if role == sitrep.RoleSpeaker {
			s.speakerKeys = append(s.speakerKeys, m.key)
			s.speakerRefs = append(s.speakerRefs, refCopy(m.ref))
		}
	}
	for i := 0; i < n; i++ {
		w := s.words[i]
		if m := s.mentionAt(i); m != nil && m.proper {
			continue // "the United States", "Daily News Reports"
		}
		switch {
		case w == "according" && i+1 < n && s.words[i+1] == "to":
			s.inAttr[i], s.inAttr[i+1] = true, true
			m := r.docMentionAfter(s, i+2)
			if m != nil {
				role := sitrep.RoleSpeaker
				e := m.last
				if e+1 < n && (s.words[e] == "'s" || s.words[e] == "’s") && (s.words[e+1] == "report" || s.words[e+1] == "reporting") {
					role = sitrep.RoleCitedOutlet
					s.inAttr[e], s.inAttr[e+1] = true, true
				}
				add(m, role)
			} else if i+3 < n && s.words[i+2] == "the" {
				switch s.words[i+3] {
				case "report", "reports":
					if r.lastOutlet != "" {
						out = appendSource(out, sitrep.Attribution{Name: r.lastOutlet, Role: sitrep.RoleCitedOutlet})
					}
				case "statement":
					if r.lastDoc != "" {
						out = appendSource(out, sitrep.Attribution{Name: r.lastDoc, Role: sitrep.RoleDocument})
					}
				}
				s.inAttr[i+2], s.inAttr[i+3] = true, true
			}
		case w == "citing" || w == "quoting":
			s.inAttr[i] = true
			// "citing a statement the interior ministry issued on Monday"
			for k := i + 1; k < n && k < i+10; k++ {
				s.inAttr[k] = true
				if m := s.mentionAt(k); m != nil && !m.place {
					name := m.ref.Name
					if s.words[i+1] == "a" || s.words[i+1] == "the" || s.words[i+1] == "an" {
						if strings.Contains(strings.Join(s.words[i+1:k], " "), "statement") {
							doc := "statement by the " + strings.TrimPrefix(name, "the ")
							r.lastDoc = name
							out = appendSource(out, sitrep.Attribution{Name: name, Role: sitrep.RoleDocument, ActorID: m.ref.ID, Span: m.ref.Span})
							_ = doc
							markAttr(s, m)
							break
						}
					}
					add(m, sitrep.RoleSpeaker)
					break
				}
			}
			for k := i; k < n && !clauseBreakers[s.words[k]] && s.words[k] != "," && s.words[k] != "."; k++ {
				s.inAttr[k] = true
			}
		case w == "statement" && i+2 < n && (s.words[i+1] == "to" || s.words[i+1] == "with"):
			// "in a statement to Reuters"
			if m := s.mentionAt(i + 2); m != nil {
				add(m, sitrep.RoleCitedOutlet)
			}
			s.inAttr[i] = true
		case outletVerbs[w] || reportVerbs[w] && w != "according":
			if i > 0 && s.words[i-1] == "were" || i > 0 && s.words[i-1] == "was" {
				continue // "were reported killed" is not attribution
			}
			if i > 0 && i+1 < n && beForms[s.words[i-1]] && s.words[i+1] == "to" {
				continue // "the rebels are said to have seized": the subject says nothing
			}
			s.inAttr[i] = true
			m, shared := r.parseSpeaker(s, i)
			if m == nil {
				m = r.subjectBefore(s, i)
			}
			if m == nil && i+1 < n && i > 0 && (s.words[i-1] == "," || s.words[i-1] == "”" || s.words[i-1] == "\"") {
				// inverted: "..., said Alaywan"
				if sm := s.mentionAt(i + 1); sm != nil && !sm.place {
					m = sm
				}
			}
			if m == nil {
				continue
			}
			role := sitrep.RoleSpeaker
			if outletVerbs[w] {
				role = sitrep.RoleCitedOutlet
			}
			// "local officials and a security source said": both speak
			if m.first > 1 && s.words[m.first-1] == "and" {
				if o := s.mentionAt(m.first - 2); o != nil && !o.place {
					add(o, role)
				}
			}
			add(m, role)
			if shared {
				// "X praised Y and said ...": X is the first verb's
				// subject too, so it stays an argument
				for k := m.first; k < m.last; k++ {
					s.inAttr[k] = false
				}
			}
			// "told Reuters"
			if (w == "told" || w == "tells") && i+1 < n {
				if om := s.mentionAt(i + 1); om != nil && r.isOutlet(om) {
					add(om, sitrep.RoleCitedOutlet)
				}
			}
			// the time of the report is not the time of the event
			for k := i + 1; k < n && k < i+5; k++ {
				if s.inTime[k] || s.words[k] == "on" || s.words[k] == "in" && k+1 < n && s.inTime[k+1] {
					s.inAttr[k] = true
					continue
				}
				if !s.inTime[k] {
					break
				}
			}
		case (w == "denied" || w == "denies" || w == "deny" || w == "denying") && s.denial < 0:
			s.denial = i
		}
	}
	// a speaker's own words in quotes: "“...,” Alaywan said." is handled
	// above; the sentence's sources go to every event in it.
	s.sources = out
	s.inherited = r.inherited(s)
}

func markAttr(s *sent, m *mention) {
	for k := m.first; k < m.last; k++ {
		s.inAttr[k] = true
	}
}

func appendSource(out []sitrep.Attribution, a sitrep.Attribution) []sitrep.Attribution {
	for _, b := range out {
		if b.Name == a.Name || a.ActorID != "" && a.ActorID == b.ActorID {
			return out
		}
	}
	return append(out, a)
}

// isOutlet reports whether a mention names a news outlet.
func (r *reader) isOutlet(m *mention) bool {
	if m == nil || !m.proper {
		return false
	}
	if m.ref.Span != nil {
		over := r.entitiesOver(*m.ref.Span)
		for ei := range over {
			e := &over[ei]
			if e.Span.Overlaps(*m.ref.Span) && e.Kind == sitrep.KindPerson {
				return false
			}
		}
	}
	for w := range strings.FieldsSeq(strings.ToLower(m.ref.Name)) {
		if mediaWords[strings.Trim(w, "'’s")] {
			return true
		}
	}
	return strings.EqualFold(m.ref.Name, r.doc.Article.Outlet) || m.ref.Name == r.lastOutlet
}

// docMentionAfter returns the mention starting at or just after i.
func (r *reader) docMentionAfter(s *sent, i int) *mention {
	for k := i; k < len(s.words) && k < i+3; k++ {
		if m := s.mentionAt(k); m != nil {
			return m
		}
	}
	return nil
}

// subjectBefore returns the nearest actor mention before token i in its
// clause, looking through a relative "who" ("officials, who say"), or nil.
func (r *reader) subjectBefore(s *sent, i int) *mention {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		w := s.words[k]
		if w == "who" && k > 0 {
			// "Western officials, who say": the antecedent
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if m := s.mentionAt(j); m != nil && !m.place {
					return m
				}
			}
		}
		if m := s.mentionAt(k); m != nil && !m.place {
			return appositive(s, m)
		}
		if w == "." || w == ";" || w == "that" || r.isTrigger(w) && !s.inAttr[k] && !(k+1 < len(s.words) && s.words[k+1] == "”") {
			if w != "”" && w != "," {
				return nil
			}
		}
	}
	return nil
}

// appositive returns the named head of "Salem Alaywan, Bani Walid's mayor,"
// or "the Arakan Army, one of the ethnic armed groups," when m is the
// apposition, else m.
func appositive(s *sent, m *mention) *mention {
	k := m.first - 1
	if k >= 1 && possessive(s.words[k]) {
		if o := s.mentionAt(k - 1); o != nil {
			k = o.first - 1
		}
	}
	// ", one of the largest separatist groups,": back over "one of the"
	// and the modifiers the phrase left out
	j := k
	for j >= 0 && j >= k-3 && (s.words[j] == "the" || s.toks[j].UPOS == "ADJ") {
		j--
	}
	if j >= 2 && s.words[j] == "of" && s.words[j-1] == "one" {
		k = j - 2
	}
	if k >= 1 && s.words[k] == "," && m.last < len(s.words) && s.words[m.last] == "," {
		if o := s.mentionAt(k - 1); o != nil && o.proper && !o.place {
			return o
		}
	}
	return m
}

// parseSpeaker returns the subject of the report verb at i from the parse,
// past an apposition ("The Arakan Army, one of the ethnic armed groups
// fighting Myanmar's military, said"), or nil.
func (r *reader) parseSpeaker(s *sent, i int) (m *mention, shared bool) {
	t := s.tree
	if t == nil {
		return nil, false
	}
	v := i
	sj := t.child(v, "nsubj")
	if cc := t.child(v, "cc"); sj < 0 && t.rel[v] == "conj" && t.head[v] >= 0 && t.head[v] < v && cc >= 0 && cc >= v-2 {
		// "The mission called on all sides ... and said it was alarmed":
		// the subject of the first verb speaks
		v = t.head[v]
		sj = t.child(v, "nsubj")
	}
	shared = v != i
	if sj < 0 || sj > i {
		return nil, false
	}
	m = s.mentionAt(sj)
	if m == nil {
		if sj < v-2 || outletVerbs[s.words[i]] {
			return nil, false // far from its verb, a subject is likely misparsed
		}
		return phraseSpeaker(r.doc, s, sj), shared
	}
	if m.place {
		return nil, false
	}
	if !m.proper && !m.anaphoric {
		// "Ukraine's air force said": named by the phrase, not its head
		// noun, still the actor the mention resolved to
		if p := phraseSpeaker(r.doc, s, sj); p != nil && p.last-p.first > m.last-m.first && !namesOther(s, p, m) {
			ref := m.ref
			ref.Name, ref.Text, ref.Span = p.ref.Name, p.ref.Text, p.ref.Span
			p.ref, p.key, p.head, p.parts = ref, m.key, m.head, m.parts
			return p, shared
		}
	}
	return appositive(s, m), shared
}

// namesOther reports whether the phrase p holds a mention other than m
// that is not a possessor: "the pro-Iranian Hizbollah group" names its
// actor, "Ukraine's air force" only qualifies its own.
func namesOther(s *sent, p, m *mention) bool {
	for k := p.first; k < m.first; k++ {
		o := s.mentionAt(k)
		if o == nil || o == m {
			continue
		}
		if o.last >= len(s.words) || !possessive(s.words[o.last]) {
			return true
		}
		k = o.last - 1
	}
	return false
}

// rightmost returns the last token of the subtree of k.
func rightmost(t *tree, k int) int {
	last := k
	for _, d := range t.kids[k] {
		if d > last {
			last = max(last, rightmost(t, d))
		}
	}
	return last
}

// leftmost returns the first token of the subtree of k.
func leftmost(t *tree, k int) int {
	first := k
	for _, d := range t.kids[k] {
		if d < first {
			first = min(first, leftmost(t, d))
		}
	}
	return first
}

// phraseSpeaker makes a speaker of a subject noun no actor mention covers
// ("the camp's administrators said", "the emergency medicine centre
// said"): its name is the noun with its modifiers before it, without the
// article. It returns nil for pronouns and words that are not nouns.
func phraseSpeaker(doc *sitrep.Document, s *sent, k int) *mention {
	t := s.tree
	if u := s.toks[k].UPOS; u != "NOUN" && u != "PROPN" || pronoun(s.words[k]) {
		return nil
	}
	first := k
	for _, d := range t.kids[k] {
		if d >= k || k-d > 6 {
			continue
		}
		switch base(t.rel[d]) {
		case "compound", "amod", "nmod", "flat":
			first = min(first, leftmost(t, d))
		}
	}
	// a possessor's own words ("the camp's"): from the possessor on
	for first >= 2 && s.mentionAt(first-1) == nil && possessive(s.words[first-1]) {
		first -= 2
	}
	for first < k && (s.words[first] == "the" || s.words[first] == "a" || s.words[first] == "an") {
		first++
	}
	// "a spokesman for the brigade", "the head of the mission"
	last := k
	for _, d := range t.kids[k] {
		if d > k && d-k <= 4 && base(t.rel[d]) == "nmod" {
			if c := t.caseOf(s, d); c == "for" || c == "of" {
				last = max(last, rightmost(t, d))
			}
		}
	}
	sp := sitrep.Span{Start: s.toks[first].Start, End: s.toks[last].End}
	name := doc.Slice(sp)
	return &mention{first: first, last: last + 1, head: strings.ToLower(s.words[k]), key: foldName(name),
		ref: sitrep.ActorRef{Name: name, Text: name, Span: &sp}}
}

// ownVoice lists the verbs whose subject speaks for itself: a sentence
// built on one ("A spokesman for the brigade denied ...", "M23 accused
// the army of ...") is not told by the paragraph's earlier speaker.
var ownVoice = set("deny", "accuse", "blame", "condemn", "claim", "warn", "urge", "demand", "reject",
	"threaten", "vow", "pledge", "announce", "confirm", "insist", "call", "welcome", "praise")

// inherited returns the sources a sentence without its own takes from
// the paragraph it continues: those of the sentence just before it, when
// that one had sources or passed them on ("Police said a bomb went off.
// Two of the wounded died overnight."). A sentence with a speaker of its
// own, a denial or a speech act with its own subject takes none, and a
// sentence that codes no event ("There was no independent confirmation.")
// passes none on, so background later in the paragraph stays the
// outlet's.
func (r *reader) inherited(s *sent) []sitrep.Attribution {
	if s.kind != sitrep.Paragraph || len(s.sources) > 0 || s.denial >= 0 {
		return nil
	}
	if last, ok := r.paraLast[s.region]; !ok || last != s.si-1 {
		return nil
	}
	if t := s.tree; t != nil {
		for k, h := range t.head {
			if h < 0 && ownVoice[s.toks[k].Lemma] && t.child(k, "nsubj") >= 0 {
				return nil
			}
		}
	}
	return r.paraSources[s.region]
}

// passSources records the sentence's sources for the next sentence of its
// paragraph, or passes on those it inherited when it coded an event.
func (r *reader) passSources(s *sent, coded bool) {
	if s.kind != sitrep.Paragraph {
		return
	}
	switch {
	case len(s.sources) > 0:
		r.paraSources[s.region] = s.sources
		r.paraLast[s.region] = s.si
	case coded && len(s.inherited) > 0:
		r.paraLast[s.region] = s.si
	}
}
