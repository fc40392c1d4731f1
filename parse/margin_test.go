package parse

import (
	"flag"
	"sort"
	"testing"
)

var margins = flag.Bool("margins", false, "print each feature template's share of the decision margins on EWT dev (TestTemplateMargins)")

// TestTemplateMargins is the tool that chose the templates left out (see
// features.go): with -margins it parses EWT dev with gold tags and logs,
// for each position of features' list, its share of the margins between
// the best and the second-best valid candidate, smallest first. Run
// go test ./parse -run TestTemplateMargins -margins -v. It skips without
// the flag or without ../shared.
func TestTemplateMargins(t *testing.T) {
	if !*margins {
		t.Skip("run with -margins")
	}
	sents := devSentences(t)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	p := new(parser)
	var mass []float64
	one := make([]int32, m.w.Classes())
	for _, s := range sents {
		forms, tags := goldTagged(s)
		m.prepare(p, forms, tags)
		for !p.s.terminal() {
			if p.s.top() == 0 && p.s.vr[0] > 0 {
				p.s.apply(shift)
				continue
			}
			p.feats = features(p.feats[:0], &p.s, &p.a, m.labelAtom)
			if len(mass) < len(p.feats) {
				mass = make([]float64, len(p.feats))
			}
			cands := m.candidates(p, &p.s)
			clear(p.iscores)
			m.w.ScoreClasses(p.feats, cands, p.iscores)
			best := bestOf(m, &p.s, cands, p.iscores)
			second := -1
			for _, c := range cands {
				if int(c) != best && p.s.valid(int(c), m.rootLabel) && (second < 0 || p.iscores[c] > p.iscores[second]) {
					second = int(c)
				}
			}
			if second >= 0 {
				for k, ft := range p.feats {
					clear(one)
					m.w.Score([]uint64{ft}, one)
					mass[k] += float64(max(one[best]-one[second], one[second]-one[best]))
				}
			}
			p.s.apply(best)
		}
	}
	total := 0.0
	order := make([]int, len(mass))
	for k := range order {
		order[k] = k
		total += mass[k]
	}
	sort.SliceStable(order, func(a, b int) bool { return mass[order[a]] < mass[order[b]] })
	cum := 0.0
	for _, k := range order {
		cum += mass[k]
		t.Logf("feature %2d (0 is the bias): share %.4f, cumulative %.4f", k, mass[k]/total, cum/total)
	}
}
