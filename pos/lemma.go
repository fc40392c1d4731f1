package pos

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/modelio"
)

// A lemma rule turns a form into its lemma: take the form (or its lower
// case), cut Cut bytes from the end and append Add. Rules are learned from
// the treebank, so "ran"/VBD gets "run" from the exceptions table and an
// unseen "deployed"/VBD gets "deploy" from the suffix "ed" of VBD.
type rule struct {
	lower bool
	cut   int
	add   string
}

func (r rule) String() string {
	c := "K"
	if r.lower {
		c = "L"
	}
	return c + strconv.Itoa(r.cut) + "|" + r.add
}

func parseRule(s string) (rule, bool) {
	if len(s) < 3 || (s[0] != 'K' && s[0] != 'L') {
		return rule{}, false
	}
	num, add, ok := strings.Cut(s[1:], "|")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 0 || n > 64 {
		return rule{}, false
	}
	return rule{lower: s[0] == 'L', cut: n, add: add}, true
}

func (r rule) apply(form string) (string, bool) {
	base := form
	if r.lower {
		base = strings.ToLower(form)
	}
	if r.cut > len(base) || !utf8.ValidString(base[:len(base)-r.cut]) {
		return "", false
	}
	if r.cut == 0 && r.add == "" {
		return base, true
	}
	return base[:len(base)-r.cut] + r.add, true
}

// ruleFor returns the cheapest rule that turns form into lemma.
func ruleFor(form, lemma string) rule {
	best := rule{cut: len(form), add: lemma}
	// On a tie, a lower-case lemma prefers the lower-casing rule, so that
	// "The" and "the" share it.
	order := []bool{true, false}
	if strings.ToLower(lemma) != lemma {
		order = []bool{false, true}
	}
	for _, lower := range order {
		base := form
		if lower {
			base = strings.ToLower(form)
		}
		p := 0
		for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
			p++
		}
		for p > 0 && p < len(base) && !utf8.RuneStart(base[p]) {
			p--
		}
		r := rule{lower: lower, cut: len(base) - p, add: lemma[p:]}
		if r.cut+len(r.add) < best.cut+len(best.add) {
			best = r
		}
	}
	return best
}

// lemmatizer holds the learned rules: whole forms first, then suffixes by
// tag, longest first. The tables map keys to indexes into rules.
type lemmatizer struct {
	forms    *modelio.Dict // form (or its lower case) + "\t" + xpos
	suffixes *modelio.Dict // xpos + "\t" + suffix of lower(form)
	rules    []string
	parsed   []rule
}

// newLemmatizer freezes rule maps into a lemmatizer.
func newLemmatizer(forms, suffixes map[string]rule) *lemmatizer {
	set := map[string]bool{}
	for _, m := range []map[string]rule{forms, suffixes} {
		for _, r := range m {
			set[r.String()] = true
		}
	}
	l := &lemmatizer{}
	for r := range set {
		l.rules = append(l.rules, r)
	}
	sort.Strings(l.rules)
	index := map[string]uint32{}
	for i, r := range l.rules {
		index[r] = uint32(i)
	}
	l.setRules(l.rules)
	freeze := func(m map[string]rule) *modelio.Dict {
		d := make(map[string]uint32, len(m))
		for k, r := range m {
			d[k] = index[r.String()]
		}
		return modelio.NewDict(d)
	}
	l.forms, l.suffixes = freeze(forms), freeze(suffixes)
	return l
}

// setRules parses the rule strings the tables point into.
func (l *lemmatizer) setRules(rules []string) error {
	l.rules = rules
	l.parsed = make([]rule, len(rules))
	for i, s := range rules {
		r, ok := parseRule(s)
		if !ok {
			return fmt.Errorf("bad lemma rule %q", s)
		}
		l.parsed[i] = r
	}
	return nil
}

// get returns the rule a table gives key.
func (l *lemmatizer) get(d *modelio.Dict, key []byte) (rule, bool) {
	i, ok := d.GetBytes(key)
	if !ok || int(i) >= len(l.parsed) {
		return rule{}, false
	}
	return l.parsed[i], true
}

const maxLemmaSuffix = 6

func (l *lemmatizer) lemma(form, xpos string) string {
	var kb [128]byte
	lower := form
	for i := 0; i < len(form); i++ {
		if c := form[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			lower = strings.ToLower(form)
			break
		}
	}
	key := append(append(append(kb[:0], form...), '\t'), xpos...)
	if r, ok := l.get(l.forms, key); ok {
		if s, ok := r.apply(form); ok {
			return s
		}
	}
	if lower != form {
		key = append(append(append(kb[:0], lower...), '\t'), xpos...)
		if r, ok := l.get(l.forms, key); ok {
			if s, ok := r.apply(form); ok {
				return s
			}
		}
	}
	if l := irregularLemma(lower, xpos); l != "" {
		return l
	}
	for n := min(maxLemmaSuffix, len(lower)); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(lower[len(lower)-n]) {
			continue
		}
		key = append(append(append(kb[:0], xpos...), '\t'), lower[len(lower)-n:]...)
		if r, ok := l.get(l.suffixes, key); ok {
			if s, ok := r.apply(form); ok && s != "" {
				return s
			}
		}
	}
	return form
}

// learnLemmas builds a lemmatizer from (form, xpos, lemma) triples.
func learnLemmas(forms, xposs, lemmas []string) *lemmatizer {
	type counts map[string]int
	byForm := map[string]counts{}
	bySuf := map[string]counts{}
	add := func(m map[string]counts, k, r string) {
		c := m[k]
		if c == nil {
			c = counts{}
			m[k] = c
		}
		c[r]++
	}
	for i, f := range forms {
		if lemmas[i] == "_" || lemmas[i] == "" {
			continue
		}
		r := ruleFor(f, lemmas[i]).String()
		lower := strings.ToLower(f)
		add(byForm, f+"\t"+xposs[i], r)
		for n := 0; n <= maxLemmaSuffix && n <= len(lower); n++ {
			if n > 0 && !utf8.RuneStart(lower[len(lower)-n]) {
				continue
			}
			add(bySuf, xposs[i]+"\t"+lower[len(lower)-n:], r)
		}
	}
	best := func(c counts) (string, int) {
		keys := make([]string, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b, bn := "", 0
		for _, k := range keys {
			if c[k] > bn {
				b, bn = k, c[k]
			}
		}
		return b, bn
	}
	exceptions, suffixes := map[string]rule{}, map[string]rule{}
	// Suffix rules: keep one only where it differs from what the next
	// shorter suffix would give, and only when seen at least twice.
	sufBest := map[string]string{}
	for k, c := range bySuf {
		if r, n := best(c); n >= 2 || !strings.Contains(k, "\t") || strings.HasSuffix(k, "\t") {
			sufBest[k] = r
		}
	}
	parentRule := func(k string) (string, bool) {
		tag, suf, _ := strings.Cut(k, "\t")
		for n := len(suf) - 1; n >= 0; n-- {
			if n > 0 && !utf8.RuneStart(suf[len(suf)-n]) {
				continue
			}
			if r, ok := sufBest[tag+"\t"+suf[len(suf)-n:]]; ok {
				return r, true
			}
		}
		return "", false
	}
	for k, r := range sufBest {
		_, suf, _ := strings.Cut(k, "\t")
		if p, ok := parentRule(k); ok && p == r && suf != "" {
			continue
		}
		if rr, ok := parseRule(r); ok {
			suffixes[k] = rr
		}
	}
	// Whole-form exceptions: only where the suffix rules get it wrong.
	bySuffix := newLemmatizer(nil, suffixes)
	for k, c := range byForm {
		r, _ := best(c)
		rr, ok := parseRule(r)
		if !ok {
			continue
		}
		form, tag, _ := strings.Cut(k, "\t")
		if got := bySuffix.lemma(form, tag); func() bool { want, ok := rr.apply(form); return ok && want == got }() {
			continue
		}
		exceptions[k] = rr
	}
	return newLemmatizer(exceptions, suffixes)
}
