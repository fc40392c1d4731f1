package event

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// mention is an actor phrase in a sentence: tokens [first, last) relative
// to the sentence.
type mention struct {
	first, last int
	ref         sitrep.ActorRef
	// key identifies the actor for merging: the canonical id, or the folded
	// name.
	key string
	// head is the phrase's head noun, lower case ("mercenaries").
	head string
	// anaphoric mentions refer back ("the mercenaries", "they").
	anaphoric bool
	// place is set when the phrase names a place rather than an actor
	// ("to Bani Walid", "in Libya").
	place bool
	// parts are the coordinated actors of "the foreign ministers of Russia
	// and Turkey".
	parts []sitrep.ActorRef
	// proper is set when the phrase holds a proper name.
	proper bool
}

// languageUse reports whether the capitalised word at i names a language
// as such: bare after "of", "in" or "speak" ("the use of French in
// courts", "taught in English"), with no noun after it ("French
// troops") and no article before it ("against the French").
func languageUse(s *sent, i int) bool {
	if !languages[s.words[i]] || i == 0 {
		return false
	}
	switch s.words[i-1] {
	case "of", "in", "speak", "speaks", "spoke", "speaking":
	default:
		return false
	}
	if i+1 < len(s.words) {
		if up := s.toks[i+1].UPOS; up == "NOUN" || up == "PROPN" {
			return false
		}
	}
	return true
}

// languages are languages whose names are also those of a people or a
// state's adjective.
var languages = set("english", "french", "arabic", "portuguese", "spanish", "russian", "ukrainian", "swahili", "amharic",
	"hausa", "somali", "tigrinya", "dari", "pashto", "farsi", "persian", "kurdish", "turkish", "hebrew", "urdu")

// weekdayPlurals name days of the week that recur ("closed on
// Mondays"), which the time stage does not read as a date.
var weekdayPlurals = set("mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")

var stopCaps = set("the", "a", "an", "on", "in", "at", "last", "this", "that", "these", "those", "it", "its",
	"they", "he", "she", "we", "i", "but", "and", "or", "although", "though", "prior", "additionally",
	"meanwhile", "however", "after", "before", "since", "during", "following", "according", "for", "of",
	"south", "north", "east", "west", "southeast", "southwest", "northeast", "northwest", "central",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"earlier", "later", "today", "yesterday", "tomorrow", "there", "here", "as", "when", "while", "if",
	"reports", "report", "some", "many", "several", "all", "both", "more", "over", "about", "around",
	"nearly", "almost", "up", "to", "by", "with", "from", "into", "his", "her", "their", "our", "my",
	"what", "who", "which", "where", "why", "how", "not", "no", "yes", "also", "still", "despite",
	"amid", "under", "between", "against", "near", "until", "unless", "because", "then", "thus", "so",
	"photo", "file", "video", "update", "breaking", "exclusive", "analysis", "opinion", "mr", "ms", "mrs",
	"dr", "gen", "col", "maj", "lt", "capt", "sgt",
)

// titles precede a person's name: "spokesman Ahmed Mismari".
var titles = set("spokesman", "spokeswoman", "spokesperson", "mayor", "minister", "president", "commander",
	"governor", "leader", "chief", "general", "colonel", "envoy", "ambassador", "secretary", "premier",
	"prime", "king", "queen", "prince", "sheikh", "cleric", "official", "head", "director", "senator",
	"lawmaker", "mp", "deputy", "adviser", "advisor", "strongman", "warlord", "chairman", "emir")

// capitalised reports whether a token begins with an upper-case letter or
// is an acronym.
func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isNumber reports whether w is a written or spelled-out count.
func isNumber(w string) bool {
	if _, ok := numberWord(w); ok && w != "a" && w != "an" {
		return true
	}
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(r >= '0' && r <= '9' || r == ',' || r == '.') {
			return false
		}
	}
	return w[0] >= '0' && w[0] <= '9'
}

// demonym reports whether a capitalised word looks like a nationality or
// group adjective ("Russian", "Syrian", "Afghan", "Turkish-backed").
func demonym(w string) bool {
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "-backed") || strings.HasSuffix(lw, "-led") || strings.HasSuffix(lw, "-allied") || strings.HasSuffix(lw, "-aligned") {
		return true
	}
	for _, suf := range []string{"ian", "an", "ese", "ish", "i", "ic", "ean"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
			return true
		}
	}
	return false
}

// commonWord reports whether w (lower case) is a word of the language
// rather than part of a name, for title-case headlines and sentence starts.
func (r *reader) commonWord(w string) bool {
	if stopCaps[w] || groupNouns[w] || locPreps[w] || reportVerbs[w] || plannedCues[w] || clauseBreakers[w] {
		return true
	}
	if _, ok := numberWord(w); ok {
		return true
	}
	if len(r.c.lex.first(w)) > 0 {
		return true
	}
	return false
}

// findMentions reads the actor phrases of sentence s. Entities from the NER
// and actor stages are used when present; the shallow chunker fills in the
// rest (group nouns, which NER does not mark).
func (r *reader) findMentions(s *sent) {
	n := len(s.words)
	// The mentions of every sentence are carved from one slab per report:
	// a sentence's list grows by append from nothing, which for a struct
	// this size cost more than the search for them.
	if cap(r.mentionSlab)-len(r.mentionSlab) < n {
		r.mentionSlab = make([]mention, 0, max(n, 48))
	}
	s.mentions = r.mentionSlab[len(r.mentionSlab):len(r.mentionSlab)]
	defer func() {
		// if the sentence outgrew its room, append moved it out of the slab
		r.mentionSlab = r.mentionSlab[:len(r.mentionSlab)+min(len(s.mentions), cap(r.mentionSlab)-len(r.mentionSlab))]
		s.mentions = s.mentions[:len(s.mentions):len(s.mentions)]
	}()
	capOK := make([]bool, n)
	// the sentence starts again after a dateline: "GOMA — Two bombs"
	start, dash := 0, datelineDash(s)
	if dash >= 0 {
		start = dash + 1
	}
	for i, w := range s.words {
		raw := s.toks[i].Text
		if !capitalised(raw) || s.inTime[i] || weekdayPlurals[w] || strings.HasSuffix(w, "-speaking") || languageUse(s, i) {
			continue // "on Mondays", "English-speaking", "the use of French": no actor
		}
		if (i == start || s.headline || i > 0 && (s.words[i-1] == "“" || s.words[i-1] == "\"" || s.words[i-1] == ":")) && r.commonWord(w) {
			// a common word starts the sentence, unless it begins a name
			// ("United Nations experts")
			if !(i+1 < n && capitalised(s.toks[i+1].Text) && !r.commonWord(s.words[i+1]) && !stopCaps[w] && !groupNouns[w] && !locPreps[w] && !s.headline) {
				continue
			}
		}
		if i == start && r.ner && s.toks[i].UPOS != "" && (s.headline || s.toks[i].UPOS != "PROPN") && !r.entityOver(s.toks[i].Span) {
			// a capitalised first word the recogniser left alone, in a
			// headline (whose capitals say nothing) or read by the tagger
			// as a common word ("Funerals were held")
			continue
		}
		if stopCaps[w] && !(s.headline && false) {
			if i == 0 || s.headline || !isAllCaps(raw) {
				continue
			}
		}
		capOK[i] = true
	}
	people := make([]bool, n)
	peopleFirst := make([]int, n)
	// Entities from earlier stages mark names the chunker must not split;
	// descriptions the actor stage composed ("Syrian militiamen") or found
	// as generic agents ("the rebels") are not names.
	over := r.entitiesOver(s.Span)
	for ei := range over {
		e := &over[ei] // in place: an entity is too big to copy
		switch e.Kind {
		case sitrep.KindPerson, sitrep.KindOrg, sitrep.KindGPE, sitrep.KindNORP, sitrep.KindMisc, sitrep.KindLoc:
		default:
			continue
		}
		if e.Source == "coref" || e.Antecedent != nil {
			continue // a pronoun or a definite description, not a name
		}
		if strings.HasSuffix(strings.ToLower(e.Text), "-speaking") {
			continue // "English-speaking regions": a language, no one
		}
		if k := r.tokenAt(s, e.Start); k >= 0 && s.toks[k].End == e.End && languageUse(s, k) {
			continue // "the use of French": a language, no one
		}
		if a := r.actor(e.ActorID); a != nil && (a.Composed() || a.Generic()) {
			// a kind of people the actor stage found ("coal miners",
			// "traders"): a group phrase headed by its last word
			if e.Source == "actor" && s.Span.Contains(e.Span) {
				for i := len(s.toks) - 1; i >= 0; i-- {
					if e.Span.Contains(s.toks[i].Span) {
						_, weapon := instrumentMode[s.words[i]]
						// "naval missiles" are no one; "ministers of Kenya
						// and Ethiopia" ends in names the chunker reads
						people[i] = !weapon && !capitalised(s.toks[i].Text)
						peopleFirst[i] = i
						for peopleFirst[i] > 0 && e.Span.Contains(s.toks[peopleFirst[i]-1].Span) {
							peopleFirst[i]--
						}
						break
					}
				}
			}
			continue
		}
		if !s.Span.Contains(e.Span) {
			continue
		}
		for i := range s.toks {
			if e.Span.Contains(s.toks[i].Span) {
				capOK[i] = true
			}
		}
	}
	used := make([]bool, n)
	// a dateline ("BAMAKO —", "KHARTOUM, March 3 (Reuters) -") names where
	// the report was filed, no actor
	if dash >= 0 {
		for i := 0; i <= dash; i++ {
			capOK[i], used[i] = false, true
		}
	}
	for i := 0; i < n; i++ {
		if used[i] {
			continue
		}
		w := s.words[i]
		switch {
		case capOK[i]:
			m := r.namePhrase(s, capOK, i)
			for k := m.first; k < m.last; k++ {
				used[k] = true
			}
			s.mentions = append(s.mentions, m)
			i = m.last - 1
		case (groupNouns[w] || people[i]) && !r.verbHere(s, i):
			if inPeople(people, peopleFirst, i) {
				continue // "militia" of "militia member": read at "member"
			}
			m := r.groupPhrase(s, capOK, i)
			if people[i] && peopleFirst[i] < m.first && !used[peopleFirst[i]] && !m.proper && len(m.parts) == 0 {
				// the whole description the actor stage found:
				// "government militia member", not "member"
				m.first = peopleFirst[i]
				m.ref.Name = r.groupName(s, m.first, m.last)
				r.finishMention(s, &m)
			}
			for k := m.first; k < m.last; k++ {
				used[k] = true
			}
			s.mentions = append(s.mentions, m)
			i = m.last - 1
		case anaphors[w] && (w == "they" || w == "he" || w == "she" || w == "them" || w == "it" && i+1 < n && s.words[i+1] != "'s" && !(i+2 < n && beForms[s.words[i+1]] && (s.words[i+2] == "not" || s.words[i+2] == "likely" || s.words[i+2] == "unclear" || s.words[i+2] == "clear" || s.words[i+2] == "possible" || s.words[i+2] == "believed" || s.words[i+2] == "thought" || s.words[i+2] == "expected" || s.words[i+2] == "reported" || s.words[i+2] == "said" || s.words[i+2] == "time" || s.words[i+2] == "the" || s.words[i+2] == "a"))):
			s.mentions = append(s.mentions, mention{first: i, last: i + 1, anaphoric: true, head: w,
				ref: sitrep.ActorRef{Name: s.toks[i].Text, Text: r.doc.Slice(s.toks[i].Span), Span: r.spanPtr(s.toks[i].Span)}})
		}
	}
}

// datelineDash returns the index of the dash that ends the dateline
// opening sentence s, or -1.
func datelineDash(s *sent) int {
	for _, dashes := range [][]string{{"—", "–", "--"}, {"-"}} {
		for j := 1; j < len(s.words) && j < 12; j++ {
			if slices.Contains(dashes, s.words[j]) {
				// the place is the capitalised run that opens the line
				// ("KIDAL, Mali —": KIDAL), else all before the dash
				e := j - 1
				if isAllCaps(s.toks[0].Text) {
					e = 0
					for e+1 < j && isAllCaps(s.toks[e+1].Text) {
						e++
					}
				}
				if dateline(s, 0, e) || e != j-1 && dateline(s, 0, j-1) {
					return j
				}
				break
			}
		}
	}
	return -1
}

// inPeople reports whether word i is inside, not at the end of, a
// description the actor stage found.
func inPeople(people []bool, first []int, i int) bool {
	for j := i + 1; j < len(people) && j <= i+4; j++ {
		if people[j] && first[j] <= i {
			return true
		}
	}
	return false
}

func isAllCaps(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

// verbHere guesses whether the group-noun-looking word at i is used as a
// verb ("forces" in "the army forces them out"): only with POS tags.
func (r *reader) verbHere(s *sent, i int) bool {
	return s.toks[i].UPOS == "VERB"
}

// namePhrase reads a run of proper-name tokens starting at i, with the
// group phrase it modifies ("Russian foreign ministry", "LNA spokesman
// Ahmed Mismari"), and "X loyal to Y".
func (r *reader) namePhrase(s *sent, capOK []bool, i int) mention {
	n := len(s.words)
	j := i + 1
	for j < n {
		if capOK[j] {
			j++
			continue
		}
		// "Russian and Syrian mercenary fighters"
		if (s.words[j] == "and" || s.words[j] == ",") && j+1 < n && capOK[j+1] && allDemonyms(s, i, j+2) && groupAhead(s, j+2) {
			j += 2
			continue
		}
		// "Government of National Accord", "Bank of England"
		if (s.words[j] == "of" || s.words[j] == "for" || s.words[j] == "al" || s.words[j] == "de") && j+1 < n && capOK[j+1] && !demonym(s.toks[j-1].Text) {
			j += 2
			continue
		}
		// "Office for the Coordination of Humanitarian Affairs"
		if (s.words[j] == "of" || s.words[j] == "for") && j+2 < n && s.words[j+1] == "the" && capOK[j+2] && orgWords[s.words[j-1]] {
			j += 3
			continue
		}
		break
	}
	m := mention{first: i, last: j, proper: true}
	// "Mali's army", "Angola's president": the owner's agent is one actor,
	// which the actor stage composes (MLI.MIL); "the GNA's capture" keeps
	// the owner apart from the event
	if j+1 < n && possessive(s.words[j]) {
		k := j + 1
		for k < n && k < j+3 && !capOK[k] && !groupNouns[s.words[k]] && isModifier(s.words[k]) && !r.isTrigger(s.words[k]) && !strings.HasSuffix(s.words[k], "ed") {
			k++
		}
		if k < n && groupNouns[s.words[k]] && !(k+1 < n && capOK[k+1]) && !(k+1 < n && groupNouns[s.words[k+1]]) {
			m.last = k + 1
			m.head = s.words[k]
			m.ref.Name = joinText(s, i, k+1)
			r.finishMention(s, &m)
			return m
		}
	}
	nameEnd := j
	// A demonym or a name before group nouns: "Russian foreign ministry",
	// "Afghan security forces", "LNA spokesman Ahmed Mismari".
	k := j
	start := j
	if k+3 < n && s.words[k] == "(" && s.words[k+2] == ")" && groupNouns[s.words[k+3]] {
		k += 3 // "Rapid Support Forces (RSF) fighters"
		start = k
	}
	for k < n && k < j+3 && !capOK[k] && !groupNouns[s.words[k]] && isModifier(s.words[k]) && !strings.HasSuffix(s.words[k], "ed") && !r.isTrigger(s.words[k]) && !isNumber(s.words[k]) {
		k++
	}
	if k < n && groupNouns[s.words[k]] && (k == start || isModifier(s.words[k-1])) {
		for k+1 < n && groupNouns[s.words[k+1]] {
			k++
		}
		m.last = k + 1
		m.head = s.words[k]
		if titles[m.head] && m.last < n && capOK[m.last] {
			// a title and the person's name: the person is the actor
			p := m.last
			for p < n && capOK[p] {
				p++
			}
			m.ref.Name = joinText(s, m.last, p)
			m.last = p
			m.head = "person"
		} else if nameEnd == i+1 && !isAllCaps(s.toks[i].Text) || allDemonyms(s, i, nameEnd) {
			m.ref.Name = r.groupName(s, i, m.last)
			m.proper = false
		} else {
			m.ref.Name = joinText(s, i, nameEnd)
		}
	} else {
		m.ref.Name = joinText(s, i, nameEnd)
	}
	// Coordinated demonyms: "Russian and Syrian mercenary fighters".
	if m.head != "" && !m.proper {
		r.extendLeft(s, &m, capOK)
	}
	if m.ref.Name == "" {
		m.ref.Name = joinText(s, m.first, m.last)
	}
	r.loyalTo(s, capOK, &m)
	r.finishMention(s, &m)
	return m
}

func allDemonyms(s *sent, i, j int) bool {
	for k := i; k < j; k++ {
		if s.words[k] == "and" || s.words[k] == "," {
			continue
		}
		if !demonym(s.toks[k].Text) {
			return false
		}
	}
	return true
}

// isModifier reports whether a lower-case word may sit between a name and
// the group noun it modifies ("foreign", "security", "mercenary").
func isModifier(w string) bool {
	if locPreps[w] || stopCaps[w] || clauseBreakers[w] || reportVerbs[w] || w == "," || w == "and" || w == "." {
		return false
	}
	if w == "'s" || w == "’s" || strings.HasSuffix(w, "ing") && !groupNouns[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return len(w) > 1
}

// groupPhrase reads a common-noun actor phrase ending at or starting from
// the group noun at i: "Over 1,000 ... mercenary fighters", "the foreign
// ministers of Russia and Turkey", "forces loyal to X".
func (r *reader) groupPhrase(s *sent, capOK []bool, i int) mention {
	n := len(s.words)
	last := i + 1
	for last < n && groupNouns[s.words[last]] {
		last++
	}
	m := mention{first: i, last: last, head: s.words[last-1]}
	r.extendLeft(s, &m, capOK)
	m.ref.Name = r.groupName(s, m.first, m.last)
	// "the foreign ministers of Egypt and Qatar": coordinated owners;
	// but "residents of Tsafe" are the town's people, not the town.
	if m.last+1 < n && s.words[m.last] == "of" && capOK[m.last+1] {
		p := m.last + 1
		var parts []sitrep.ActorRef
		for p < n {
			q := p
			for q < n && capOK[q] {
				q++
			}
			if q == p {
				break
			}
			name := r.expand(joinText(s, p, q))
			parts = append(parts, sitrep.ActorRef{Name: name, Text: r.doc.Slice(sitrep.Span{Start: s.toks[p].Start, End: s.toks[q-1].End}), Span: r.spanPtr(sitrep.Span{Start: s.toks[p].Start, End: s.toks[q-1].End})})
			if q+1 < n && s.words[q] == "and" && capOK[q+1] {
				p = q + 1
				continue
			}
			p = q
			break
		}
		if len(parts) > 0 && localPeople[m.head] {
			m.last = p // the phrase is the people; their place names no actor
		} else if len(parts) > 0 {
			m.last = p
			if len(parts) == 1 {
				m.ref.Name = parts[0].Name
				m.proper = true
			} else {
				m.parts = parts
				m.ref.Name = joinNames(parts)
				m.proper = true
			}
		}
	}
	// "fighters from Sudan" stays a group; titles with names follow
	if titles[m.head] && m.last < n && capOK[m.last] {
		p := m.last
		for p < n && capOK[p] {
			p++
		}
		m.ref.Name = joinText(s, m.last, p)
		m.last = p
		m.proper = true
		m.head = "person"
	}
	r.loyalTo(s, capOK, &m)
	if !m.proper {
		first := s.words[m.first]
		m.anaphoric = first == "the" || first == "these" || first == "those" || first == "their" || first == "its" || first == "both"
		for k := m.first; k < m.last; k++ {
			if isNumber(s.words[k]) && !(k > 0 && s.words[k-1] == "the") || capitalised(s.toks[k].Text) && k > 0 {
				m.anaphoric = false
			}
		}
	}
	r.finishMention(s, &m)
	return m
}

// extendLeft widens a group phrase over its modifiers: determiners,
// numbers, adjectives, coordinated demonyms and quantifiers.
func (r *reader) extendLeft(s *sent, m *mention, capOK []bool) {
	k := m.first
	for k > 0 && m.first-k < 8 {
		w := s.words[k-1]
		if !strings.ContainsFunc(w, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) {
			break // punctuation ends the phrase: "PORT-AU-PRINCE — Armed gangs"
		}
		if shotDeadAt(s.words, k-1) {
			break // "shot dead two soldiers": the verb's, not the soldiers'
		}
		if s.inTime[k-1] {
			break // "last week soldiers withdrew": the date's, not the soldiers'
		}
		switch {
		case w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" || w == "these" || w == "those" || w == "both" || w == "some" || w == "other" || w == "fellow" || w == "several" || w == "many":
			k--
			m.first = k
			return
		case isNumber(w) || w == "over" || w == "than" || w == "more" || w == "least" || w == "at" && k < m.first && isNumber(s.words[k]) || w == "about" || w == "nearly" || w == "around" || w == "some":
			k--
		case (w == "and" || w == ",") && k-2 >= 0 && capOK[k-2] && demonym(s.toks[k-2].Text):
			k--
		case w == "of" && k-2 >= 0 && (s.words[k-2] == "hundreds" || s.words[k-2] == "thousands" || s.words[k-2] == "dozens" || s.words[k-2] == "scores"):
			k--
		case capOK[k-1] && demonym(s.toks[k-1].Text):
			k--
		case !capOK[k-1] && isModifier(w) && !r.isTrigger(w) && s.toks[k-1].UPOS != "VERB" && s.toks[k-1].UPOS != "AUX" && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly") && !groupNouns[w] && !(strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous")):
			k--
		case w == "unidentified" || w == "unknown" || w == "armed" || w == "suspected":
			k--
		default:
			m.first = k
			return
		}
		m.first = k
	}
	m.first = k
}

func (r *reader) isTrigger(w string) bool {
	for _, e := range r.c.lex.first(w) {
		if e.curated && e.flags&fLight == 0 {
			return true
		}
	}
	return false
}

// loyalTo reads "militias loyal to the warlord Khalifa Haftar": the actor is the
// one the group is loyal to.
func (r *reader) loyalTo(s *sent, capOK []bool, m *mention) {
	n := len(s.words)
	p := m.last
	// "foreign fighters it identified as belonging to", "men described as
	// loyal to": the speaker's label
	if p+3 < n && (anaphors[s.words[p]] || s.words[p] == "who") && (s.words[p+1] == "identified" || s.words[p+1] == "described" || s.words[p+1] == "believed") && s.words[p+2] == "as" {
		p += 3
	} else if p+2 < n && (s.words[p] == "identified" || s.words[p] == "described" || s.words[p] == "believed") && s.words[p+1] == "as" {
		p += 2
	}
	if p+1 < n && (s.words[p] == "loyal" || s.words[p] == "allied" || s.words[p] == "affiliated" || s.words[p] == "linked" || s.words[p] == "belonging") && (s.words[p+1] == "to" || s.words[p+1] == "with") {
		q := p + 2
		for q < n && q < p+8 && !capOK[q] && (s.words[q] == "the" || titles[s.words[q]] || isModifier(s.words[q]) && !r.isTrigger(s.words[q])) {
			q++
		}
		if q < n && capOK[q] {
			e := q
			for e < n && (capOK[e] || (s.words[e] == "of" && e+1 < n && capOK[e+1])) {
				e++
			}
			// "Russia's Wagner Group": the group, not its owner
			if e+1 < n && possessive(s.words[e]) && capOK[e+1] {
				q = e + 1
				for e = q; e < n && (capOK[e] || (s.words[e] == "of" && e+1 < n && capOK[e+1])); e++ {
				}
			}
			m.ref.Name = r.expand(joinText(s, q, e))
			m.proper = true
			m.anaphoric = false
			m.last = e
			if e+2 < n && s.words[e] == "(" && s.words[e+2] == ")" {
				m.last = e + 3
			}
		}
	}
}

// finishMention fills the reference's text and span, expands acronyms,
// normalises the name and decides whether the phrase is a place.
func (r *reader) finishMention(s *sent, m *mention) {
	// A parenthesised acronym after the name belongs to it: "(GNA)".
	if m.last+2 < len(s.words) && s.words[m.last] == "(" && s.words[m.last+2] == ")" && isAllCaps(s.toks[m.last+1].Text) {
		m.last += 3
	}
	sp := sitrep.Span{Start: s.toks[m.first].Start, End: s.toks[m.last-1].End}
	m.ref.Text = r.doc.Slice(sp)
	m.ref.Span = r.spanPtr(sp)
	m.ref.Name = r.expand(cleanName(strings.TrimSpace(m.ref.Name)))
	// Entities resolved by the actor stage give the canonical id: the
	// entity with the mention's own span first (of a split compound, the
	// first part), then the smallest containing the mention, then the last
	// one it contains (the head: "Yemen's Houthi movement"), then any
	// overlapping one.
	bestRank, bestLen := 4, 0
	over := r.entitiesOver(sp)
	for ei := range over {
		e := &over[ei]
		if e.ActorID == "" || !sp.Overlaps(e.Span) {
			continue
		}
		if a := r.actor(e.ActorID); a != nil && a.Generic() {
			continue // a kind of party, not an identity
		}
		if backer(r.doc, e.Span) && e.Span != sp {
			continue // "the Saudi-backed government": the backer is another actor
		}
		rank := 3
		switch {
		case e.Span == sp:
			rank = 0
		case e.Span.Contains(sp):
			rank = 1
		case sp.Contains(e.Span):
			rank = 2
		}
		if rank < bestRank || rank == bestRank && (rank == 1 && e.Span.Len() < bestLen || rank == 2) {
			m.ref.ID, bestRank, bestLen = e.ActorID, rank, e.Span.Len()
		}
	}
	if m.ref.ID != "" {
		m.key = m.ref.ID
	} else {
		m.key = foldName(m.ref.Name)
	}
	if m.head == "" {
		m.head = strings.ToLower(s.words[m.last-1])
	}
	if m.first > 0 && m.proper && m.head != "person" && !orgName(m.ref.Name) {
		p := m.first - 1
		for p > 0 && (s.words[p] == "the" || regionAdj[s.words[p]]) {
			p--
		}
		prev := s.words[p]
		switch prev {
		case "in", "at", "near", "from", "to", "into", "outside", "inside", "around", "towards", "toward", "across", "through", "within", "of":
			if !(prev == "to" && m.first > 1 && s.words[m.first-2] == "loyal") && !(prev == "of" && !placeOf(s, m.first-1)) {
				m.place = true
			}
		}
	}
	for _, pi := range r.placesOf(s) {
		p := &r.doc.Places[pi]
		if p.IsLocation() && sp.Overlaps(p.Span) && m.proper && m.head != "person" && !groupNouns[m.head] {
			// a place inside a longer name is the name's place only when it
			// ends the name ("LNA stronghold Jufra"); "Asia-Pacific Economic
			// Cooperation" is an organisation
			inside := sp.Contains(p.Span) && p.Span != sp
			if inside && (m.ref.ID != "" && r.actorIsParty(m.ref.ID) || p.End < r.nameEnd(s, m)) {
				continue
			}
			if p.Span.Contains(sp) || sp.Contains(p.Span) {
				m.place = !r.placeAsActor(s, m, *p)
			}
		}
	}
}

// placeAsActor decides whether a name the geoparser resolved to a place is
// used as an actor: a country ("Russia deployed"), a place the actor stage
// read as a party ("Berlin rejected" → the German government), or a
// national capital as the subject of a verb ("Beirut again rejected"),
// which then stands for its government. After a locative preposition, and
// for seas, regions and towns, it is a place.
func (r *reader) placeAsActor(s *sent, m *mention, p sitrep.Place) bool {
	owner := m.last < len(s.words) && possessive(s.words[m.last])
	if owner && strings.HasPrefix(p.FeatureCode, "PCL") {
		return true // "an attack on Ukraine's energy system": the owner is attacked
	}
	if m.first > 0 {
		k := m.first - 1
		for k > 0 && (s.words[k] == "the" || regionAdj[s.words[k]]) {
			k--
		}
		if locPreps[s.words[k]] && !(s.words[k] == "to" && k > 0 && s.words[k-1] == "loyal") {
			return false
		}
	}
	if strings.HasPrefix(p.FeatureCode, "PCL") {
		return true
	}
	if m.ref.ID != "" {
		if a := r.actor(m.ref.ID); a != nil && a.Kind != sitrep.ActorUnknown {
			return true
		}
	}
	if p.FeatureCode == "PPLC" && p.Country != "" && m.last < len(s.words) {
		k := m.last
		for k < len(s.words) && (s.toks[k].UPOS == "ADV" || skipAdverbs[s.words[k]] || s.words[k] == "again") {
			k++
		}
		subject := k < len(s.words) && (s.toks[k].UPOS == "VERB" || s.toks[k].UPOS == "AUX" || s.toks[k].UPOS == "" && (reportVerbs[s.words[k]] || r.isTrigger(s.words[k])))
		// the one accused, urged, warned: "accused Kigali of sending"
		object := m.first > 0 && partyVerbs[s.words[m.first-1]] || m.first > 0 && (s.words[m.first-1] == "with" || s.words[m.first-1] == "against") && m.first > 1 && partyNouns[s.words[m.first-2]]
		if subject || object {
			m.ref.ID = p.Country + ".GOV"
			m.ref.Country = p.Country
			m.ref.Kind = string(sitrep.ActorGovernment)
			m.ref.Sector = "GOV"
			m.key = m.ref.ID
			return true
		}
	}
	return false
}

// groupName names a group phrase by its modifiers and head, without
// determiners and quantities, with a role noun for what the group is
// ("Russian and Syrian mercenary fighters" → "Russian and Syrian mercenaries").
func (r *reader) groupName(s *sent, first, last int) string {
	var parts []string
	for k := first; k < last; k++ {
		w := s.words[k]
		if isNumber(w) || w == "the" || w == "a" || w == "an" || w == "over" || w == "than" || w == "more" || w == "at" || w == "least" || w == "about" || w == "nearly" || w == "around" || w == "some" || w == "of" && k > first && isNumber(s.words[k-1]) || w == "its" || w == "their" || w == "his" || w == "her" || w == "these" || w == "those" || w == "fellow" || w == "," {
			continue
		}
		if k == last-2 && groupNouns[s.words[last-1]] {
			if role, ok := roleNouns[w]; ok && (s.words[last-1] == "fighters" || s.words[last-1] == "forces" || s.words[last-1] == "men" || s.words[last-1] == "troops") {
				parts = append(parts, role)
				return strings.Join(parts, " ")
			}
		}
		t := s.toks[k].Text
		if !capitalised(t) || k == 0 && r.commonWord(w) || s.headline && r.commonWord(w) {
			t = w
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

func joinText(s *sent, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		t := s.toks[k].Text
		if t == "(" || t == ")" {
			continue
		}
		if b.Len() > 0 && t != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

func joinNames(parts []sitrep.ActorRef) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.Name
	}
	return strings.Join(names, " and ")
}

// expand replaces an acronym defined in the report by its long form.
func (r *reader) expand(name string) string {
	if long, ok := r.acronyms[name]; ok {
		return long
	}
	for short, long := range r.acronyms {
		if strings.HasSuffix(name, " "+short) && len(name) > len(short)+1 {
			// "Khalifa Haftar's Libyan National Army (LNA)" is handled by
			// the parenthesis; "the LNA" comes here
			continue
		}
		if strings.HasPrefix(name, long+" ") || name == long {
			return long
		}
	}
	return name
}

func foldName(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "the ")
	return s
}

// spanPtr returns a pointer to a copy of s, carved from a slab of the
// reader: a report's mentions each need one.
func (r *reader) spanPtr(s sitrep.Span) *sitrep.Span {
	if len(r.spanSlab) == cap(r.spanSlab) {
		r.spanSlab = make([]sitrep.Span, 0, 64)
	}
	r.spanSlab = append(r.spanSlab, s)
	return &r.spanSlab[len(r.spanSlab)-1]
}

// acronymsOf finds "Long Name (ABBR)" definitions in the report.
func acronymsOf(doc *sitrep.Document) map[string]string {
	out := map[string]string{}
	toks := doc.Tokens
	for i := 2; i+1 < len(toks); i++ {
		if toks[i-1].Text != "(" || toks[i+1].Text != ")" || !isAllCaps(toks[i].Text) || len(toks[i].Text) < 2 {
			continue
		}
		abbr := strings.ReplaceAll(toks[i].Text, ".", "")
		// walk back over capitalised words whose initials spell the acronym
		j := i - 1
		k := len(abbr) - 1
		start := -1
		for j-1 >= 0 && k >= 0 && i-1-j < 8 {
			w := toks[j-1].Text
			if !capitalised(w) {
				if w == "of" || w == "for" || w == "and" || w == "the" {
					j--
					continue
				}
				break
			}
			if unicode.ToUpper(rune(w[0])) != rune(abbr[k]) {
				break
			}
			k--
			j--
			start = j
		}
		if k < 0 && start >= 0 {
			var parts []string
			for p := start; p < i-1; p++ {
				parts = append(parts, toks[p].Text)
			}
			out[toks[i].Text] = strings.Join(parts, " ")
		}
	}
	return out
}

// possessive reports whether w is a possessive marker ("'s", "'").
func possessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// cleanName drops supporters from a name ("U.N.-backed Government of
// National Accord" is the Government of National Accord) and the common
// tail of a hyphenated name ("LNA-strongholds" names the LNA).
func cleanName(name string) string {
	if plainName(name) {
		return name
	}
	words := strings.Fields(name)
	var out []string
	for i, w := range words {
		lw := strings.ToLower(w)
		if i < len(words)-1 && (strings.HasSuffix(lw, "-backed") || strings.HasSuffix(lw, "-led") || strings.HasSuffix(lw, "-allied") || strings.HasSuffix(lw, "-aligned") || strings.HasSuffix(lw, "-recognised") || strings.HasSuffix(lw, "-recognized") || strings.HasSuffix(lw, "-sponsored")) {
			continue
		}
		if h := strings.LastIndexByte(w, '-'); h > 0 && h < len(w)-1 && capitalised(w) && !capitalised(w[h+1:]) && len(words) == 1 {
			w = w[:h]
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return name
	}
	return strings.Join(out, " ")
}

// plainName reports whether cleanName returns name as it is, without
// splitting it: an ASCII name with one space between its words and none
// around them (so that joining its fields gives it back) and no hyphen, so
// no word ends in "-backed" and the like and no lone word is cut at one.
func plainName(name string) bool {
	if name == "" || name[0] == ' ' || name[len(name)-1] == ' ' {
		return false
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= utf8.RuneSelf, c == '-', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && name[i+1] == ' ':
			return false
		}
	}
	return true
}

// orgWords mark an organisation's name, never a place's.
var orgWords = set("government", "army", "forces", "force", "council", "ministry", "party", "front",
	"movement", "group", "brigade", "brigades", "committee", "union", "company", "organization",
	"organisation", "agency", "corps", "guard", "militia", "league", "alliance", "coalition",
	"command", "police", "authority", "court", "parliament", "assembly", "congress", "bank", "fund",
	"mission", "battalion", "regiment", "division", "observer", "news", "times", "post")

func orgName(name string) bool {
	var buf [32]byte
	for w := range strings.FieldsSeq(name) {
		if b, ok := lowerASCII(buf[:0], w); ok {
			if orgWords[string(b)] {
				return true
			}
		} else if orgWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// groupAhead reports whether a group noun follows within three words of i
// ("Russian and Syrian [mercenary fighters]").
func groupAhead(s *sent, i int) bool {
	for k := i; k < len(s.words) && k < i+3; k++ {
		if groupNouns[s.words[k]] {
			return true
		}
	}
	return false
}

// localPeople are the people of a place: after "of" the place says where
// they live, and they stay the actor ("residents of Tsafe").
var localPeople = set("residents", "resident", "villagers", "villager", "inhabitants", "people", "locals", "citizens",
	"civilians", "families", "households", "dwellers", "townspeople")

// placeNouns take a place after "of": "the city of Arbil", "south of
// Tripoli".
var placeNouns = set("city", "town", "village", "province", "region", "district", "state", "county",
	"capital", "outskirts", "suburbs", "south", "north", "east", "west", "southeast", "southwest",
	"northeast", "northwest", "centre", "center", "port", "island", "republic", "kingdom", "area",
	"border", "heart", "part", "parts", "streets", "governorate", "municipality", "km", "kilometres",
	"kilometers", "miles", "outside", "vicinity", "neighbourhood", "neighborhood")

// placeOf reports whether the "of" at i introduces a place.
func placeOf(s *sent, i int) bool {
	return i > 0 && placeNouns[s.words[i-1]]
}

// regionAdj may sit between a locative preposition and a place name ("in
// eastern Congo").
var regionAdj = set("eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
	"southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
	"neighbouring", "neighboring", "nearby", "rural", "coastal", "occupied", "besieged", "war-torn", "restive")

// nameEnd returns the end offset of a mention without a trailing
// parenthesised acronym.
func (r *reader) nameEnd(s *sent, m *mention) int {
	e := m.last
	if e-m.first > 3 && s.words[e-1] == ")" && s.words[e-3] == "(" {
		e -= 3
	}
	return s.toks[e-1].End
}

// actorIsParty reports whether the document's actor with the id is a party
// rather than a bare place name: anything but an actor the text alone
// named with no kind.
func (r *reader) actorIsParty(id string) bool {
	a := r.actor(id)
	return a != nil && !(a.Kind == sitrep.ActorUnknown && !a.Known() && !a.Composed())
}

// partyVerbs take a party as object: a capital after them stands for its
// government ("accused Kigali of", "urged Kinshasa to").
var partyVerbs = inflectAll("accuse", "blame", "urge", "warn", "condemn", "criticise", "criticize", "threaten", "ask", "press", "pressure", "call", "thank", "praise", "support", "back", "reject", "sanction", "recognise", "recognize", "join", "meet", "host", "invite")

// partyNouns take a party after "with" or "against": "an agreement with
// Kinshasa", "talks with Kigali", "a war against Moscow".
var partyNouns = set("agreement", "deal", "accord", "talks", "relations", "ties", "treaty", "negotiations", "war", "dispute", "alliance", "pact", "truce")

// backer reports whether a span is the first part of a hyphenated word of
// support: "Saudi" in "Saudi-backed", "U.S." in "U.S.-led".
func backer(doc *sitrep.Document, sp sitrep.Span) bool {
	rest := doc.Slice(sitrep.Span{Start: sp.End, End: min(sp.End+12, len(doc.Article.Text))})
	var buf [16]byte
	if b, ok := lowerASCII(buf[:0], rest); ok {
		for _, suf := range backerSuffixes {
			if len(b) >= len(suf) && string(b[:len(suf)]) == suf {
				return true
			}
		}
		return false
	}
	rest = strings.ToLower(rest)
	for _, suf := range backerSuffixes {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

var backerSuffixes = []string{"-backed", "-led", "-allied", "-aligned", "-sponsored", "-supported", "-brokered", "-funded", "-trained", "-armed"}
