package render_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/render"
	"github.com/sitrep/sitrep/schema"
)

// fullDocument has every field of the contract set, so the schema test
// proves the domain types and the schema agree.
func fullDocument() *sitrep.Document {
	text := "Rebels Retreat\n\nThe GNA captured the airbase near Tripoli on Sunday, Reuters reported."
	doc := sitrep.NewDocument(sitrep.Article{ID: "a1", URL: "https://x.test/a", Outlet: "Wire", Title: "Rebels Retreat",
		Language: "en", Published: time.Date(2020, 5, 25, 0, 0, 0, 0, time.UTC), Text: text})
	doc.Regions = []sitrep.Region{{Kind: sitrep.Headline, Span: sitrep.Span{Start: 0, End: 14}},
		{Kind: sitrep.Caption, Span: sitrep.Span{Start: 16, End: 20}, Date: "2019-04-29"},
		{Kind: sitrep.Boilerplate, Span: sitrep.Span{Start: 20, End: 22}, Reason: "byline"}}
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 16, End: len(text)}, Region: 1, First: 0, Last: 2}}
	doc.Tokens = []sitrep.Token{
		{Span: sitrep.Span{Start: 16, End: 19}, Text: "The", UPOS: "DET", XPOS: "DT", Lemma: "the", Head: 1, Rel: "det"},
		{Span: sitrep.Span{Start: 20, End: 23}, Text: "GNA", UPOS: "PROPN", XPOS: "NNP", Lemma: "GNA", Head: -1, Rel: "root"},
	}
	two := 2
	zero := 0
	ref := &sitrep.ActorRef{ID: "LBY-GNA", Name: "Government of National Accord", Country: "LBY", Sector: "GOV", Kind: "government",
		Text: "GNA", Span: &sitrep.Span{Start: 20, End: 23}}
	doc.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 20, End: 23}, Text: "GNA", Kind: sitrep.KindOrg, ActorID: "LBY-GNA", Antecedent: &zero, Source: "dictionary"}}
	anchor := &sitrep.Anchor{GeonamesID: 2210247, Name: "Tripoli", Lat: 32.89, Lon: 13.19, BearingDeg: 180, DistanceKM: 40}
	doc.Places = []sitrep.Place{{Span: sitrep.Span{Start: 51, End: 58}, Text: "Tripoli", GeonamesID: 2210247, Name: "Tripoli",
		Country: "LBY", Admin1: "Tripoli", FeatureCode: "PPLC", Lat: 32.89, Lon: 13.19, Precision: 1, Anchor: anchor}}
	loc := &sitrep.Location{Name: "Tripoli", GeonamesID: 2210247, Lat: 32.89, Lon: 13.19, Country: "LBY", Admin1: "Tripoli",
		Precision: 2, Text: "near Tripoli", Anchor: anchor, FeatureCode: "PPLC"}
	doc.Events = []sitrep.Event{{
		ID: "a1-e1", Type: sitrep.Assault, Mode: "ground", ACLEDEventType: "Battles", ACLEDSubEventType: "Government regains territory",
		Interaction: 12, Actor1: ref, Actor2: &sitrep.ActorRef{Name: "Libyan National Army"}, Associated: []sitrep.ActorRef{*ref},
		Location: loc, OtherPlaces: []sitrep.Location{*loc},
		Date:       &sitrep.DateRange{Start: "2020-05-24", End: "2020-05-24", Precision: sitrep.DateDay, Text: "on Sunday"},
		Quantities: []sitrep.Quantity{{Value: 1000, Min: 1000, Max: 1400, Unit: "fighters", Text: "over 1,000 fighters"}},
		Fatalities: &two, Injuries: &zero, Modality: sitrep.Reported,
		Sources:  []sitrep.Attribution{{Name: "Wire", Role: sitrep.RoleOutlet}, {Name: "Reuters", Role: sitrep.RoleCitedOutlet, ActorID: "MED-REUTERS", Span: &sitrep.Span{Start: 74, End: 81}}},
		Evidence: sitrep.Evidence{Text: text[16:], Span: sitrep.Span{Start: 16, End: len(text)}},
		Mentions: []sitrep.Evidence{{Text: "Rebels Retreat", Span: sitrep.Span{Start: 0, End: 14}}}, Confidence: 0.8,
	}}
	doc.Relations = []sitrep.Relation{{Type: sitrep.Supports, From: sitrep.ActorRef{Name: "Turkey", Country: "TUR"}, To: *ref,
		Modality: sitrep.Asserted, Evidence: sitrep.Evidence{Text: "GNA", Span: sitrep.Span{Start: 20, End: 23}}}}
	doc.Times = []sitrep.Timex{{Span: sitrep.Span{Start: 60, End: 66}, Text: "Sunday", Kind: sitrep.TimePoint,
		Date: sitrep.DateRange{Start: "2020-05-24", End: "2020-05-24", Precision: 1}, Reference: "2020-05-25",
		Next: &sitrep.DateRange{Start: "2020-05-31", End: "2020-05-31", Precision: 1}}}
	doc.Warn("test", "something ambiguous", sitrep.Span{Start: 1, End: 2})
	return doc
}

func TestJSONMatchesSchema(t *testing.T) {
	for _, opt := range []render.Options{{}, {Tokens: true, Indent: true, ID: "line-7"}} {
		var buf bytes.Buffer
		if err := render.JSON(&buf, fullDocument(), opt); err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(buf.Bytes()); err != nil {
			t.Fatalf("options %+v: %v\n%s", opt, err, buf.String())
		}
	}
}

func TestJSONEmptyDocumentHasArrays(t *testing.T) {
	var buf bytes.Buffer
	if err := render.JSON(&buf, sitrep.NewDocument(sitrep.Article{Text: ""}), render.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"sentences":[]`, `"entities":[]`, `"places":[]`, `"events":[]`, `"relations":[]`, `"times":[]`, `"warnings":[]`, `"regions":[]`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("empty document lacks %s: %s", key, buf.String())
		}
	}
	if err := schema.Validate(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
}

func TestSchemaRejectsBrokenDocuments(t *testing.T) {
	for name, doc := range map[string]string{
		"missing arrays": `{"schema":"sitrep.document/v1","article":{"id":"a","length":0,"regions":[]}}`,
		"bad modality": `{"schema":"sitrep.document/v1","article":{"id":"a","length":0,"regions":[]},"sentences":[],"entities":[],"places":[],
			"events":[{"id":"e","type":"ASSAULT","modality":"probably","evidence":{"text":"","start":0,"end":0}}],"relations":[],"warnings":[]}`,
		"unknown field": `{"schema":"sitrep.document/v1","article":{"id":"a","length":0,"regions":[]},"sentences":[],"entities":[],"places":[],"events":[],"relations":[],"warnings":[],"extra":1}`,
	} {
		if err := schema.Validate([]byte(doc)); err == nil {
			t.Errorf("%s: schema accepted a broken document", name)
		}
	}
}

func TestTokenHeadsAreSentenceRelative(t *testing.T) {
	v := render.View(fullDocument(), render.Options{Tokens: true})
	toks := v.Sentences[0].Tokens
	if len(toks) != 2 || *toks[0].Head != 2 || *toks[1].Head != 0 || toks[0].ID != 1 {
		t.Errorf("tokens = %+v", toks)
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := render.Text(&buf, fullDocument()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Rebels Retreat", "published 2020-05-25", "ASSAULT/ground [reported] 2020-05-24", "Tripoli (LBY, precision 2)",
		"Government of National Accord [LBY] → Libyan National Army", "quantity: 1000 fighters", "fatalities: 2",
		"according to: Wire (outlet) → Reuters (cited-outlet)", "SUPPORT Turkey → Government of National Accord",
		"caption dated 2019-04-29", "dropped byline", "warnings (1)", "Sunday               → 2020-05-24 (point, precision 1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestFormatPublished(t *testing.T) {
	if got := render.FormatPublished(time.Time{}); got != "" {
		t.Errorf("zero time = %q", got)
	}
	if got := render.FormatPublished(time.Date(2020, 5, 25, 14, 30, 0, 0, time.UTC)); got != "2020-05-25T14:30:00Z" {
		t.Errorf("got %q", got)
	}
}

// TestTextChain checks that an attribution chain shows an arrow between
// roles and a comma between sources of one role.
func TestTextChain(t *testing.T) {
	tests := []struct {
		sources []sitrep.Attribution
		want    string
	}{
		{[]sitrep.Attribution{{Name: "Wire", Role: sitrep.RoleOutlet}}, "according to: Wire (outlet)\n"},
		{[]sitrep.Attribution{{Name: "Wire", Role: sitrep.RoleOutlet}, {Name: "Reuters", Role: sitrep.RoleCitedOutlet}, {Name: "a doctor", Role: sitrep.RoleSpeaker}},
			"according to: Wire (outlet) → Reuters (cited-outlet) → a doctor (speaker)\n"},
		{[]sitrep.Attribution{{Name: "Wire", Role: sitrep.RoleOutlet}, {Name: "residents", Role: sitrep.RoleSpeaker}, {Name: "a rebel group", Role: sitrep.RoleSpeaker}},
			"according to: Wire (outlet) → residents (speaker), a rebel group (speaker)\n"},
	}
	for _, tt := range tests {
		doc := fullDocument()
		doc.Events[0].Sources = tt.sources
		var buf bytes.Buffer
		if err := render.Text(&buf, doc); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("text lacks %q:\n%s", tt.want, buf.String())
		}
	}
}
