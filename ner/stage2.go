package ner

import "github.com/sitrep/sitrep/perceptron"

// aggWindow is how many sentences either side the second stage looks at
// when it gathers what the first stage said about the same word.
const aggWindow = 50

// firstPass holds the first stage's labels of a document and, for every
// capitalised word, where it occurred and the type it got there.
type firstPass struct {
	labels [][]int
	occ    map[string][]occurrence
}

type occurrence struct {
	sent, tok int
	typ       int // index into types, or -1 for O
}

// firstPassDoc runs the first stage over a document.
func (m *Model) firstPassDoc(sents [][]string) *firstPass {
	r := &recognizer{}
	h := newHistory()
	fp := &firstPass{labels: make([][]int, len(sents)), occ: map[string][]occurrence{}}
	for si, forms := range sents {
		if len(forms) == 0 {
			continue
		}
		m.prepare(r, forms, h)
		labels := append([]int(nil), m.decodeSplit(r, len(forms))...)
		m.remember(h, r, labels)
		fp.labels[si] = labels
		for i, c := range labels {
			if r.ts[i+2].flags&flagTitle == 0 {
				continue
			}
			t := -1
			if c > 0 {
				t = m.typ[c]
			}
			fp.occ[r.lower[i]] = append(fp.occ[r.lower[i]], occurrence{sent: si, tok: i, typ: t})
		}
	}
	return fp
}

// Second-stage templates, numbered after the first stage's.
const (
	tOwn = nTemplates + iota
	tOwnShape
	tNbrs
	tAgg
	tAggCount
	tAggOwn
	nTemplates2
)

var seeds2 = func() (s [nTemplates2]uint64) {
	for i := range s {
		s[i] = perceptron.Template(4000 + i)
	}
	return
}()

// stage2Features returns the function that adds, for token i of sentence
// si, the first stage's label of the token and its neighbours and the type
// the first stage most often gave the same word nearby.
func (m *Model) stage2Features(r *recognizer, fp *firstPass, si int) func(int, []uint64) []uint64 {
	labels := fp.labels[si]
	lab := func(i int) uint64 {
		if i < 0 || i >= len(labels) {
			return 1
		}
		return m.labelAtom[labels[i]]
	}
	return func(i int, dst []uint64) []uint64 {
		own := lab(i)
		dst = append(dst,
			perceptron.Mix(seeds2[tOwn], own),
			perceptron.Mix(perceptron.Mix(seeds2[tOwnShape], own), r.ts[i+2].short),
			perceptron.Mix(perceptron.Mix(seeds2[tNbrs], lab(i-1)), lab(i+1)),
		)
		if r.ts[i+2].flags&flagTitle == 0 {
			return dst
		}
		var counts [8]int
		n := 0
		for _, o := range fp.occ[r.lower[i]] {
			if o.sent == si && o.tok == i || o.sent < si-aggWindow || o.sent > si+aggWindow {
				continue
			}
			counts[min(o.typ+1, len(counts)-1)]++
			n++
		}
		if n == 0 {
			return append(dst, perceptron.Mix(seeds2[tAgg], 2))
		}
		best := 0
		for t := range counts {
			if counts[t] > counts[best] {
				best = t
			}
		}
		bucket := uint64(1)
		switch {
		case counts[best] >= 4:
			bucket = 3
		case counts[best] >= 2:
			bucket = 2
		}
		agg := uint64(best) + 10
		return append(dst,
			perceptron.Mix(seeds2[tAgg], agg),
			perceptron.Mix(perceptron.Mix(seeds2[tAggCount], agg), bucket),
			perceptron.Mix(perceptron.Mix(seeds2[tAggOwn], agg), own),
		)
	}
}
