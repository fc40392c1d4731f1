package geoparse_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// annotateWith runs the text layer, sets the given NER entities (text →
// kind; the first occurrence of each text) as the entity recogniser would,
// and then the geoparser.
func annotateWith(tb testing.TB, text string, ents map[string]sitrep.EntityKind) *sitrep.Document {
	tb.Helper()
	doc := textLayer(tb, text)
	for name, kind := range ents {
		i := strings.Index(doc.Article.Text, name)
		if i < 0 {
			tb.Fatalf("entity %q not in %q", name, text)
		}
		doc.Entities = append(doc.Entities, sitrep.Entity{Span: sitrep.Span{Start: i, End: i + len(name)}, Text: name, Kind: kind, Source: "ner"})
	}
	if err := resolver(tb).Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// TestFarFetched checks the rules that keep a report's unknown or
// misspelt names from becoming places far from everything else it names,
// even where the entity recogniser calls them places: it says a word is a
// place, not which one.
func TestFarFetched(t *testing.T) {
	type want struct {
		text      string
		country   string  // ISO3
		precision int     // 0: any
		lat, lon  float64 // with km: the place must lie within km of it
		km        float64
	}
	gpe, loc := sitrep.KindGPE, sitrep.KindLoc
	cases := []struct {
		name   string
		text   string
		ents   map[string]sitrep.EntityKind
		want   []want
		absent []string
	}{
		{"a spelling one letter off a city of another country, in a report about Afghanistan",
			"Afghan police said insurgents ambushed a convoy near Lundiyana on Tuesday.",
			map[string]sitrep.EntityKind{"Lundiyana": gpe},
			[]want{{"Afghan", "AFG", 0, 0, 0, 0}}, []string{"Lundiyana"}},
		{"a district abroad before a qualifier that does not hold it, no country leading",
			"Gunmen seized a Ghanaian envoy to Nigeria on the highway while he drove to Jaji, Kaduna.",
			map[string]sitrep.EntityKind{"Jaji": loc, "Kaduna": gpe, "Nigeria": gpe},
			[]want{{"Kaduna", "NGA", 1, 10.5, 7.4, 30}}, []string{"Jaji"}},
		{"an English name of a city abroad that the recogniser calls a place",
			"Brazilian officials spoke at a briefing in Geneva about Venezuelan arrivals in Roraima.",
			map[string]sitrep.EntityKind{"Geneva": gpe},
			[]want{{"Geneva", "CHE", 0, 46.2, 6.1, 30}}, nil},
		{"the kind of feature at the end of a longer name is no place of its own",
			"Residents blocked the road to a lodge at Kosi Bay in KwaZulu-Natal on Sunday.",
			map[string]sitrep.EntityKind{"Kosi Bay": loc, "KwaZulu-Natal": gpe},
			[]want{{"KwaZulu-Natal", "ZAF", 3, 0, 0, 0}}, []string{"Bay"}},
		{"a village spelt otherwise, alone in the report",
			"Gunmen attacked displaced families in Mesel on Sunday.",
			map[string]sitrep.EntityKind{"Mesel": gpe},
			nil, []string{"Mesel"}},
		{"a village spelt as the text spells it, alone in the report",
			"Gunmen attacked displaced families in Messel on Sunday.",
			map[string]sitrep.EntityKind{"Messel": gpe},
			[]want{{"Messel", "DEU", 1, 49.9, 8.7, 10}}, nil},
		{"the ends of a route are towns whatever the recogniser calls the phrase",
			"Soldiers cleared mines along the Bama-Damboa and Dikwa-Marte roads on Monday.",
			map[string]sitrep.EntityKind{"Bama-Damboa": sitrep.KindOrg, "Dikwa-Marte roads": sitrep.KindPerson},
			[]want{{"Damboa", "NGA", 1, 11.16, 12.76, 10}, {"Dikwa", "NGA", 1, 12.04, 13.92, 10}, {"Marte", "NGA", 1, 12.37, 13.83, 10}}, nil},
		{"streets joined by a hyphen are no route between towns",
			"Police cordoned off the Trafalgar Street-Clarke Road junction in Ottawa.",
			map[string]sitrep.EntityKind{"Ottawa": gpe},
			[]want{{"Ottawa", "CAN", 1, 0, 0, 0}}, []string{"Clarke"}},
		{"a county named without its unit word, which nothing backs",
			"Protesters burned tyres on the main road through New Hanover on Monday.",
			map[string]sitrep.EntityKind{"New Hanover": gpe},
			nil, []string{"New Hanover"}},
		{"a district where the text calls the place a town",
			"Refugees reached the town of Ranya on Monday.",
			map[string]sitrep.EntityKind{"Ranya": gpe},
			[]want{{"Ranya", "IRQ", 0, 36.25, 44.88, 30}}, nil},
		{"another name of a far city unlike its own, though the recogniser calls it a place",
			"Herders raided the villages of Tombo and Anyii in Benue State, Nigeria, on Sunday.",
			map[string]sitrep.EntityKind{"Anyii": gpe, "Benue State": gpe, "Nigeria": gpe},
			[]want{{"Nigeria", "NGA", 4, 0, 0, 0}}, []string{"Anyii"}},
		{"a misspelt city after a sentence's capitalised first word, alone in the report",
			"In Pietermartizburg, residents blocked the main roads with burning tyres on Monday.",
			map[string]sitrep.EntityKind{"Pietermartizburg": gpe},
			[]want{{"Pietermartizburg", "ZAF", 1, -29.6, 30.4, 10}}, nil},
		{"a province by another name of one word is no place abroad",
			"Jewish leaders in Jerusalem condemned the attack on Monday. Police in Haifa raised alert levels.",
			map[string]sitrep.EntityKind{"Jewish": gpe},
			[]want{{"Haifa", "ISR", 1, 32.8, 35.0, 10}}, []string{"Jewish"}},
		{"a fuzzy match far from the lake the report names",
			"Near Lake Chad, two herders died when a mine went off outside the village of Kamouna.",
			map[string]sitrep.EntityKind{"Kamouna": gpe, "Lake Chad": loc},
			[]want{{"Lake Chad", "", 0, 13, 14, 200}}, []string{"Kamouna"}},
		{"a fuzzy match by another name of a capital, in a report about Kenya",
			"Kenyan soldiers beat back militants who raided Dhamase on Friday.",
			map[string]sitrep.EntityKind{"Dhamase": gpe},
			[]want{{"Kenyan", "KEN", 0, 0, 0, 0}}, []string{"Dhamase"}},
		{"a piece of a longer name the gazetteer does not know",
			"Militiamen clashed with soldiers in the Walendu Bindi chiefdom on Monday.",
			map[string]sitrep.EntityKind{"Walendu Bindi": loc},
			nil, []string{"Bindi"}},
		{"a hyphenated village name is not two places",
			"In Ghor, a bomb struck a minibus in the Sare-Sang village.",
			map[string]sitrep.EntityKind{"Sare-Sang": gpe},
			nil, []string{"Sare", "Sang"}},
		{"a common word inside a state's name",
			"Gunmen opened fire on traders in Ikorodu, Lagos State, on Friday.",
			map[string]sitrep.EntityKind{"Lagos State": gpe},
			[]want{{"Lagos", "NGA", 0, 0, 0, 0}}, []string{"State"}},
		{"a direction word before an unknown zone's name",
			"Farmers protested in Bordode town, West Hararge, on Sunday.",
			map[string]sitrep.EntityKind{"West Hararge": gpe},
			nil, []string{"West"}},
		{"a feast is no place whatever NER says",
			"A crowd beat a man seen eating in daylight during Ramadan.",
			map[string]sitrep.EntityKind{"Ramadan": gpe},
			nil, []string{"Ramadan"}},
		{"a place named by its own name in a one-line report stands",
			"Students protested against exam fees in Shashemene on Monday.",
			map[string]sitrep.EntityKind{"Shashemene": gpe},
			[]want{{"Shashemene", "ETH", 1, 7.2, 38.6, 25}}, nil},
		{"a district qualified by its province: the namesake inside the province",
			"A bomb killed a soldier in Qarabagh district, Kabul, on Saturday.",
			nil,
			[]want{{"Qarabagh", "AFG", 0, 34.85, 69.17, 25}}, nil},
		{"a district whose only namesake lies in another province stands at the province",
			"Two soldiers were wounded in a blast in Behsud district, Nangarhar.",
			nil,
			[]want{{"Behsud", "AFG", 3, 34.38, 70.43, 60}, {"Nangarhar", "AFG", 3, 0, 0, 0}}, nil},
		{"a district qualified by a province known by its capital's name",
			"Taliban fighters attacked a checkpoint in Spera district, Khost.",
			nil,
			[]want{{"Spera", "AFG", 0, 33.3, 69.8, 100}}, nil},
		{"a town qualified by a state that has no town of that name",
			"A tornado flattened barns near Holliday, Missouri, late on Sunday.",
			nil,
			[]want{{"Holliday", "USA", 3, 38.4, -92.5, 200}}, nil},
		{"a town qualified by its state keeps its own place",
			"Floods closed roads in Springfield, Illinois, on Monday.",
			nil,
			[]want{{"Springfield", "USA", 1, 39.8, -89.64, 25}}, nil},
		{"two namesakes of unknown words in one far country do not vouch for each other",
			"An Afghan policeman was shot by a sniper in Tapah of Pusht Rod, Farah.",
			map[string]sitrep.EntityKind{"Tapah": loc, "Pusht Rod": loc, "Farah": gpe},
			[]want{{"Farah", "AFG", 0, 32.4, 62.1, 100}}, []string{"Tapah", "Rod"}},
		{"an acronym is a place only when spelt as the place's own name",
			"Gunmen killed a NISS officer on Tuesday.",
			nil, nil, []string{"NISS"}},
		{"a list of towns does not qualify its first item",
			"Voting was peaceful in Suba, Migori, Homa Bay and Kisumu.",
			nil,
			[]want{{"Migori", "KEN", 0, 0, 0, 0}, {"Kisumu", "KEN", 1, 0, 0, 0}}, nil},
		{"a demonym inside a longer name stays a demonym",
			"Tunisia has struggled since the Arab Spring began.",
			map[string]sitrep.EntityKind{"Arab Spring": sitrep.KindMisc, "Tunisia": gpe},
			[]want{{"Tunisia", "TUN", 0, 0, 0, 0}}, nil},
		{"a direction after the is the West, not a piece of a longer name",
			"Moscow blamed the West for the sanctions.",
			map[string]sitrep.EntityKind{"the West": loc},
			[]want{{"West", "", 0, 0, 0, 0}}, nil},
		{"a village is no city known by the word as another of its names",
			"Militiamen burned huts in the village of Tur on Friday.",
			map[string]sitrep.EntityKind{"Tur": gpe},
			nil, []string{"Tur"}},
		{"a hamlet abroad is no province of an unknown place",
			"Farmers protested against land seizures in Kersa, Arsi.",
			map[string]sitrep.EntityKind{"Arsi": gpe},
			nil, []string{"Arsi"}},
		{"a skeleton guess in a country a stray vote made main gives way to the name's own city",
			"On the East Rand, party cadres beat journalists outside a hostel in Tembisa.",
			map[string]sitrep.EntityKind{"Tembisa": gpe, "East Rand": loc},
			[]want{{"Tembisa", "ZAF", 1, -26.0, 28.23, 25}}, nil},
		{"a sentence's first word read as a village by another name, beside unknown names",
			"Raiders struck a cattle camp in Um Arda. Shot 2 and beat another.",
			map[string]sitrep.EntityKind{"Um Arda": loc},
			nil, []string{"Shot", "Arda"}},
		{"a province inside a longer name still backs a suburb near it",
			"Teachers picketed outside the house of the Western Cape Education MEC in Bergvliet.",
			map[string]sitrep.EntityKind{"Western Cape Education": gpe, "Bergvliet": gpe},
			[]want{{"Bergvliet", "ZAF", 0, -34.05, 18.45, 25}}, nil},
		{"a group named like a village abroad is no place",
			"Soldiers arrived to stop fighting between Abala herdsmen and farmers.",
			map[string]sitrep.EntityKind{"Abala": gpe},
			nil, []string{"Abala"}},
		{"a group named for a province stays at the province",
			"Fighting broke out between Helmand tribesmen and the police near Lashkar Gah.",
			nil,
			[]want{{"Helmand", "AFG", 3, 0, 0, 0}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := annotateWith(t, c.text, c.ents)
			for _, w := range c.want {
				p := find(doc, w.text)
				if p == nil {
					t.Errorf("no place %q in %s", w.text, dump(doc))
					continue
				}
				if w.country != "" && p.Country != w.country || w.precision != 0 && p.Precision != w.precision ||
					w.km > 0 && gazetteer.DistanceKM(p.Lat, p.Lon, w.lat, w.lon) > w.km {
					t.Errorf("%q resolved to %s (%s, precision %d, %.2f,%.2f), want %s precision %d within %.0f km of %.2f,%.2f",
						w.text, p.Name, p.Country, p.Precision, p.Lat, p.Lon, w.country, w.precision, w.km, w.lat, w.lon)
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
