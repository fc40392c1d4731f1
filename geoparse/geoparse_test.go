package geoparse_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/clean"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/geoparse"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

func resolver(tb testing.TB) *geoparse.Resolver {
	tb.Helper()
	cfg := geoparse.DefaultConfig()
	cfg.Gazetteers = nil
	r, err := geoparse.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// annotate runs the text layer and the geoparser over a text.
func annotate(tb testing.TB, r *geoparse.Resolver, text string) *sitrep.Document {
	tb.Helper()
	doc := textLayer(tb, text)
	if err := r.Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// textLayer runs clean, segment and tokenize over a text.
func textLayer(tb testing.TB, text string) *sitrep.Document {
	tb.Helper()
	c, err := clean.New(clean.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	p := sitrep.Pipeline{Stages: []sitrep.Stage{c, s, tokenize.Tokenizer{}}}
	if err := p.Run(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// find returns the place whose text is text, or nil.
func find(doc *sitrep.Document, text string) *sitrep.Place {
	for i := range doc.Places {
		if doc.Places[i].Text == text {
			return &doc.Places[i]
		}
	}
	return nil
}

func TestPlaces(t *testing.T) {
	r := resolver(t)
	type want struct {
		text      string
		id        int64  // 0: any
		country   string // ISO3
		precision int
		role      sitrep.PlaceRole
	}
	cases := []struct {
		name   string
		text   string
		want   []want
		absent []string
	}{
		{"capital and towns",
			"Fighting broke out in Tripoli on Sunday. Fighters later withdrew to Bani Walid and Tarhouna.",
			[]want{{"Tripoli", 2210247, "LBY", 1, ""}, {"Bani Walid", 2218840, "LBY", 1, ""}, {"Tarhouna", 2210221, "LBY", 1, ""}}, nil},
		{"explicit qualifier",
			"Protesters gathered in Tripoli, Lebanon, on Friday after clashes in Beirut.",
			[]want{{"Tripoli", 266826, "LBN", 1, ""}, {"Lebanon", 272103, "LBN", 4, ""}}, nil},
		{"co-mentioned places",
			"Clashes near Sidon and Beirut spread north to Tripoli overnight.",
			[]want{{"Tripoli", 266826, "LBN", 1, ""}}, nil},
		{"district",
			"The mercenaries were flown to Jufra, in central Libya.",
			[]want{{"Jufra", 2219944, "LBY", 3, ""}, {"Libya", 2215636, "LBY", 4, ""}}, nil},
		{"demonyms",
			"Libyan officials met Russian and Turkish diplomats in Tunis.",
			[]want{{"Libyan", 2215636, "LBY", 4, sitrep.RoleDemonym}, {"Russian", 2017370, "RUS", 4, sitrep.RoleDemonym}, {"Tunis", 0, "TUN", 1, ""}}, nil},
		{"people are not places",
			"Gen. Khalifa Haftar met President Vladimir Putin. Haftar said the talks went well. Mr. Jordan declined to comment.",
			nil, []string{"Khalifa", "Haftar", "Vladimir", "Jordan"}},
		{"organisations embed places",
			"The Washington Post and Al Jazeera reported the strike, citing the Libya Observer.",
			[]want{{"Washington", 0, "", 0, sitrep.RoleEmbedded}, {"Libya", 2215636, "LBY", 4, sitrep.RoleEmbedded}}, []string{"Al Jazeera"}},
		{"common words",
			"The turkey was roasted. Reports said the march would go ahead in August.",
			nil, []string{"Reports", "August"}},
		{"country by acronym",
			"The U.S. and the UK condemned the attack; the UAE said nothing.",
			[]want{{"U.S.", 6252001, "USA", 4, ""}, {"UK", 2635167, "GBR", 4, ""}, {"UAE", 290557, "ARE", 4, ""}}, nil},
		{"hyphenated article",
			"Government forces captured al-Jufra and advanced on Misurata.",
			[]want{{"al-Jufra", 2219944, "LBY", 3, ""}, {"Misurata", 0, "LBY", 1, ""}}, nil},
		{"hyphenated given name",
			"Fighting reached Goma, said Jean-Paul Mushagalusa, a civil society leader.",
			[]want{{"Goma", 0, "COD", 1, ""}}, []string{"Paul", "Jean"}},
		{"county by its short name, province by its English name",
			"Rebels captured the town of Masisi in North Kivu province, west of Sake and Goma. The army denied it had lost Masisi.",
			[]want{{"Masisi", 0, "COD", 3, ""}, {"North Kivu", 206938, "COD", 3, ""}}, nil},
		{"a surname is no county",
			"Officials in Ohio said Johnson would not run. Iron prices rose in Ohio.",
			[]want{{"Ohio", 5165418, "USA", 3, ""}}, []string{"Johnson", "Iron"}},
		{"state after a town",
			"A girl from Buffalo, New York, died of the flu. The New York state governor declared an emergency.",
			[]want{{"New York", 5128638, "USA", 3, ""}}, nil},
		{"state of",
			"Vets found the first sick cow at a dairy in the state of Washington.",
			[]want{{"Washington", 5815135, "USA", 3, ""}}, nil},
		{"a list of states",
			"Cases were reported in Ohio, Georgia and Texas.",
			[]want{{"Georgia", 4197000, "USA", 3, ""}}, nil},
		{"a list of countries",
			"Ministers from France, Georgia and Armenia met in Paris.",
			[]want{{"Georgia", 614540, "GEO", 4, ""}}, nil},
		{"the town, not the region",
			"Gunmen attacked villages in the Menaka region. They fled towards the town of Menaka.",
			nil, nil},
		{"an office after a city",
			"Montreal Mayor Denis Coderre said the rule would stay. Drivers in Montreal disagreed.",
			[]want{{"Montreal", 6077243, "CAN", 1, ""}}, nil},
		{"airport",
			"Flights at Heathrow were cancelled as fog covered London.",
			[]want{{"Heathrow", 0, "GBR", 1, ""}}, nil},
		{"islands",
			"Migrants landed on Lesbos and Samos overnight, Greek officials said.",
			[]want{{"Lesbos", 0, "GRC", 3, ""}, {"Samos", 0, "GRC", 0, ""}}, nil},
		{"state abbreviations after towns",
			"GLASGOW, Ky. (WBKO) -- A woman died in Glasgow. A Severn, Md. man was arrested. She moved to Barrie, Ont., last year. He lives in Des Moines, Iowa.",
			[]want{{"GLASGOW", 4292826, "USA", 1, ""}, {"Ky.", 6254925, "USA", 3, ""}, {"Md.", 4361885, "USA", 3, ""}, {"Ont.", 6093943, "CAN", 3, ""},
				{"Iowa", 4862182, "USA", 3, ""}}, []string{"Iowa."}},
		{"Congo",
			"Fighting in eastern Congo displaced thousands near Goma.",
			[]want{{"Congo", 203312, "COD", 4, ""}}, nil},
		{"spellings GeoNames lacks, in the report's main country",
			"Police clashed with Taliban fighters in Lashkargah city, Helmand, and in Dawlat Abad district, Balkh, in Afghanistan.",
			[]want{{"Lashkargah", 1134720, "AFG", 1, ""}, {"Dawlat Abad", 0, "AFG", 0, ""}}, nil},
		{"a namesake abroad loses to the province of the report's country",
			"Two soldiers were killed in an ambush in Saydabad district, Wardak, in eastern Afghanistan.",
			[]want{{"Wardak", 1121863, "AFG", 3, ""}, {"Saydabad", 0, "AFG", 0, ""}}, nil},
		{"a district is no town abroad",
			"A policeman killed four colleagues in Zhari district, Kandahar, in southern Afghanistan.",
			[]want{{"Kandahar", 0, "AFG", 0, ""}}, []string{"Zhari"}},
		{"air bases of the team's table",
			"Government forces captured al-Watiya airbase, west of Tripoli. Russian jets flew in from Hmeimim in Syria.",
			[]want{{"al-Watiya", 0, "LBY", 1, ""}, {"Hmeimim", 0, "SYR", 1, ""}}, nil},
		{"the village of a town is no state of that name",
			"Gunmen attacked the village of Kaya on Sunday and burned the market.",
			[]want{{"Kaya", 2359608, "BFA", 1, ""}}, nil},
		{"the city of a capital is no country of that name",
			"Thousands marched through the city of Djibouti on Friday.",
			[]want{{"Djibouti", 223817, "DJI", 1, ""}}, nil},
		{"a name joined by a particle, known by its head",
			"Residents of Mocimboa da Praia accused the army of leaving the town, in northern Mozambique.",
			[]want{{"Mocimboa da Praia", 1037370, "MOZ", 1, ""}}, []string{"Praia", "Mocimboa"}},
		{"a name joined by a particle, known by its head, alone in the report",
			"Residents of Mocimboa da Praia accused the army of leaving the town.",
			[]want{{"Mocimboa da Praia", 1037370, "MOZ", 1, ""}}, []string{"Praia"}},
		{"a name joined by a particle, unknown: its last word is no capital",
			"Fishing boats from Quiterajo da Praia reached the harbour of Pemba, in northern Mozambique, after dark.",
			[]want{{"Pemba", 0, "MOZ", 1, ""}}, []string{"Praia", "Quiterajo da Praia"}},
		{"names joined by particles the gazetteer knows",
			"Smugglers cross from Ciudad del Este into Foz do Iguacu every day. Flights to Santa Cruz de la Sierra resumed.",
			[]want{{"Ciudad del Este", 3439101, "PRY", 1, ""}, {"Foz do Iguacu", 3463030, "BRA", 1, ""}, {"Santa Cruz de la Sierra", 3904906, "BOL", 1, ""}}, nil},
		{"a known name before a person's name with a particle",
			"Reporters waited for hours before British Columbia Health Minister Paul van Dyke spoke.",
			[]want{{"British Columbia", 0, "CAN", 3, ""}}, []string{"Dyke", "van Dyke"}},
		{"a list closed by a plural unit word",
			"Drones were shot down over the Dnipropetrovsk and Poltava regions overnight.",
			[]want{{"Dnipropetrovsk", 709929, "UKR", 3, ""}, {"Poltava", 696634, "UKR", 3, ""}}, nil},
		{"a list closed by districts or counties",
			"Floods cut roads in the Garissa and Wajir counties on Monday.",
			[]want{{"Garissa", 0, "KEN", 3, ""}, {"Wajir", 0, "KEN", 3, ""}}, nil},
		{"a plural unit word after one name is a kind of unit",
			"Stores in nine mid-Atlantic states closed after the outbreak.",
			[]want{{"Atlantic", 0, "", 4, ""}}, nil},
		{"a short word is a country's acronym only in capitals",
			"Car bombs killed eight people near a restaurant in Mogadishu. Fighting spread across the CAR last year.",
			[]want{{"CAR", 239880, "CAF", 4, ""}}, []string{"Car"}},
		{"a noun of an organisation's name is no province",
			"A spokesman for the Government of National Unity denied any involvement, officials in Tripoli said.",
			[]want{{"Tripoli", 2210247, "LBY", 1, ""}}, []string{"Unity"}},
		{"an air base before the district of the same name",
			"Mercenaries were flown to the Jufra airbase in central Libya.",
			[]want{{"Jufra", 0, "LBY", 1, ""}}, nil},
		{"a unit named by its direction the other way",
			"Militias burned farms in North Darfur and West Darfur; the army shelled South Kordofan.",
			[]want{{"North Darfur", 0, "SDN", 3, ""}, {"West Darfur", 0, "SDN", 3, ""}, {"South Kordofan", 408661, "SDN", 3, ""}}, nil},
		{"a known name continued by a word the gazetteer spells otherwise",
			"Two policemen were wounded when a bomb went off in Bato Kot district, Nangarhar, on Monday.",
			[]want{{"Bato Kot", 0, "AFG", 3, ""}, {"Nangarhar", 1132366, "AFG", 3, ""}}, nil},
		{"the words after a known name still start a place of their own",
			"A mine hit an Afghan army truck in Chaki Wardak district on Monday.",
			[]want{{"Wardak", 1121863, "AFG", 3, ""}}, nil},
		{"an all-capital dateline town before its country",
			"KIDAL, Mali (Reuters) — Gunmen attacked an army post on Tuesday, killing three soldiers.",
			[]want{{"KIDAL", 2455290, "MLI", 1, ""}, {"Mali", 2453866, "MLI", 4, ""}}, nil},
		{"an all-capital dateline town before a short country name",
			"GOMA, Congo — Rebels shelled a camp for displaced families on Monday.",
			[]want{{"GOMA", 216281, "COD", 1, ""}}, nil},
		{"the kind word of a longer name alone is no place",
			"Taxi drivers blocked the road to the terminal (Durban Airport) before dawn.",
			[]want{{"Durban", 0, "ZAF", 1, ""}}, []string{"Airport"}},
		{"a numbered ward is no county",
			"Two minibuses were set alight in Cairo, Ward 17, as residents marched on the council.",
			[]want{{"Cairo", 360630, "EGY", 1, ""}}, []string{"Ward"}},
		{"a prayer named for its hour is no region",
			"The gunfire started just after the Maghreb prayers on Friday in Sirte.",
			[]want{{"Sirte", 0, "LBY", 1, ""}}, []string{"Maghreb"}},
		{"the region of that name still stands",
			"Smugglers move migrants across the Maghreb towards the coast.",
			[]want{{"Maghreb", 0, "", 3, ""}}, nil},
		{"a short other name of a far city is no place without support",
			"Herders said gunmen attacked their camp in Tur on Monday.",
			nil, []string{"Tur"}},
		{"another name of a far city is no place in a report about one country",
			"Human rights groups condemned the killings in Maiduguri, Nigeria. A man threw a Molotov cocktail at the police station in Kano.",
			[]want{{"Maiduguri", 0, "NGA", 1, ""}, {"Kano", 0, "NGA", 1, ""}}, []string{"Human", "Molotov"}},
		{"a short other name of a capital stands alone",
			"Drones struck Kiev on Monday night.",
			[]want{{"Kiev", 0, "UKR", 0, ""}}, nil},
		{"a province whose seat bears its name as another",
			"Miners protested against higher tariffs in Samangan province.",
			[]want{{"Samangan", 1127766, "AFG", 3, ""}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := annotate(t, r, c.text)
			for _, w := range c.want {
				p := find(doc, w.text)
				if p == nil {
					t.Errorf("no place %q in %s", w.text, dump(doc))
					continue
				}
				if w.id != 0 && p.GeonamesID != w.id || w.country != "" && p.Country != w.country ||
					w.precision != 0 && p.Precision != w.precision || p.Role != w.role {
					t.Errorf("%q resolved to %s (%d, %s, precision %d, role %q), want id %d %s precision %d role %q",
						w.text, p.Name, p.GeonamesID, p.Country, p.Precision, p.Role, w.id, w.country, w.precision, w.role)
				}
			}
			for _, a := range c.absent {
				if p := find(doc, a); p != nil {
					t.Errorf("%q is not a place here, got %s (%s)", a, p.Name, p.Country)
				}
			}
		})
	}
}

func TestTownOrRegion(t *testing.T) {
	r := resolver(t)
	doc := annotate(t, r, "Gunmen attacked three villages in Mali's eastern Ménaka region. Families fled towards the town of Ménaka.")
	var codes []string
	for _, p := range doc.Places {
		if p.Text == "Ménaka" {
			codes = append(codes, p.FeatureCode)
		}
	}
	if len(codes) != 2 || codes[0] != "ADM1" || codes[1] == "ADM1" {
		t.Errorf("Ménaka region, then the town: feature codes %q in %s", codes, dump(doc))
	}
}

func TestResolveSpansInsideNames(t *testing.T) {
	r := resolver(t)
	text := "She studied at Colorado State University and worked for the Bank of Japan."
	doc := annotate(t, r, text)
	spans := []sitrep.Span{}
	for _, s := range []string{"Colorado State University", "Bank of Japan"} {
		i := strings.Index(text, s)
		spans = append(spans, sitrep.Span{Start: i, End: i + len(s)})
	}
	got := r.ResolveSpans(doc, spans)
	if got[0].GeonamesID != 5417618 || got[1].Country != "JPN" {
		t.Errorf("names holding places resolved to %+v and %+v, want Colorado and Japan", got[0], got[1])
	}
}

func TestCandidates(t *testing.T) {
	r := resolver(t)
	text := "Clashes in Tripoli and in Qwxzv."
	doc := annotate(t, r, text)
	i := strings.Index(text, "Tripoli")
	j := strings.Index(text, "Qwxzv")
	got := r.Candidates(doc, []sitrep.Span{{Start: i, End: i + len("Tripoli")}, {Start: j, End: j + len("Qwxzv")}})
	var libya, lebanon bool
	for _, p := range got[0] {
		libya = libya || p.GeonamesID == 2210247
		lebanon = lebanon || p.GeonamesID == 266826
	}
	if !libya || !lebanon || len(got[1]) != 0 {
		t.Errorf("candidates of Tripoli: Libya %v, Lebanon %v; of an unknown word: %d", libya, lebanon, len(got[1]))
	}
}

func TestRelativeLocations(t *testing.T) {
	r := resolver(t)
	doc := annotate(t, r, "Militiamen dug in at Espiaa, some 40 km (25 miles) south of the capital Tripoli. "+
		"Days later the column entered Bani Walid, which lies 93 miles southeast of Tripoli. "+
		"Government forces took al-Watiya airbase, close to the Tunisian border.")
	esp := find(doc, "Espiaa")
	if esp == nil || esp.Anchor == nil {
		t.Fatalf("Espiaa: %+v in %s", esp, dump(doc))
	}
	if esp.Precision != 2 || esp.Anchor.GeonamesID != 2210247 || esp.Anchor.BearingDeg != 180 || esp.Anchor.DistanceKM != 40 {
		t.Errorf("Espiaa: %+v anchor %+v", esp, esp.Anchor)
	}
	if d := gazetteer.DistanceKM(esp.Lat, esp.Lon, 32.88743, 13.18733); math.Abs(d-40) > 1 || esp.Lat > 32.6 {
		t.Errorf("Espiaa is %.1f km from Tripoli at %v,%v, want 40 km south", d, esp.Lat, esp.Lon)
	}
	rel := find(doc, "93 miles southeast of Tripoli")
	if rel == nil || rel.Anchor == nil || rel.Precision != 2 || math.Abs(rel.Anchor.DistanceKM-149.7) > 0.1 || rel.Anchor.BearingDeg != 135 {
		t.Errorf("93 miles southeast: %+v", rel)
	}
	if find(doc, "Tripoli") == nil {
		t.Error("the anchor Tripoli is not a place of its own")
	}
	border := find(doc, "Tunisian border")
	if border == nil || border.Precision != 2 || border.FeatureCode != "BDR" || border.Anchor == nil || border.Anchor.Name != "Tunisia" {
		t.Fatalf("Tunisian border: %+v in %s", border, dump(doc))
	}
	if d := gazetteer.DistanceKM(border.Lat, border.Lon, 32, 11); d > 250 {
		t.Errorf("Libya–Tunisia border point %v,%v is %.0f km off the border's middle", border.Lat, border.Lon, d)
	}
	if p := find(doc, "Tunisian"); p == nil || p.Role != sitrep.RoleDemonym {
		t.Errorf("Tunisian: %+v, want the demonym kept", p)
	}
}

func TestWithoutTokens(t *testing.T) {
	r := resolver(t)
	doc := sitrep.NewDocument(sitrep.Article{Text: "Clashes were reported in Tripoli and Misrata, Libya."})
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if find(doc, "Tripoli") == nil || find(doc, "Misrata") == nil || find(doc, "Libya") == nil {
		t.Errorf("without a tokenizer: %s", dump(doc))
	}
}

func TestEntitiesVeto(t *testing.T) {
	r := resolver(t)
	text := "Jordan scored twice. Officials in Jordan denied it."
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Entities = []sitrep.Entity{
		{Span: sitrep.Span{Start: 0, End: 6}, Text: "Jordan", Kind: sitrep.KindPerson},
		{Span: sitrep.Span{Start: 34, End: 40}, Text: "Jordan", Kind: sitrep.KindGPE},
	}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Places) != 1 || doc.Places[0].Start != 34 || doc.Places[0].Country != "JOR" {
		t.Errorf("places %s, want only the GPE Jordan", dump(doc))
	}
}

// TestEntitiesRescue checks that a name the recogniser took for a person
// is still a place after a locative word when the report treats it as a
// place twice: one name, one sense within a report.
func TestEntitiesRescue(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		text, name string
		source     string // the entities' Source
		want       int    // places of that name
	}{
		{"\"Soldiers withdrew towards Sake,\" a resident of North Kivu said. Shelling was reported near Sake.", "Sake", "ner", 2},
		{"The rebels seized the town of Masisi in North Kivu. Fighting went on in Masisi.", "Masisi", "ner", 2},
		{"A convoy left Goma for Congo's border. Aid arrived from Sake.", "Sake", "ner", 0},
		{"Troops in North Kivu withdrew towards Sake. Shelling was reported near Sake on Monday.", "Sake", "actor", 0},
		// once, after a preposition of space alone, beside another place
		// of the report
		{"Shells fell on a camp west of Goma. Rebels fired them from the hills around Sake.", "Sake", "ner", 1},
		{"Rebels fired shells from the hills around Sake.", "Sake", "ner", 0},
		{"Shells fell on Kinshasa. Rebels gathered in the hills around Sake.", "Sake", "ner", 0},
		{"Shells fell on a camp west of Goma. Rebels fired them from the hills around Sake.", "Sake", "actor", 0},
	}
	for _, tt := range tests {
		doc := sitrep.NewDocument(sitrep.Article{Text: tt.text})
		for i := 0; ; {
			k := strings.Index(tt.text[i:], tt.name)
			if k < 0 {
				break
			}
			span := sitrep.Span{Start: i + k, End: i + k + len(tt.name)}
			doc.Entities = append(doc.Entities, sitrep.Entity{Span: span, Text: tt.name, Kind: sitrep.KindPerson, Source: tt.source})
			i = span.End
		}
		if err := r.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, p := range doc.Places {
			if doc.Slice(p.Span) == tt.name {
				got++
				if p.Country != "COD" {
					t.Errorf("%q: %s is in %s, want COD", tt.text, tt.name, p.Country)
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q with %s persons from %q: %d places, want %d in %s", tt.text, tt.name, tt.source, got, tt.want, dump(doc))
		}
	}
}

// TestEntitiesNoVeto checks what NER entities do not override: a
// nationality (NORP) before "border" is still a border area, and a name
// tagged as a person is a place when the text calls it a district.
func TestEntitiesNoVeto(t *testing.T) {
	r := resolver(t)
	annotate := func(text string, kind sitrep.EntityKind, name string) *sitrep.Document {
		doc := sitrep.NewDocument(sitrep.Article{Text: text})
		i := strings.Index(text, name)
		doc.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: i, End: i + len(name)}, Text: name, Kind: kind}}
		if err := r.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc := annotate("Forces took the airbase near the Tunisian border, west of Tripoli, in Libya.", sitrep.KindNORP, "Tunisian")
	if p := find(doc, "Tunisian border"); p == nil || p.FeatureCode != "BDR" || p.Precision != sitrep.PrecisionNear {
		t.Errorf("Tunisian border: %+v, want the Libya-Tunisia border area in %s", p, dump(doc))
	}
	doc = annotate("A soldier was shot dead in Maidan Shar city, Wardak, Afghanistan.", sitrep.KindPerson, "Maidan Shar")
	if p := find(doc, "Maidan Shar"); p == nil || p.GeonamesID != 1456960 {
		t.Errorf("Maidan Shar: %+v, want the town 1456960 in %s", p, dump(doc))
	}
	doc = annotate("Police clashed with Taliban fighters in Mohammad Agha district, Logar.", sitrep.KindPerson, "Mohammad Agha")
	if p := find(doc, "Mohammad Agha"); p == nil || p.Country != "AFG" || p.Admin1 != "Logar" {
		t.Errorf("Mohammad Agha: %+v, want the district in Logar in %s", p, dump(doc))
	}
}

func TestActorEntities(t *testing.T) {
	r := resolver(t)
	text := "Indonesia's President met the US soldier in Tripoli. Fighters from Gharyan joined, Gharyan told reporters."
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	span := func(s string, nth int) sitrep.Span {
		i := -1
		for k := 0; k <= nth; k++ {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	// Phrases of the actor stage: a person's office and an agent, then
	// a person the actor dictionary knows by a town's name.
	doc.Entities = []sitrep.Entity{
		{Span: span("Indonesia's President", 0), Kind: sitrep.KindPerson, Source: "actor"},
		{Span: span("US soldier", 0), Kind: sitrep.KindOrg, Source: "actor"},
		{Span: span("Gharyan", 1), Kind: sitrep.KindPerson, Source: "actor"},
	}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Indonesia", "US", "Tripoli"} {
		if p := find(doc, want); p == nil || p.Role != sitrep.RoleLocation {
			t.Errorf("%q: %+v, want a location in %s", want, p, dump(doc))
		}
	}
	n := 0
	for _, p := range doc.Places {
		if p.Text == "Gharyan" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Gharyan: %d places, want only the town before the person the dictionary knows, in %s", n, dump(doc))
	}
}

// TestMediaEntities checks that a place in the name of an outlet or a
// group the actor stage knows is embedded in it, whatever kind the
// recogniser gave the name, while a country that owns the outlet and a
// town that only modifies a group's noun stay locations.
func TestMediaEntities(t *testing.T) {
	r := resolver(t)
	text := "The Houthi-run Saba news agency said fighters advanced near Marib. China's news agency said nothing. " +
		"The United Kingdom Maritime Trade Operations agency reported a blast. Misrata militias moved east."
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	span := func(s string) sitrep.Span {
		i := strings.Index(text, s)
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	doc.Actors = []sitrep.Actor{{ID: "MEDIA-SABA", Name: "Saba", Kind: sitrep.ActorMedia}, {ID: "CHN.MEDIA", Name: "Chinese media", Kind: sitrep.ActorMedia},
		{ID: "GBR-UKMTO", Name: "UKMTO", Kind: sitrep.ActorMilitary}, {ID: "LBY-MISRATA", Name: "Misrata militias", Kind: sitrep.ActorMilitia}}
	doc.Entities = []sitrep.Entity{
		{Span: span("Saba news agency"), Kind: sitrep.KindGPE, Source: "ner", ActorID: "MEDIA-SABA"},
		{Span: span("China's news agency"), Kind: sitrep.KindOrg, Source: "actor", ActorID: "CHN.MEDIA"},
		// the recogniser's place first, the actor stage's group after it
		{Span: span("United Kingdom Maritime Trade Operations"), Kind: sitrep.KindLoc, Source: "ner"},
		{Span: span("United Kingdom Maritime Trade Operations"), Kind: sitrep.KindOrg, Source: "actor", ActorID: "GBR-UKMTO"},
		{Span: span("Misrata militias"), Kind: sitrep.KindOrg, Source: "actor", ActorID: "LBY-MISRATA"},
	}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Saba", "Maritime"} {
		if p := find(doc, name); p != nil && p.Role != sitrep.RoleEmbedded {
			t.Errorf("%s: %+v, want no place or one embedded in the name, in %s", name, p, dump(doc))
		}
	}
	for _, want := range []string{"China", "Misrata"} {
		if p := find(doc, want); p == nil || p.Role != sitrep.RoleLocation {
			t.Errorf("%s: %+v, want a location in %s", want, p, dump(doc))
		}
	}
}

func TestCancelled(t *testing.T) {
	r := resolver(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Annotate(ctx, sitrep.NewDocument(sitrep.Article{Text: "Tripoli"})); err == nil {
		t.Error("no error on a cancelled context")
	}
}

func TestConfigValidate(t *testing.T) {
	if err := (geoparse.Config{MaxWords: 0}).Validate(); err == nil {
		t.Error("MaxWords 0 accepted")
	}
	if _, err := geoparse.New(geoparse.Config{MaxWords: 7, Gazetteers: []string{"/nonexistent.gaz"}}); err == nil {
		t.Error("a missing gazetteer file accepted")
	}
}

// TestSeed checks the seed report's places (needs ../shared).
func TestSeed(t *testing.T) {
	b, err := os.ReadFile("../../shared/seed/libya-report.txt")
	if err != nil {
		t.Skip("../shared not present:", err)
	}
	doc := annotate(t, resolver(t), string(b))
	for _, p := range doc.Places {
		if strings.Contains(p.Name, "Tripoli") && p.Country != "" && p.Country != "LBY" {
			t.Errorf("Tripoli outside Libya: %+v", p)
		}
	}
	ids := map[string]int64{"Tripoli": 2210247, "Bani Walid": 2218840, "Tarhouna": 2210221, "Jufra": 2219944}
	for text, id := range ids {
		p := find(doc, text)
		if p == nil || p.GeonamesID != id {
			t.Errorf("%s: %+v, want GeoNames %d", text, p, id)
		}
	}
	esp := find(doc, "Espiaa")
	if esp == nil || esp.Precision != 2 || esp.Anchor == nil || esp.Anchor.GeonamesID != 2210247 {
		t.Fatalf("Espiaa: %+v", esp)
	}
	if d := gazetteer.DistanceKM(esp.Lat, esp.Lon, 32.88743, 13.18733); math.Abs(d-40) > 2 {
		t.Errorf("Espiaa %.1f km from Tripoli", d)
	}
	if b := find(doc, "Tunisian border"); b == nil || b.Name != "Libya–Tunisia border" || b.Precision != 2 {
		t.Errorf("Tunisian border: %+v", b)
	}
}

// TestGolden keeps the places of the team's fixture reports under review:
// go test ./geoparse -update rewrites testdata/*.places.json.
func TestGolden(t *testing.T) {
	r := resolver(t)
	files, _ := filepath.Glob("../testdata/reports/*.txt")
	if len(files) == 0 {
		t.Fatal("no fixture reports in ../testdata/reports")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := annotate(t, r, string(b))
			got, _ := json.MarshalIndent(doc.Places, "", "  ")
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".places.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./geoparse -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("places of %s changed; review with go test ./geoparse -update and git diff", name)
			}
			for _, p := range doc.Places {
				if doc.Slice(p.Span) != p.Text || p.Precision < 1 || p.Precision > 4 || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
					t.Errorf("bad place %+v", p)
				}
			}
		})
	}
}

func dump(doc *sitrep.Document) string {
	var b strings.Builder
	for _, p := range doc.Places {
		fmt.Fprintf(&b, "\n  %q → %s (%d, %s, %s, precision %d, role %q)", p.Text, p.Name, p.GeonamesID, p.Country, p.FeatureCode, p.Precision, p.Role)
	}
	return b.String()
}

// FuzzAnnotate: any text gives places whose spans and coordinates are
// valid, without panicking.
func FuzzAnnotate(f *testing.F) {
	r := resolver(f)
	f.Add("The column withdrew from Tripoli to Bani Walid, 93 miles southeast of Tripoli.")
	f.Add("at Espiaa, some 40 km (25 miles) south of the capital Tripoli")
	f.Add("al-Watiya near the Tunisian border; the Syrian-Turkish border; 40km north of")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		doc := sitrep.NewDocument(sitrep.Article{Text: text})
		if err := r.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, p := range doc.Places {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End || p.Precision < 1 || p.Precision > 4 ||
				math.IsNaN(p.Lat) || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
				t.Errorf("bad place %+v", p)
			}
		}
	})
}
