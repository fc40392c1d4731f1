package sitrep

// RegionKind says what part of a scraped page a stretch of text is.
type RegionKind string

// Region kinds. Only headline, caption and paragraph regions are analysed;
// boilerplate is kept in the document, marked, and skipped by later stages.
const (
	Headline    RegionKind = "headline"
	Caption     RegionKind = "caption"
	Paragraph   RegionKind = "paragraph"
	Boilerplate RegionKind = "boilerplate"
)

// Analysed reports whether later stages read text of this kind.
func (k RegionKind) Analysed() bool { return k == Headline || k == Caption || k == Paragraph }

// Region is a typed stretch of the article text.
type Region struct {
	Kind RegionKind `json:"kind"`
	Span
	// Date is the explicit calendar date a caption carries (YYYY-MM-DD); it
	// wins over the publication date for events inside the caption.
	Date string `json:"date,omitempty"`
	// Reason says why a region is boilerplate ("comment prompt", "byline").
	Reason string `json:"reason,omitempty"`
}

// Sentence is one sentence of an analysed region.
type Sentence struct {
	Span
	// Region indexes Document.Regions.
	Region int `json:"region"`
	// First and Last delimit the sentence's tokens in Document.Tokens:
	// Tokens[First:Last]. Both are zero until the tokenizer has run.
	First int `json:"-"`
	Last  int `json:"-"`
}

// Token is a word, number or punctuation mark.
type Token struct {
	Span
	// Text is the token normalised for matching: NFC, straight quotes,
	// ASCII hyphens, no soft hyphens. Article.Text[Start:End] is the raw form.
	// A hyphenated unit ("al-Watiya") is one token; Parts finds its pieces.
	Text string `json:"text"`

	// Set by the tagger.
	UPOS  string `json:"upos,omitempty"`
	XPOS  string `json:"xpos,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	// Set by the parser: Head indexes Document.Tokens, -1 for the root of
	// the sentence; Rel is the Universal Dependencies relation. Head is
	// meaningful only when Rel is not empty.
	Head int    `json:"-"`
	Rel  string `json:"deprel,omitempty"`
}

// Parts returns the pieces of a hyphenated token ("al" and "Watiya" of
// "al-Watiya", "U.N." and "backed" of "U.N.-backed") as spans of text, the
// article text the token was read from; nil when the token has no hyphen
// between two pieces.
func (t Token) Parts(text string) []Span {
	if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
		return nil
	}
	w := text[t.Start:t.End]
	var out []Span
	start := 0
	for i := 0; i < len(w); {
		n := hyphenAt(w, i)
		if n == 0 {
			i++
			continue
		}
		if i > start {
			out = append(out, Span{Start: t.Start + start, End: t.Start + i})
		}
		i += n
		start = i
	}
	if len(out) == 0 || start >= len(w) {
		return nil
	}
	return append(out, Span{Start: t.Start + start, End: t.End})
}

// hyphenAt returns the byte width of a hyphen (U+002D, U+2010, U+2011) at
// w[i], or 0.
func hyphenAt(w string, i int) int {
	if w[i] == '-' {
		return 1
	}
	if w[i] == 0xe2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x90 || w[i+2] == 0x91) {
		return 3
	}
	return 0
}

// EntityKind is the type of a named or numeric entity.
type EntityKind string

// Entity kinds.
const (
	KindPerson   EntityKind = "PERSON"
	KindOrg      EntityKind = "ORG"
	KindLoc      EntityKind = "LOC"  // a place that is not a polity: river, region, base
	KindGPE      EntityKind = "GPE"  // a country, province or town
	KindNORP     EntityKind = "NORP" // nationality, religious or political group: "Russian"
	KindMisc     EntityKind = "MISC"
	KindDate     EntityKind = "DATE"
	KindTime     EntityKind = "TIME"
	KindNumber   EntityKind = "NUMBER"
	KindQuantity EntityKind = "QUANTITY"
	KindMoney    EntityKind = "MONEY"
	KindPercent  EntityKind = "PERCENT"
)

// Entity is a mention of something named or counted.
type Entity struct {
	Span
	Text string     `json:"text"`
	Kind EntityKind `json:"kind"`
	// ActorID is the canonical actor the mention resolves to, if any.
	ActorID string `json:"actor_id,omitempty"`
	// Antecedent indexes Document.Entities: the earlier mention this one
	// refers back to ("the mercenaries" → "Russian ... mercenary fighters").
	// -1 or absent when there is none.
	Antecedent *int `json:"antecedent,omitempty"`
	// Source names the stage that found the entity (model, dictionary).
	Source string `json:"source,omitempty"`
}

// Precision codes for places, as ACLED's geo_precision.
const (
	PrecisionTown    = 1 // the place itself: a town, village, base
	PrecisionNear    = 2 // near a town, part of a region, an offset from a place
	PrecisionRegion  = 3 // a province, district or region
	PrecisionCountry = 4 // only the country is known
)

// Place is a toponym in the text resolved to a gazetteer entry.
type Place struct {
	Span
	Text        string  `json:"text"`
	GeonamesID  int64   `json:"geonames_id,omitempty"`
	Name        string  `json:"name"`
	Country     string  `json:"country,omitempty"` // ISO 3166 alpha-3
	Admin1      string  `json:"admin1,omitempty"`
	FeatureCode string  `json:"feature_code,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Precision   int     `json:"precision"`
	// Anchor is the place a relative location is measured from ("40 km
	// south of Tripoli" has Tripoli as anchor); nil otherwise.
	Anchor *Anchor `json:"anchor,omitempty"`
	// Role says how the text uses the place (see PlaceRole): empty for a
	// location, "demonym" for a nationality word, "embedded" for a place
	// inside the name of an organisation or thing.
	Role PlaceRole `json:"role,omitempty"`
}

// Anchor is the reference place of a relative location.
type Anchor struct {
	GeonamesID int64   `json:"geonames_id,omitempty"`
	Name       string  `json:"name"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	BearingDeg float64 `json:"bearing_deg"`
	DistanceKM float64 `json:"distance_km"`
}
