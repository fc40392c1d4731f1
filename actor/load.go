package actor

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/sitrep/sitrep"
)

//go:generate go run ./internal/gencountries -in ../../shared/lexicon/countries -out data/countries.yaml

// shipped holds the default dictionary: countries.yaml is generated from
// the world-countries data set (ODbL, see data/LICENSE-countries); every
// other file is written by the sitrep team.
//
//go:embed data/*.yaml
var shipped embed.FS

// File is a parsed dictionary file before it is merged into a dictionary.
type File struct {
	Name   string
	Actors []Entry
	Agents []Agent
}

// MaxFileSize is the largest dictionary file read.
const MaxFileSize = 32 << 20

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
	defaultErr  error
)

// Default returns the shipped dictionary, built once per process.
func Default() (*Dictionary, error) {
	defaultOnce.Do(func() { defaultDict, defaultErr = Build(nil) })
	return defaultDict, defaultErr
}

// Build compiles the shipped dictionary followed by the given files (YAML
// or CSV, by extension). Later files override earlier ones actor by actor.
func Build(files []File) (*Dictionary, error) {
	base, err := ShippedFiles()
	if err != nil {
		return nil, err
	}
	return Compile(append(base, files...))
}

// ShippedFiles parses the dictionary files embedded in the binary.
func ShippedFiles() ([]File, error) {
	names, err := fs.Glob(shipped, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	// countries.yaml first: the curated files refine the generated states.
	slices.SortStableFunc(names, func(a, b string) int {
		return boolInt(path.Base(b) == "countries.yaml") - boolInt(path.Base(a) == "countries.yaml")
	})
	out := make([]File, 0, len(names))
	for _, n := range names {
		b, err := shipped.ReadFile(n)
		if err != nil {
			return nil, err
		}
		f, err := ParseYAML("actor/"+n, b)
		if err != nil {
			return nil, fmt.Errorf("shipped dictionary: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ReadFile reads a user dictionary file: YAML (.yaml, .yml) or CSV (.csv).
func ReadFile(name string) (File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return File{}, sitrep.Errorf(sitrep.EINVALID, "cannot read actor dictionary: %v (user dictionaries are named by --dict or $%s)", err, FilesEnv)
	}
	if fi.Size() > MaxFileSize {
		return File{}, sitrep.Errorf(sitrep.ETOOLARGE, "actor dictionary %s is %d bytes, over the %d byte limit; split it", name, fi.Size(), MaxFileSize)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return File{}, sitrep.Errorf(sitrep.EINVALID, "actor dictionary: %v", err)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return ParseYAML(name, b)
	case ".csv":
		return ParseCSV(name, b)
	}
	return File{}, sitrep.Errorf(sitrep.EINVALID, "actor dictionary %s: unknown format; name it .yaml, .yml or .csv", name)
}

// Compile merges parsed files in order and builds the matcher.
func Compile(files []File) (*Dictionary, error) {
	d := &Dictionary{}
	idx := map[string]int{}
	agentIdx := map[string]int{}
	for _, f := range files {
		for _, e := range f.Actors {
			if i, ok := idx[e.ID]; ok {
				d.entries[i] = merge(d.entries[i], e)
				continue
			}
			if e.Name == "" {
				return nil, sitrep.Errorf(sitrep.EINVALID, "%s: actor %s has no name and overrides no earlier actor; give it a name", e.Source, e.ID)
			}
			if e.Kind == "" {
				e.Kind = sitrep.ActorUnknown
			}
			idx[e.ID] = len(d.entries)
			d.entries = append(d.entries, e)
		}
		for _, a := range f.Agents {
			if i, ok := agentIdx[a.Code]; ok {
				d.agents[i] = mergeAgent(d.agents[i], a)
				continue
			}
			if a.Name == "" || len(a.Forms)+len(a.Members) == 0 {
				return nil, sitrep.Errorf(sitrep.EINVALID, "%s: agent %s needs a name and forms or members", a.Source, a.Code)
			}
			agentIdx[a.Code] = len(d.agents)
			d.agents = append(d.agents, a)
		}
	}
	if err := d.finish(); err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "%v", err)
	}
	d.m = compileMatcher(d)
	d.aliases = d.m.patterns()
	return d, nil
}

// merge applies an override: fields it sets win, lists are added.
func merge(old, e Entry) Entry {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&old.Name, e.Name)
	set(&old.Country, e.Country)
	set(&old.Parent, e.Parent)
	set(&old.Sector, e.Sector)
	set(&old.ValidFrom, e.ValidFrom)
	set(&old.ValidTo, e.ValidTo)
	if e.Kind != "" {
		old.Kind = e.Kind
	}
	if e.Inter != 0 {
		old.Inter = e.Inter
	}
	old.Bloc = old.Bloc || e.Bloc
	old.Aliases = addUnique(old.Aliases, e.Aliases...)
	old.Demonyms = addUnique(old.Demonyms, e.Demonyms...)
	old.Peoples = addUnique(old.Peoples, e.Peoples...)
	old.Capitals = addUnique(old.Capitals, e.Capitals...)
	old.Roles = append(old.Roles, e.Roles...)
	old.Source += ", " + e.Source
	return old
}

func mergeAgent(old, a Agent) Agent {
	if a.Name != "" {
		old.Name = a.Name
	}
	old.Forms = addUnique(old.Forms, a.Forms...)
	old.Members = addUnique(old.Members, a.Members...)
	old.Modifiers = addUnique(old.Modifiers, a.Modifiers...)
	if a.Kind != "" {
		old.Kind = a.Kind
	}
	if a.Sector != "" {
		old.Sector = a.Sector
	}
	if a.Inter != 0 {
		old.Inter = a.Inter
	}
	if a.Parent != "" {
		old.Parent = a.Parent
	}
	if a.Rank != 0 {
		old.Rank = a.Rank
	}
	old.Title = old.Title || a.Title
	old.Leader = old.Leader || a.Leader
	old.Source += ", " + a.Source
	return old
}

func addUnique(dst []string, src ...string) []string {
	for _, s := range src {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// lineError is a problem at a line of a dictionary file.
func lineError(file string, line int, format string, args ...any) error {
	return sitrep.Errorf(sitrep.EINVALID, "%s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

// ParseYAML reads a dictionary in YAML: a mapping with an "actors" list and
// an "agents" list (either may be absent). See docs/actors.md for the
// fields. Errors carry the file name and line.
func ParseYAML(name string, b []byte) (File, error) {
	f := File{Name: name}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		return f, sitrep.Errorf(sitrep.EINVALID, "%s: not valid YAML: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return f, lineError(name, root.Line, "the file must be a mapping with keys actors and agents, not a %s", kindName(root))
	}
	var errs []error
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "actors", "agents":
			if v.Kind != yaml.SequenceNode {
				errs = append(errs, lineError(name, v.Line, "%s must be a list", k.Value))
				continue
			}
			for _, item := range v.Content {
				if k.Value == "actors" {
					e, err := yamlActor(name, item)
					if err != nil {
						errs = append(errs, err)
						continue
					}
					if l, dup := seen[e.ID]; dup {
						errs = append(errs, lineError(name, item.Line, "actor %s is already defined at line %d of this file", e.ID, l))
						continue
					}
					seen[e.ID] = item.Line
					f.Actors = append(f.Actors, e)
				} else {
					a, err := yamlAgent(name, item)
					if err != nil {
						errs = append(errs, err)
						continue
					}
					if l, dup := seen["agent "+a.Code]; dup {
						errs = append(errs, lineError(name, item.Line, "agent %s is already defined at line %d of this file", a.Code, l))
						continue
					}
					seen["agent "+a.Code] = item.Line
					f.Agents = append(f.Agents, a)
				}
			}
		default:
			errs = append(errs, lineError(name, k.Line, "unknown key %q; the file has actors and agents", k.Value))
		}
		if len(errs) >= 20 {
			errs = append(errs, sitrep.Errorf(sitrep.EINVALID, "%s: too many errors, stopping", name))
			break
		}
	}
	return f, joinErrors(errs)
}

// joinErrors joins errors so that the result keeps the EINVALID code.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	if len(errs) == 1 {
		return errs[0]
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = sitrep.ErrorMessage(e)
	}
	return sitrep.Errorf(sitrep.EINVALID, "%s", strings.Join(msgs, "\n"))
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.ScalarNode:
		return "scalar"
	}
	return "node"
}

// fields walks a mapping node, calling fn for each key; unknown keys and
// non-mappings are errors.
func fields(file string, n *yaml.Node, what string, fn func(key string, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return lineError(file, n.Line, "each %s must be a mapping (key: value lines), not a %s", what, kindName(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := fn(n.Content[i].Value, n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

func scalar(file string, key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", lineError(file, v.Line, "%s must be a single value, not a %s", key, kindName(v))
	}
	return strings.TrimSpace(v.Value), nil
}

func list(file string, key string, v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.ScalarNode {
		if strings.TrimSpace(v.Value) == "" {
			return nil, nil
		}
		return []string{strings.TrimSpace(v.Value)}, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, lineError(file, v.Line, "%s must be a list of names", key)
	}
	out := make([]string, 0, len(v.Content))
	for _, c := range v.Content {
		s, err := scalar(file, key, c)
		if err != nil {
			return nil, err
		}
		if s == "" {
			return nil, lineError(file, c.Line, "%s has an empty entry", key)
		}
		out = append(out, s)
	}
	return out, nil
}

func boolean(file, key string, v *yaml.Node) (bool, error) {
	s, err := scalar(file, key, v)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(s) {
	case "true", "yes":
		return true, nil
	case "false", "no", "":
		return false, nil
	}
	return false, lineError(file, v.Line, "%s must be true or false, not %q", key, s)
}

func integer(file, key string, v *yaml.Node, lo, hi int) (int, error) {
	s, err := scalar(file, key, v)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, lineError(file, v.Line, "%s must be a whole number from %d to %d, not %q", key, lo, hi, s)
	}
	return n, nil
}

func yamlActor(file string, n *yaml.Node) (Entry, error) {
	var e Entry
	e.Source = fmt.Sprintf("%s:%d", file, n.Line)
	err := fields(file, n, "actor", func(key string, v *yaml.Node) error {
		var err error
		str := func(dst *string) { *dst, err = scalar(file, key, v) }
		strs := func(dst *[]string) { *dst, err = list(file, key, v) }
		switch key {
		case "id":
			str(&e.ID)
		case "name":
			str(&e.Name)
		case "aliases":
			strs(&e.Aliases)
		case "kind":
			var k string
			str(&k)
			e.Kind = sitrep.ActorKind(k)
		case "country":
			str(&e.Country)
		case "parent":
			str(&e.Parent)
		case "sector":
			str(&e.Sector)
		case "inter":
			e.Inter, err = integer(file, key, v, 0, 8)
		case "valid_from":
			str(&e.ValidFrom)
		case "valid_to":
			str(&e.ValidTo)
		case "demonyms":
			strs(&e.Demonyms)
		case "peoples":
			strs(&e.Peoples)
		case "capitals":
			strs(&e.Capitals)
		case "bloc":
			e.Bloc, err = boolean(file, key, v)
		case "roles":
			if v.Kind != yaml.SequenceNode {
				return lineError(file, v.Line, "roles must be a list")
			}
			for _, rn := range v.Content {
				r, rerr := yamlRole(file, rn)
				if rerr != nil {
					return rerr
				}
				e.Roles = append(e.Roles, r)
			}
		default:
			return lineError(file, v.Line, "unknown actor field %q (want id, name, aliases, kind, country, parent, sector, inter, valid_from, valid_to, roles, demonyms, peoples, capitals, bloc)", key)
		}
		return err
	})
	if err != nil {
		return e, err
	}
	return e, checkEntry(file, n.Line, &e)
}

func yamlRole(file string, n *yaml.Node) (sitrep.Role, error) {
	var r sitrep.Role
	err := fields(file, n, "role", func(key string, v *yaml.Node) error {
		s, err := scalar(file, key, v)
		switch key {
		case "title":
			r.Title = s
		case "of":
			r.Of = s
		case "of_name":
			r.OfName = s
		case "from":
			r.From = s
		case "to":
			r.To = s
		default:
			return lineError(file, v.Line, "unknown role field %q (want title, of, of_name, from, to)", key)
		}
		return err
	})
	if err != nil {
		return r, err
	}
	if r.Title == "" {
		return r, lineError(file, n.Line, "a role needs a title")
	}
	for _, d := range []string{r.From, r.To} {
		if !validDate(d) {
			return r, lineError(file, n.Line, "role %q: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", r.Title, d)
		}
	}
	return r, nil
}

func yamlAgent(file string, n *yaml.Node) (Agent, error) {
	var a Agent
	a.Source = fmt.Sprintf("%s:%d", file, n.Line)
	err := fields(file, n, "agent", func(key string, v *yaml.Node) error {
		var err error
		switch key {
		case "code":
			a.Code, err = scalar(file, key, v)
		case "name":
			a.Name, err = scalar(file, key, v)
		case "forms":
			a.Forms, err = list(file, key, v)
		case "members":
			a.Members, err = list(file, key, v)
		case "modifiers":
			a.Modifiers, err = list(file, key, v)
		case "kind":
			var k string
			k, err = scalar(file, key, v)
			a.Kind = sitrep.ActorKind(k)
		case "sector":
			a.Sector, err = scalar(file, key, v)
		case "inter":
			a.Inter, err = integer(file, key, v, 0, 8)
		case "parent":
			a.Parent, err = scalar(file, key, v)
		case "title":
			a.Title, err = boolean(file, key, v)
		case "leader":
			a.Leader, err = boolean(file, key, v)
		case "rank":
			a.Rank, err = integer(file, key, v, 0, 100)
		default:
			return lineError(file, v.Line, "unknown agent field %q (want code, name, forms, members, modifiers, kind, sector, inter, parent, title, leader, rank)", key)
		}
		return err
	})
	if err != nil {
		return a, err
	}
	if a.Code == "" || strings.ContainsAny(a.Code, ". \t") {
		return a, lineError(file, n.Line, "agent code %q must be non-empty, without dots or spaces", a.Code)
	}
	if a.Kind != "" && !a.Kind.Valid() {
		return a, lineError(file, n.Line, "agent %s: unknown kind %q (want one of %s)", a.Code, a.Kind, kindList())
	}
	return a, nil
}

func kindList() string {
	s := make([]string, len(sitrep.ActorKinds))
	for i, k := range sitrep.ActorKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// checkEntry validates an actor's fields.
func checkEntry(file string, line int, e *Entry) error {
	switch {
	case e.ID == "":
		return lineError(file, line, "actor has no id")
	case strings.ContainsAny(e.ID, ". \t\n"):
		return lineError(file, line, "actor id %q may not contain dots or spaces (dots join a base and an agent)", e.ID)
	case strings.HasPrefix(e.ID, sitrep.LocalActorPrefix):
		return lineError(file, line, "actor id %q may not start with %q, which marks actors found only in a document", e.ID, sitrep.LocalActorPrefix)
	case e.Kind != "" && !e.Kind.Valid():
		return lineError(file, line, "actor %s: unknown kind %q (want one of %s)", e.ID, e.Kind, kindList())
	case e.Country != "" && !isISO3(e.Country):
		return lineError(file, line, "actor %s: country %q is not an ISO 3166 alpha-3 code such as LBY", e.ID, e.Country)
	case !validDate(e.ValidFrom) || !validDate(e.ValidTo):
		return lineError(file, line, "actor %s: validity dates must be YYYY, YYYY-MM or YYYY-MM-DD", e.ID)
	case e.ValidFrom != "" && e.ValidTo != "" && e.ValidTo < e.ValidFrom:
		return lineError(file, line, "actor %s: valid_to %s is before valid_from %s", e.ID, e.ValidTo, e.ValidFrom)
	}
	for _, s := range append(append(append([]string{e.Name}, e.Aliases...), e.Demonyms...), e.Capitals...) {
		if s != "" && len(aliasWords(s)) == 0 {
			return lineError(file, line, "actor %s: name %q has no letters or digits to match", e.ID, s)
		}
	}
	return nil
}

func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// validDate accepts "", YYYY, YYYY-MM and YYYY-MM-DD.
func validDate(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// csvColumns are the columns a CSV dictionary may have; id is required.
var csvColumns = []string{"id", "name", "aliases", "kind", "country", "parent", "sector", "inter", "valid_from", "valid_to", "demonyms", "capitals"}

// ParseCSV reads a dictionary of actors in CSV: a header row naming
// columns from id, name, aliases, kind, country, parent, sector, inter,
// valid_from, valid_to, demonyms, capitals; list columns separate items
// with "|". Errors carry the file name and line.
func ParseCSV(name string, b []byte) (File, error) {
	f := File{Name: name}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.Comment = '#'
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return f, nil
	}
	if err != nil {
		return f, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(csvColumns, h) {
			return f, lineError(name, 1, "unknown column %q (want %s)", h, strings.Join(csvColumns, ", "))
		}
		if _, dup := col[h]; dup {
			return f, lineError(name, 1, "column %q appears twice", h)
		}
		col[h] = i
	}
	if _, ok := col["id"]; !ok {
		return f, lineError(name, 1, "the header has no id column")
	}
	var errs []error
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			if len(errs) >= 20 {
				break
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) > len(header) {
			errs = append(errs, lineError(name, line, "%d fields but the header has %d; quote fields that contain commas", len(rec), len(header)))
			continue
		}
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		split := func(k string) []string {
			var out []string
			for _, s := range strings.Split(get(k), "|") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
			return out
		}
		e := Entry{Source: fmt.Sprintf("%s:%d", name, line)}
		e.ID, e.Name, e.Kind = get("id"), get("name"), sitrep.ActorKind(get("kind"))
		e.Country, e.Parent, e.Sector = get("country"), get("parent"), get("sector")
		e.ValidFrom, e.ValidTo = get("valid_from"), get("valid_to")
		e.Aliases, e.Demonyms, e.Capitals = split("aliases"), split("demonyms"), split("capitals")
		if s := get("inter"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > 8 {
				errs = append(errs, lineError(name, line, "inter must be a whole number from 0 to 8, not %q", s))
				continue
			}
			e.Inter = n
		}
		if err := checkEntry(name, line, &e); err != nil {
			errs = append(errs, err)
			continue
		}
		if l, dup := seen[e.ID]; dup {
			errs = append(errs, lineError(name, line, "actor %s is already defined at line %d of this file", e.ID, l))
			continue
		}
		seen[e.ID] = line
		f.Actors = append(f.Actors, e)
	}
	return f, joinErrors(errs)
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return lineError(name, pe.Line, "%v", pe.Err)
	}
	return sitrep.Errorf(sitrep.EINVALID, "%s: %v", name, err)
}
