// Command lexgen builds the event coder's compact trigger lexicon from two
// published sources of facts: the PETRARCH2 CAMEO verb dictionary (MIT),
// which lists verbs, their inflections and the object patterns that turn a
// verb into a CAMEO event code, and the CAMEO→PLOVER table of the PLOVER
// manual, which maps each CAMEO code to a PLOVER type and mode.
//
// It keeps only what the coder uses — verb forms, object patterns and the
// PLOVER type and mode each one yields — and writes it as a small
// tab-separated file that the event package embeds:
//
//	S <synset> <word,word,...>                 a named word set (&MILITARY)
//	B <block> <TYPE> <mode> <cameo>            a verb block and its default code
//	W <block> <lemma> <form,form,...>          a verb of the block and its forms
//	P <block> <TYPE> <mode> <cameo> <word ...> an object pattern of the block
//
// Blocks whose default is "---" code nothing by the verb alone (B lines say
// NONE); CAMEO codes the table does not map (01x statements) are dropped.
// Run it through go generate in package event; it reads ../shared.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"
)

func main() {
	cameo := flag.String("cameo", "", "PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt)")
	plover := flag.String("plover", "", "CAMEO to PLOVER table (CAMEO2PLOVER-2021.txt)")
	out := flag.String("o", "cameo.tsv", "output file")
	flag.Parse()
	if *cameo == "" || *plover == "" {
		log.Fatal("lexgen: -cameo and -plover are required")
	}
	m, err := readMapping(*plover)
	if err != nil {
		log.Fatalf("lexgen: read %s: %v", *plover, err)
	}
	d, err := readDictionary(*cameo)
	if err != nil {
		log.Fatalf("lexgen: read %s: %v", *cameo, err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatalf("lexgen: %v", err)
	}
	w := bufio.NewWriter(f)
	if err := write(w, d, m); err != nil {
		log.Fatalf("lexgen: write %s: %v", *out, err)
	}
	if err := w.Flush(); err != nil {
		log.Fatalf("lexgen: write %s: %v", *out, err)
	}
	if err := f.Close(); err != nil {
		log.Fatalf("lexgen: close %s: %v", *out, err)
	}
}

// target is a PLOVER type and mode.
type target struct{ typ, mode string }

// appealCodes fills the gap the PLOVER table leaves at CAMEO 02 (appeal),
// which PLOVER folds into REQUEST; CAMEO 01 (public statements) is not an
// event in PLOVER and stays unmapped.
const appealType = "REQUEST"

// readMapping reads "CODE: TYPE, mode, context # description" lines.
func readMapping(path string) (map[string]target, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]target{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		fields := strings.Split(rest, ",")
		typ := strings.TrimSpace(fields[0])
		if typ == "" {
			continue
		}
		mode := ""
		if len(fields) > 1 {
			mode = strings.TrimSpace(fields[1])
		}
		if len(code) == 2 {
			continue // a heading: the CAMEO root, not a code of its own
		}
		if _, seen := m[code]; !seen {
			m[code] = target{typ, mode}
		}
	}
	return m, sc.Err()
}

// lookup maps a CAMEO code, falling back to its parent codes.
func lookup(m map[string]target, code string) (target, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if t, ok := m[c]; ok {
			return t, true
		}
		if len(c) == 3 && strings.HasPrefix(c, "02") {
			return target{appealType, ""}, true
		}
	}
	return target{}, false
}

type pattern struct {
	code  string
	words []string
}

type block struct {
	name     string
	code     string
	verbs    []verb
	patterns []pattern
}

type verb struct {
	lemma string
	forms []string
}

type dictionary struct {
	synsets map[string][]string
	blocks  []*block
}

func readDictionary(path string) (*dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &dictionary{synsets: map[string][]string{}}
	sc := bufio.NewScanner(f)
	var syn string
	var cur *block
	inVerbs := false
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			syn = ""
			continue
		}
		switch {
		case strings.HasPrefix(line, "&") && cur == nil && !inVerbs:
			syn = strings.ToLower(strings.TrimPrefix(line, "&"))
		case strings.HasPrefix(line, "+") && syn != "":
			w := strings.ToLower(strings.Trim(strings.TrimPrefix(line, "+"), "_ "))
			d.synsets[syn] = append(d.synsets[syn], strings.ReplaceAll(w, "_", " "))
		case strings.HasPrefix(line, "---"):
			inVerbs = true
			syn = ""
			// ---  NAME   [code]  ---
			name := strings.TrimSpace(strings.Trim(line, "-"))
			code := ""
			if i := strings.IndexByte(name, '['); i >= 0 {
				code = strings.Trim(name[i:], "[] -")
				name = strings.TrimSpace(name[:i])
			}
			cur = &block{name: strings.ToLower(name), code: firstCode(code)}
			d.blocks = append(d.blocks, cur)
		case cur != nil && strings.HasPrefix(line, "- "):
			p, ok := parsePattern(line[2:])
			if ok {
				cur.patterns = append(cur.patterns, p)
			}
		case cur != nil:
			if v, ok := parseVerb(line); ok {
				cur.verbs = append(cur.verbs, v)
			}
		}
	}
	return d, sc.Err()
}

// firstCode takes "042:043" as its first code and "---" as none.
func firstCode(c string) string {
	c, _, _ = strings.Cut(c, ":")
	if strings.Trim(c, "0123456789") != "" {
		return ""
	}
	return c
}

// parseVerb reads "HURRY {HURRIES HURRYING HURRIED }" or "+GEAR_UP".
func parseVerb(line string) (verb, bool) {
	head, irregular, _ := strings.Cut(line, "{")
	head = strings.TrimSpace(head)
	head = strings.TrimPrefix(head, "+")
	if head == "" || strings.ContainsAny(head, " []*") {
		return verb{}, false
	}
	lemma := strings.ToLower(strings.ReplaceAll(strings.Trim(head, "_"), "_", " "))
	var forms []string
	if irregular != "" {
		for _, w := range strings.Fields(strings.Trim(irregular, "{} ")) {
			forms = append(forms, strings.ToLower(strings.ReplaceAll(strings.Trim(w, "_+"), "_", " ")))
		}
	}
	if len(forms) == 0 {
		forms = inflect(lemma)
	}
	return verb{lemma: lemma, forms: dedupe(append([]string{lemma}, forms...))}, true
}

// inflect makes the regular -s, -ed and -ing forms of a verb, or of the
// first word of a phrasal verb ("gear up" → "gears up").
func inflect(lemma string) []string {
	first, rest, _ := strings.Cut(lemma, " ")
	if rest != "" {
		rest = " " + rest
	}
	var s, ed, ing string
	switch {
	case strings.HasSuffix(first, "e"):
		s, ed, ing = first+"s", first+"d", first[:len(first)-1]+"ing"
	case strings.HasSuffix(first, "y") && len(first) > 2 && !strings.ContainsRune("aeiou", rune(first[len(first)-2])):
		s, ed, ing = first[:len(first)-1]+"ies", first[:len(first)-1]+"ied", first+"ing"
	case strings.HasSuffix(first, "s") || strings.HasSuffix(first, "sh") || strings.HasSuffix(first, "ch") || strings.HasSuffix(first, "x") || strings.HasSuffix(first, "z"):
		s, ed, ing = first+"es", first+"ed", first+"ing"
	default:
		s, ed, ing = first+"s", first+"ed", first+"ing"
	}
	return []string{s + rest, ed + rest, ing + rest}
}

// parsePattern reads "* {ARMS SHIPMENT} (TO +) [072]" into its code and
// the words after the verb. Patterns that constrain the subject (words
// before the *) are dropped: the coder checks subjects on the parse.
func parsePattern(s string) (pattern, bool) {
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return pattern{}, false
	}
	code := firstCode(strings.TrimSpace(s[i+1 : j]))
	body := s[:i]
	star := strings.IndexByte(body, '*')
	if star < 0 {
		return pattern{}, false
	}
	for _, w := range strings.Fields(body[:star]) {
		if w != "$" && w != "+" && w != "%" {
			return pattern{}, false
		}
	}
	var words []string
	for _, w := range strings.Fields(strings.NewReplacer("{", " ", "}", " ", "(", " ", ")", " ").Replace(body[star+1:])) {
		switch w {
		case "$", "+", "%", "^", "=":
			continue
		}
		w = strings.Trim(w, "$+%")
		if w == "" {
			continue
		}
		words = append(words, strings.ToLower(strings.ReplaceAll(strings.Trim(w, "_"), "_", " ")))
	}
	if len(words) == 0 {
		return pattern{}, false
	}
	return pattern{code: code, words: words}, true
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func write(w io.Writer, d *dictionary, m map[string]target) error {
	fmt.Fprintln(w, "# Generated by event/internal/lexgen from the PETRARCH2 CAMEO verb dictionary (MIT)")
	fmt.Fprintln(w, "# and the PLOVER manual's CAMEO-to-PLOVER table (CC BY-SA 4.0). Do not edit: go generate ./event")
	used := map[string]bool{}
	var lines []string
	for bi, b := range d.blocks {
		id := fmt.Sprintf("%d", bi)
		def, ok := lookup(m, b.code)
		typ, mode := "NONE", "-"
		if ok {
			typ, mode = def.typ, orDash(def.mode)
		}
		var pl []string
		for _, p := range b.patterns {
			t, ok := lookup(m, p.code)
			if !ok {
				t = target{"NONE", ""}
			}
			if t.typ == typ && orDash(t.mode) == mode {
				continue // the verb alone already says this
			}
			for _, w := range p.words {
				if strings.HasPrefix(w, "&") {
					used[w[1:]] = true
				}
			}
			pl = append(pl, fmt.Sprintf("P\t%s\t%s\t%s\t%s\t%s", id, t.typ, orDash(t.mode), orDash(p.code), strings.Join(p.words, " ")))
		}
		if typ == "NONE" && len(pl) == 0 {
			continue
		}
		lines = append(lines, fmt.Sprintf("B\t%s\t%s\t%s\t%s", id, typ, mode, orDash(b.code)))
		for _, v := range b.verbs {
			lines = append(lines, fmt.Sprintf("W\t%s\t%s\t%s", id, v.lemma, strings.Join(v.forms, ",")))
		}
		lines = append(lines, dedupe(pl)...)
	}
	var names []string
	for n := range used {
		if _, ok := d.synsets[n]; ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "S\t%s\t%s\n", n, strings.Join(dedupe(d.synsets[n]), ","))
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
