package actor

import "slices"

// The matcher is an Aho-Corasick automaton over word ids: every distinct
// word of every pattern gets an id, a document word outside that
// vocabulary sends the automaton back to its root, and one pass over a
// sentence reports every pattern occurrence. Transitions out of the root
// are a dense slice indexed by word id (most steps are there); the others
// live in one hash map keyed by (state, word).

// senseKind says what a pattern means.
type senseKind uint8

const (
	sName     senseKind = iota // a name or alias of an actor
	sDemonym                   // an adjective of a state or bloc: "Russian", "Western"
	sPeople                    // a plural noun of a people: "Russians"
	sCapital                   // a capital standing for its state: "Moscow"
	sAgent                     // a generic agent form: "mercenaries"
	sModifier                  // an adjectival agent form: "mercenary"
	sComposed                  // a base and an agent: "Russian mercenaries"
)

// sense is one meaning of a pattern.
type sense struct {
	kind  senseKind
	entry int32 // index into Dictionary.entries, or -1
	agent int32 // index into Dictionary.agents, or -1
	// caps holds two bits per word (capFree, capUpper, capAll) for the
	// first 16 words; later words are free.
	caps uint32
	// agentAt is the word offset of the agent in a composed pattern.
	agentAt uint8
	// member is set when the agent form names people ("soldiers"), not a
	// body ("army").
	member bool
}

type matcher struct {
	vocab map[string]int32
	words []string // vocabulary by id
	root  []int32  // root transitions by word id; 0 = none
	next  map[uint64]int32
	fail  []int32
	out   []int32 // pattern ending at the state, or -1
	link  []int32 // nearest state on the fail chain with an output, or -1
	plen  []int32 // pattern length in words, by pattern id
	// sense holds the first meaning of each pattern; more holds the others
	// of the few patterns that have several.
	sense []sense
	more  map[int32][]sense
}

// senses returns the meanings of pattern p.
func (m *matcher) senses(p int32) []sense {
	if extra, ok := m.more[p]; ok {
		return append([]sense{m.sense[p]}, extra...)
	}
	return m.sense[p : p+1]
}

func (m *matcher) patterns() int { return len(m.plen) }

// builder collects patterns before the automaton is built.
type builder struct {
	m     *matcher
	depth []int32
}

func newBuilder() *builder {
	m := &matcher{vocab: map[string]int32{}, next: make(map[uint64]int32, 1<<17), more: map[int32][]sense{}}
	m.fail = []int32{0}
	m.out = []int32{-1}
	return &builder{m: m, depth: []int32{0}}
}

func (b *builder) wordID(k string) int32 {
	id, ok := b.m.vocab[k]
	if !ok {
		id = int32(len(b.m.vocab))
		b.m.vocab[k] = id
		b.m.words = append(b.m.words, k)
	}
	return id
}

// add registers a pattern of words with a sense.
func (b *builder) add(ws []aliasWord, s sense) {
	if len(ws) == 0 {
		return
	}
	for i, w := range ws {
		if i < 16 {
			s.caps |= uint32(w.cap) << (2 * i)
		}
	}
	m := b.m
	state := int32(0)
	for _, w := range ws {
		id := b.wordID(w.key)
		k := uint64(state)<<32 | uint64(uint32(id))
		nx, ok := m.next[k]
		if !ok {
			nx = int32(len(m.out))
			m.next[k] = nx
			m.out = append(m.out, -1)
			b.depth = append(b.depth, b.depth[state]+1)
		}
		state = nx
	}
	if p := m.out[state]; p >= 0 {
		if m.sense[p] == s || slices.Contains(m.more[p], s) {
			return
		}
		m.more[p] = append(m.more[p], s)
		return
	}
	p := int32(len(m.plen))
	m.out[state] = p
	m.plen = append(m.plen, int32(len(ws)))
	m.sense = append(m.sense, s)
}

// build computes failure links breadth first.
func (b *builder) build() *matcher {
	m := b.m
	n := len(m.out)
	m.fail = make([]int32, n)
	m.link = make([]int32, n)
	m.root = make([]int32, len(m.vocab))
	// children of each state, for the breadth-first walk: edges grouped
	// by their source state with a counting sort.
	type edge struct {
		word int32
		to   int32
	}
	first := make([]int32, n+1)
	for k := range m.next {
		first[int32(k>>32)+1]++
	}
	for i := 1; i <= n; i++ {
		first[i] += first[i-1]
	}
	edges := make([]edge, len(m.next))
	fill := slices.Clone(first[:n])
	for k, to := range m.next {
		from := int32(k >> 32)
		edges[fill[from]] = edge{int32(uint32(k)), to}
		fill[from]++
	}
	children := func(s int32) []edge { return edges[first[s]:first[s+1]] }
	queue := make([]int32, 0, n)
	for _, e := range children(0) {
		m.root[e.word] = e.to
		m.fail[e.to] = 0
		queue = append(queue, e.to)
	}
	for i := range m.link {
		m.link[i] = -1
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := m.fail[s]
		if m.out[f] >= 0 {
			m.link[s] = f
		} else {
			m.link[s] = m.link[f]
		}
		for _, e := range children(s) {
			// fail of child: follow s's fail chain until a state with a
			// transition on e.word.
			g := m.fail[s]
			var t int32
			for {
				if nx, ok := m.step(g, e.word); ok {
					t = nx
					break
				}
				if g == 0 {
					t = 0
					break
				}
				g = m.fail[g]
			}
			if t == e.to {
				t = 0
			}
			m.fail[e.to] = t
			queue = append(queue, e.to)
		}
	}
	return m
}

// step returns the transition from state s on word w.
func (m *matcher) step(s, w int32) (int32, bool) {
	if s == 0 {
		if w >= 0 && int(w) < len(m.root) && m.root[w] != 0 {
			return m.root[w], true
		}
		return 0, false
	}
	nx, ok := m.next[uint64(s)<<32|uint64(uint32(w))]
	return nx, ok
}

// hit is one pattern occurrence: words [start, end) of the scanned slice.
type hit struct {
	start, end int
	pattern    int32
}

// scan reports every pattern occurrence in ids (word ids, -1 for words
// outside the vocabulary), appending to dst.
func (m *matcher) scan(dst []hit, ids []int32) []hit {
	s := int32(0)
	for i, w := range ids {
		if w < 0 {
			s = 0
			continue
		}
		for {
			if nx, ok := m.step(s, w); ok {
				s = nx
				break
			}
			if s == 0 {
				break
			}
			s = m.fail[s]
		}
		o := s
		if m.out[o] < 0 {
			o = m.link[o]
		}
		for o > 0 {
			p := m.out[o]
			dst = append(dst, hit{start: i + 1 - int(m.plen[p]), end: i + 1, pattern: p})
			o = m.link[o]
		}
	}
	return dst
}

// id returns the vocabulary id of a key, or -1.
func (m *matcher) id(k string) int32 {
	if id, ok := m.vocab[k]; ok {
		return id
	}
	return -1
}

// capsOK reports whether document words satisfy a sense's case bits.
func capsOK(s *sense, ws []word) bool {
	for i := 0; i < len(ws) && i < 16; i++ {
		need := byte(s.caps>>(2*i)) & 3
		switch need {
		case capUpper:
			if ws[i].cap == capFree {
				return false
			}
		case capAll:
			if ws[i].cap != capAll {
				return false
			}
		}
	}
	return true
}
