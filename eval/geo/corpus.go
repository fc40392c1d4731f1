// Package geo scores a geoparser against the news geoparsing corpora
// GeoVirus, TR-News and GeoWebNews (the XML files of Gritta et al.'s and
// Kamalloo and Rafiei's releases): toponym recognition precision, recall
// and F1 on exact spans, and resolution as accuracy within 161 km, mean and
// median error and the AUC of the log error (Gritta et al. 2018), both end
// to end and on the gold spans.
//
// The corpora themselves are never part of the repository: they are read
// from wherever the caller keeps them (../shared/eval/geoparsing/).
package geo

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format names a corpus format.
type Format string

// The corpus formats.
const (
	GeoVirus Format = "geovirus"
	TRNews   Format = "trnews"
	GWN      Format = "gwn"
)

// Toponym is a gold toponym with its byte span in the article text.
type Toponym struct {
	Start, End int
	Name       string
	Lat, Lon   float64
	GeonamesID int64
	// Linked is false for a toponym the corpus marks as a place but
	// cannot place (GWN's unlinked streets and buildings): predictions on
	// it are neither right nor wrong.
	Linked bool
	// Ignore is true for annotations of text that is not a toponym under
	// the corpus's scheme but that a geoparser may reasonably mark (GWN's
	// nominal demonyms and languages): predictions on it are not errors.
	Ignore bool
}

// Article is one corpus document.
type Article struct {
	Text     string
	Toponyms []Toponym
}

// Corpus is a parsed corpus.
type Corpus struct {
	Format   Format
	Articles []Article
	// Realigned counts gold spans moved to where their phrase really is
	// (TR-News phrase drift).
	Realigned int
	// Dropped counts gold toponyms whose span could not be found.
	Dropped int
}

// xmlCorpus covers the three formats: GeoVirus <location>, TR-News
// <toponym><phrase><gaztag>, GWN <toponym><extractedName><geonamesID>.
type xmlCorpus struct {
	Articles []struct {
		Text      string `xml:"text"`
		Locations []struct {
			Name  string `xml:"name"`
			Start int    `xml:"start"`
			End   int    `xml:"end"`
			Lat   string `xml:"lat"`
			Lon   string `xml:"lon"`
		} `xml:"locations>location"`
		Toponyms []struct {
			Phrase        string `xml:"phrase"`
			ExtractedName string `xml:"extractedName"`
			Type          string `xml:"type"`
			Start         int    `xml:"start"`
			End           int    `xml:"end"`
			GeonamesID    string `xml:"geonamesID"`
			Latitude      string `xml:"latitude"`
			Longitude     string `xml:"longitude"`
			Gaztag        *struct {
				ID  string `xml:"geonameid,attr"`
				Lat string `xml:"lat"`
				Lon string `xml:"lon"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// Read parses a corpus, detecting its format. Offsets in the files count
// characters; they become byte offsets here. GeoVirus offsets are one
// character late in every case and are moved back; TR-News phrases that
// are not at their offsets are looked for nearby.
func Read(r io.Reader) (*Corpus, error) {
	var x xmlCorpus
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("read geoparsing corpus: %w", err)
	}
	c := &Corpus{}
	for _, a := range x.Articles {
		switch {
		case len(a.Locations) > 0:
			c.Format = GeoVirus
		case len(a.Toponyms) > 0 && a.Toponyms[0].Gaztag != nil || len(a.Toponyms) > 0 && a.Toponyms[0].Phrase != "":
			c.Format = TRNews
		case len(a.Toponyms) > 0:
			c.Format = GWN
		}
		if c.Format != "" {
			break
		}
	}
	if c.Format == "" {
		return nil, fmt.Errorf("read geoparsing corpus: no toponyms found; want GeoVirus, TR-News or GWN XML")
	}
	for ai, a := range x.Articles {
		art := Article{Text: a.Text}
		bo := byteOffsets(a.Text)
		span := func(s, e int) (int, int, bool) {
			if s < 0 || e < s || e >= len(bo) {
				return 0, 0, false
			}
			return bo[s], bo[e], true
		}
		switch c.Format {
		case GeoVirus:
			for _, l := range a.Locations {
				s, e, ok := span(l.Start-1, l.End-1)
				lat, err1 := strconv.ParseFloat(strings.TrimSpace(l.Lat), 64)
				lon, err2 := strconv.ParseFloat(strings.TrimSpace(l.Lon), 64)
				if !ok || s == e || err1 != nil || err2 != nil {
					c.Dropped++
					continue
				}
				art.Toponyms = append(art.Toponyms, Toponym{Start: s, End: e, Name: a.Text[s:e], Lat: lat, Lon: lon, Linked: true})
			}
		case TRNews:
			for _, t := range a.Toponyms {
				s, e, ok := span(t.Start, t.End)
				if !ok || t.Gaztag == nil {
					c.Dropped++
					continue
				}
				if a.Text[s:e] != t.Phrase {
					if ns, ne, found := near(a.Text, t.Phrase, s); found {
						s, e = ns, ne
						c.Realigned++
					}
				}
				lat, err1 := strconv.ParseFloat(strings.TrimSpace(t.Gaztag.Lat), 64)
				lon, err2 := strconv.ParseFloat(strings.TrimSpace(t.Gaztag.Lon), 64)
				id, _ := strconv.ParseInt(t.Gaztag.ID, 10, 64)
				if err1 != nil || err2 != nil {
					c.Dropped++
					continue
				}
				art.Toponyms = append(art.Toponyms, Toponym{Start: s, End: e, Name: a.Text[s:e], Lat: lat, Lon: lon, GeonamesID: id, Linked: true})
			}
		case GWN:
			for _, t := range a.Toponyms {
				s, e, ok := span(t.Start, t.End)
				if !ok || s == e {
					c.Dropped++
					continue
				}
				tp := Toponym{Start: s, End: e, Name: a.Text[s:e]}
				lat, err1 := strconv.ParseFloat(strings.TrimSpace(t.Latitude), 64)
				lon, err2 := strconv.ParseFloat(strings.TrimSpace(t.Longitude), 64)
				hasCoord := err1 == nil && err2 == nil
				tp.GeonamesID, _ = strconv.ParseInt(strings.TrimSpace(t.GeonamesID), 10, 64)
				switch {
				case tp.GeonamesID != 0 && hasCoord:
					tp.Lat, tp.Lon, tp.Linked = lat, lon, true
				case hasCoord:
					// a place GeoNames has no entry for: neither right nor wrong
				case t.Type == "Demonym" || t.Type == "Language" || t.Type == "Homonym":
					tp.Ignore = true
				default:
					continue // expressions and non-toponyms: predictions there are errors
				}
				art.Toponyms = append(art.Toponyms, tp)
			}
		}
		if len(art.Toponyms) == 0 && len(a.Text) == 0 {
			return nil, fmt.Errorf("read geoparsing corpus: article %d has no text", ai+1)
		}
		c.Articles = append(c.Articles, art)
	}
	return c, nil
}

// byteOffsets maps character offsets of s to byte offsets; the last
// element is len(s).
func byteOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// near finds phrase within 40 bytes of off.
func near(text, phrase string, off int) (int, int, bool) {
	if phrase == "" {
		return 0, 0, false
	}
	best, bestD := -1, math.MaxInt
	lo := max(0, off-40)
	hi := min(len(text), off+40+len(phrase))
	for i := lo; i+len(phrase) <= hi; i++ {
		if text[i:i+len(phrase)] == phrase {
			if d := abs(i - off); d < bestD {
				best, bestD = i, d
			}
		}
	}
	if best < 0 || !utf8.RuneStart(text[best]) {
		return 0, 0, false
	}
	return best, best + len(phrase), true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Patch is a coordinate correction for a gold toponym.
type Patch struct {
	Name               string
	Lat, Lon           float64 // as in the corpus
	FixedLat, FixedLon float64
}

// ReadPatches reads a patch file of the MLG release (GeoVirus_patches.tsv):
// toponym, "lat , lon" as in the corpus, "lat , lon" corrected.
func ReadPatches(r io.Reader) ([]Patch, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var out []Patch
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("patches line %d: want 3 tab-separated fields, got %d", i+1, len(f))
		}
		lat, lon, err1 := pair(f[1])
		flat, flon, err2 := pair(f[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("patches line %d: bad coordinates", i+1)
		}
		out = append(out, Patch{Name: strings.TrimSpace(f[0]), Lat: lat, Lon: lon, FixedLat: flat, FixedLon: flon})
	}
	return out, nil
}

func pair(s string) (float64, float64, error) {
	a, b, ok := strings.Cut(s, ",")
	if !ok {
		return 0, 0, fmt.Errorf("no comma")
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("bad number")
	}
	return x, y, nil
}

// Apply corrects the gold coordinates the patches name, returning how many
// toponyms changed.
func (c *Corpus) Apply(patches []Patch) int {
	n := 0
	for ai := range c.Articles {
		for ti := range c.Articles[ai].Toponyms {
			t := &c.Articles[ai].Toponyms[ti]
			for _, p := range patches {
				if p.Name == strings.TrimSpace(t.Name) && math.Abs(p.Lat-t.Lat) < 0.01 && math.Abs(p.Lon-t.Lon) < 0.01 {
					t.Lat, t.Lon = p.FixedLat, p.FixedLon
					n++
					break
				}
			}
		}
	}
	return n
}
