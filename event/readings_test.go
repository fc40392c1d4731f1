package event_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// TestAccusedCoordination: the accused of "accused X and allied Y of
// shelling" are both; the first conjunct is actor1 even when it is a
// definite description ("the army"), the other acts beside it.
func TestAccusedCoordination(t *testing.T) {
	tests := []struct{ name, text, a1, assoc string }{
		{"the army and allied militias", "M23 rebels accused the army and allied militias of shelling civilians in Rutshuru on Monday.", "army", "militias"},
		{"after a denial", "The rebels denied attacking the camp and accused the army and allied militias of shelling civilians.", "army", "militias"},
		{"the police and militiamen", "Opposition leaders accused the police and pro-government militiamen of killing protesters in Bujumbura on Monday.", "police", "militiamen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2024-05-04")
			var e *sitrep.Event
			for i := range doc.Events {
				if doc.Events[i].Type == sitrep.Assault && doc.Events[i].Modality == sitrep.Alleged {
					e = &doc.Events[i]
				}
			}
			if e == nil {
				t.Fatalf("%q: no alleged assault in %s", tt.text, summary(doc))
			}
			if !strings.Contains(names(e.Actor1), tt.a1) {
				t.Errorf("%q: actor1 %q, want %q", tt.text, names(e.Actor1), tt.a1)
			}
			if !associated(e, tt.assoc) {
				t.Errorf("%q: associated %v, want %q among them", tt.text, e.Associated, tt.assoc)
			}
		})
	}
}

// associated reports whether an actor acting beside the event's actor1
// has a name that contains word.
func associated(e *sitrep.Event, word string) bool {
	for k := range e.Associated {
		if strings.Contains(names(&e.Associated[k]), word) {
			return true
		}
	}
	return false
}

// TestParticipleVictims: a past participle on a noun, which the parser
// read as the noun's verb, makes the noun the victims, never the doers;
// a participle with its object, or in a relative clause whose pronoun is
// its object, keeps its subject as the doer.
func TestParticipleVictims(t *testing.T) {
	tests := []struct {
		name, text string
		victim     string // a word actor1 must not hold
		doer       string // a word actor1 must hold, "" for none
	}{
		{"reduced relative before the main verb", "Civilians killed in the strike included children, the doctor said.", "civilians", ""},
		{"the number of people killed", "The number of people killed when shells hit the market in Kassala on Monday has risen to 16, medics said.", "people", ""},
		{"victims before a when clause with a doer", "The number of people killed when RSF shells hit the market in Kassala on Monday has risen to 16, medics said.", "people", "rapid support"},
		{"recruits killed after a raid", "Dozens of police recruits killed after a Boko Haram raid on their camp near Maiduguri were buried on Monday.", "recruits", "boko haram"},
		{"a participle before a passive main verb", "Passengers wounded in the blast were taken to the hospital in Pemba.", "passengers", ""},
		// guards: the subject acts
		{"an object the parser missed", "Pupils destroyed property at their school in Gulu on Monday.", "", "pupils"},
		{"the participle is the only verb", "Rebels attacked in force near Goma on Monday.", "", "rebels"},
		{"a verb joined by and", "Gunmen attacked in the night and killed four.", "", "gunmen"},
		{"an active verb with its object", "Soldiers killed three civilians in Kidal on Monday.", "", "soldiers"},
		{"a clause of its own after the participle's phrase", "Troops fired on villagers whose homes were burned in Chai on Monday.", "", "troops"},
		{"a subordinate clause", "Police fired on protesters because they had blocked the road in Nairobi on Monday.", "", "police"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2024-05-07")
			found, coded := false, false
			for _, e := range doc.Events {
				if e.Type != sitrep.Assault && e.Type != sitrep.Coerce {
					continue
				}
				coded = true
				a1 := names(e.Actor1)
				if tt.victim != "" && strings.Contains(a1, tt.victim) {
					t.Errorf("%q: the victims %q act in %s", tt.text, tt.victim, summary(doc))
				}
				found = found || tt.doer != "" && strings.Contains(a1, tt.doer)
			}
			if !coded {
				t.Errorf("%q: no assault or coercion coded", tt.text)
			}
			if tt.doer != "" && !found {
				t.Errorf("%q: no event by %q in %s", tt.text, tt.doer, summary(doc))
			}
		})
	}
}

// TestLongSubjectToll: a singular passive toll counts its one victim
// however far back the subject phrase begins.
func TestLongSubjectToll(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"A shopkeeper suspected of hoarding fuel during the curfew was beaten to death by a crowd in Kano on Monday.", 1},
		{"A driver said to have informed for the army was killed by militants near Bunia on Monday.", 1},
		{"A trader who had refused to pay the gang a weekly fee was shot dead in Cite Soleil on Monday.", 1},
		// guards: no victim opens the clause
		{"A convoy carrying food and medicine to a camp for displaced families was attacked near Kalma on Monday.", -1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		got := -1
		for _, e := range doc.Events {
			if e.Type == sitrep.Assault && e.Fatalities != nil {
				got = *e.Fatalities
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q: fatalities %d, want %d (-1: none) in %s", tt.text, got, tt.want, summary(doc))
		}
	}
}

// TestWeaponScene: an event that names no place, whose definite weapon
// refers back to an earlier sentence ("the rockets"), happened where that
// sentence put the weapon, also from another paragraph and when the
// sentence names where the weapon was fired from.
func TestWeaponScene(t *testing.T) {
	tests := []struct{ name, text, doer, place string }{
		{"fired from the hills", "Two rockets struck a market in Kassala on Friday, killing five traders.\n\nThe army said the rockets were fired by RSF fighters from the hills east of the city.", "rapid support", "Kassala"},
		{"the bombs", "Two bombs exploded in a camp near Goma on Friday, killing 12 people.\n\nThe army said the bombs were fired by M23 rebels.", "march 23", "Goma"},
		{"fired from the hills around a town", "Two bombs exploded in a camp near Goma on Friday, killing 12 people.\n\nThe army said the bombs were fired by M23 rebels from the hills around Sake.", "march 23", "Goma"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2024-05-04")
			e := find(doc, sitrep.Assault, tt.doer)
			if e == nil {
				t.Fatalf("no assault by %q in %s", tt.doer, summary(doc))
			}
			if e.Location == nil || !strings.Contains(e.Location.Name, tt.place) {
				t.Errorf("place %v, want %s", e.Location, tt.place)
			}
		})
	}
}

// TestAttackNotTheAccusation: "condemned the attack" speaks of the
// attack the report told, not of the one a party alleged back in its
// accusation.
func TestAttackNotTheAccusation(t *testing.T) {
	text := "Two bombs exploded in a camp near Goma on Friday, killing 12 people.\n\n" +
		"M23 denied firing on the camp and accused the army of shelling civilians.\n\n" +
		"The United Nations mission in Congo condemned the attack."
	doc := code(t, text, "2024-05-04")
	alleged, told := false, false
	for _, e := range doc.Events {
		if e.Type != sitrep.Assault {
			continue
		}
		condemned := false
		for _, m := range e.Mentions {
			condemned = condemned || strings.Contains(m.Text, "condemned")
		}
		switch {
		case e.Modality == sitrep.Alleged:
			alleged = true
			if condemned {
				t.Errorf("the alleged shelling took the condemnation: %v", e.Mentions)
			}
		case strings.Contains(e.Evidence.Text, "bombs exploded"):
			told = told || condemned
		}
	}
	if !alleged {
		t.Errorf("no alleged shelling: %s", summary(doc))
	}
	if !told {
		t.Errorf("the condemnation did not join the blast the report told: %s", summary(doc))
	}
}

// TestHomeOfAnotherClause: a home named in another clause than the
// attack's does not make the victim one attacked at home.
func TestHomeOfAnotherClause(t *testing.T) {
	const battle = "Battles / Armed clash"
	for _, text := range []string{
		"Gunmen shot dead a soldier at a checkpoint in Arish on Friday, a week after his home was searched by police.",
	} {
		doc := code(t, text, "2022-03-08")
		if got := acledOf(doc, sitrep.Assault); got != battle {
			t.Errorf("%q: ACLED %q, want %q (%s)", text, got, battle, summary(doc))
		}
	}
}

// TestCoalitionClash: "X and Y clashed with Z" puts X and Y on one side
// and Z on the other; without a "with" the two conjuncts are the sides.
func TestCoalitionClash(t *testing.T) {
	tests := []struct{ name, text, a1, a2, assoc string }{
		{"two armies against insurgents", "Mozambican soldiers and Rwandan troops clashed with Islamic State fighters near Mbau on Thursday.", "mozambican", "islamic state", "rwandan"},
		{"forces and militiamen against the Taliban", "Afghan forces and local militiamen clashed with Taliban fighters in Kunduz on Monday.", "afghan", "taliban", "militiamen"},
		{"an adverb before with", "Malian soldiers and Wagner mercenaries clashed fiercely with JNIM fighters near Gao on Monday.", "malian", "jama'at", "wagner"},
		// guard: the two conjuncts are the sides
		{"both sides as the subject", "Government forces and Houthi fighters clashed near Marib on Monday.", "government", "houthi", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2024-05-18")
			e := find(doc, sitrep.Assault, tt.a1)
			if e == nil {
				t.Fatalf("%q: no assault by %q in %s", tt.text, tt.a1, summary(doc))
			}
			if !strings.Contains(names(e.Actor2), tt.a2) {
				t.Errorf("%q: actor2 %q, want %q", tt.text, names(e.Actor2), tt.a2)
			}
			if tt.assoc != "" && !associated(e, tt.assoc) {
				t.Errorf("%q: associated %v, want %q among them", tt.text, e.Associated, tt.assoc)
			}
		})
	}
}

// TestBeheadingToll: "beheading N" counts N dead, and an attack that
// killed keeps its type beside the homes it burnt.
func TestBeheadingToll(t *testing.T) {
	doc := code(t, "Insurgents attacked the village of Chai on Tuesday, beheading four men and burning dozens of homes.", "2024-05-18")
	e := find(doc, sitrep.Assault, "insurgents")
	if e == nil {
		t.Fatalf("no assault by the insurgents in %s", summary(doc))
	}
	if e.Fatalities == nil || *e.Fatalities != 4 {
		t.Errorf("fatalities %s, want 4", fatalString(e))
	}
	if got := e.ACLEDEventType + " / " + e.ACLEDSubEventType; got != "Violence against civilians / Attack" {
		t.Errorf("ACLED %q, want Violence against civilians / Attack", got)
	}
}

// TestDatelineNoSubject: a dateline the parser took for a second subject
// of the verb gives way to the sentence's own subject, also for the acts
// joined to the verb.
func TestDatelineNoSubject(t *testing.T) {
	doc := code(t, "MACOMIA — Insurgents attacked the village of Chai on Tuesday, beheading four men and burning dozens of homes, officials said.", "2024-05-18")
	n := 0
	for _, e := range doc.Events {
		if strings.Contains(names(e.Actor1), "men") && !strings.Contains(names(e.Actor1), "insurgents") {
			t.Errorf("the victims act: %s", summary(doc))
		}
		if e.Type == sitrep.Assault {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d assaults, want 1: %s", n, summary(doc))
	}
}

// TestOutletFighters: the fighters an armed group's outlet speaks of are
// the group's, the outlet's word on them is the group's claim, and its
// toll counts 0 (kept as claimed), also when the actor stage named the
// outlet by a body derived from it ("Amaq news agency").
func TestOutletFighters(t *testing.T) {
	for _, tt := range []struct{ text, id string }{
		{"Islamic State's Amaq news agency said its fighters had killed 20 soldiers near Mbau on Thursday.", "IS"},
		// the report names the group by its branch
		{"Islamic State Mozambique fighters attacked an army post near Mbau on Thursday.\n\nThe group's Amaq news agency said its fighters had killed 20 soldiers.", "MOZ-ISM"},
	} {
		text := tt.text
		doc := code(t, text, "2024-05-18")
		var e *sitrep.Event
		for i := range doc.Events {
			if doc.Events[i].Type == sitrep.Assault && strings.Contains(doc.Events[i].Evidence.Text, "Amaq") {
				e = &doc.Events[i]
			}
		}
		if e == nil {
			t.Fatalf("%q: no assault told by Amaq in %s", text, summary(doc))
		}
		if e.Actor1 == nil || e.Actor1.ID != tt.id {
			t.Errorf("%q: actor1 %q, want %s", text, names(e.Actor1), tt.id)
		}
		if e.Modality != sitrep.Claimed {
			t.Errorf("%q: modality %s, want claimed", text, e.Modality)
		}
		if e.Fatalities == nil || *e.Fatalities != 0 {
			t.Errorf("%q: fatalities %s, want 0 (a partisan toll)", text, fatalString(e))
		}
		claimed := false
		for _, q := range e.Quantities {
			claimed = claimed || q.Unit == "claimed fatalities" && q.Value == 20
		}
		if !claimed {
			t.Errorf("%q: no claimed toll of 20 in %v", text, e.Quantities)
		}
	}
}

// fatalString prints an event's fatalities, "none" when it has none.
func fatalString(e *sitrep.Event) string {
	if e.Fatalities == nil {
		return "none"
	}
	return strconv.Itoa(*e.Fatalities)
}

// TestWoundedOfTheFight: a sentence that tells only of wounded, by no one
// named, right after a fight, is more of that fight; wounded on another
// day, far off, or by a weapon of their own are another attack.
func TestWoundedOfTheFight(t *testing.T) {
	tests := []struct {
		name, text string
		assaults   int
		injured    int // the first assault's injuries, -1 for none
	}{
		{"the wounded of the clash", "Mozambican soldiers and Rwandan troops clashed with Islamic State Mozambique fighters near Mbau on Thursday, killing nine of them, the Rwandan army said. Two Rwandan soldiers were wounded.", 1, 2},
		{"another day and place", "Soldiers killed three rebels in Kidal on Monday. Two soldiers were wounded in Gao on Wednesday.", 2, -1},
		{"a weapon of their own", "Soldiers killed three rebels in Kidal on Monday. Two soldiers were wounded by a landmine in Gao on Wednesday.", 2, -1},
		{"a separate attack", "Soldiers killed three rebels in Kidal on Monday. Two soldiers were wounded in a separate attack in Gao.", 2, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2024-05-18")
			first, n := assaults(doc)
			if n != tt.assaults {
				t.Fatalf("%d assaults, want %d: %s", n, tt.assaults, summary(doc))
			}
			got := -1
			if first.Injuries != nil {
				got = *first.Injuries
			}
			if got != tt.injured {
				t.Errorf("injuries of the first assault %d, want %d (-1: none)", got, tt.injured)
			}
		})
	}
}

// TestHeadlineTellsTheLede: a headline whose generic doer agrees with no
// named one tells the lede, not a doerless event of a later paragraph.
func TestHeadlineTellsTheLede(t *testing.T) {
	text := "Insurgents behead four in village raid\n\n" +
		"MACOMIA — Islamic State Mozambique fighters attacked the village of Chai on Tuesday, beheading four men, officials said.\n\n" +
		"A minibus struck a roadside bomb near Awasse on Friday. Passengers wounded in the blast were taken to the hospital in Pemba."
	doc := code(t, text, "2024-05-18")
	told := false
	for _, e := range doc.Events {
		for _, m := range e.Mentions {
			if !strings.HasPrefix(m.Text, "Insurgents behead") {
				continue
			}
			told = true
			if !strings.Contains(e.Evidence.Text, "Chai") {
				t.Errorf("the headline told %q", e.Evidence.Text)
			}
		}
	}
	if !told {
		t.Errorf("the headline joined no event: %s", summary(doc))
	}
}

// TestStruckADevice: what strikes a mine or a roadside bomb is hit by it,
// and no doer is told; striking anything else is an attack by the subject.
func TestStruckADevice(t *testing.T) {
	tests := []struct{ text, a1, a2, mode string }{
		{"A minibus carrying traders struck a roadside bomb near Awasse on Friday, killing three passengers.", "", "traders", "explosives"},
		{"An army truck hit a landmine near Kidal on Monday, killing four soldiers.", "", "army", "explosives"},
		{"A police vehicle struck an improvised explosive device near Garissa on Monday.", "", "police", "explosives"},
		// guards: the subject strikes
		{"Rebels struck a military base near Goma on Monday.", "rebels", "", ""},
		{"Jets struck a bomb factory in Idlib on Monday.", "jets", "", "aerial"},
		{"Drones struck a mine near Rubaya on Monday.", "drones", "", "drone"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-18")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Fatalf("%q: no assault in %s", tt.text, summary(doc))
		}
		if got := names(e.Actor1); tt.a1 == "" && e.Actor1 != nil || tt.a1 != "" && !strings.Contains(got, tt.a1) {
			t.Errorf("%q: actor1 %q, want %q", tt.text, got, tt.a1)
		}
		if tt.a2 != "" && !strings.Contains(names(e.Actor2), tt.a2) {
			t.Errorf("%q: actor2 %q, want %q", tt.text, names(e.Actor2), tt.a2)
		}
		if tt.mode != "" && e.Mode != tt.mode {
			t.Errorf("%q: mode %q, want %q", tt.text, e.Mode, tt.mode)
		}
	}
}

// TestBlastToldAgain: the mine a vehicle struck is that blast, the
// wounded "in the blast" of the next sentence are more of it, and the
// hospital they were taken to is not where it happened.
func TestBlastToldAgain(t *testing.T) {
	text := "A minibus carrying traders struck a roadside bomb near Awasse on Friday, killing three passengers, police said. Passengers wounded in the blast were taken to the hospital in Pemba."
	doc := code(t, text, "2024-05-18")
	n := 0
	for _, e := range doc.Events {
		if e.Type != sitrep.Assault {
			continue
		}
		n++
		if e.Location != nil && strings.Contains(e.Location.Name, "Pemba") {
			t.Errorf("placed at the hospital: %v", e.Location)
		}
	}
	if n != 1 {
		t.Errorf("%d assaults, want 1: %s", n, summary(doc))
	}
}

// TestDeniedAccusation: the accusation a denial takes as its object is
// another's, no accusation by the one who denies.
func TestDeniedAccusation(t *testing.T) {
	doc := code(t, "Residents accused the army of detaining young men in Mocimboa. The army denied the accusation.", "2024-05-18")
	for _, e := range doc.Events {
		if e.Type == sitrep.Accuse && strings.Contains(names(e.Actor1), "army") {
			t.Errorf("the army accuses: %s", summary(doc))
		}
	}
	if find(doc, sitrep.Reject, "army") == nil {
		t.Errorf("no denial by the army: %s", summary(doc))
	}
}

// TestReportedFuture: what a speaker says someone would do at a later
// date is planned; without a later date it stays hypothetical.
func TestReportedFuture(t *testing.T) {
	tests := []struct {
		text string
		want sitrep.Modality
	}{
		{"The provincial governor said troops would launch an offensive against insurgent bases in the Catupa forest next week.", sitrep.Planned},
		{"The governor said troops would launch an offensive against the insurgents.", sitrep.Hypothetical},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-18")
		e := find(doc, sitrep.Assault, "troops")
		if e == nil {
			t.Fatalf("%q: no assault by troops in %s", tt.text, summary(doc))
		}
		if e.Modality != tt.want {
			t.Errorf("%q: modality %s, want %s", tt.text, e.Modality, tt.want)
		}
	}
}

// TestAgentWithoutBy: a name the parser hung on a verb as its agent with
// no "by" is the verb's object, and the noun the verb hangs on acts.
func TestAgentWithoutBy(t *testing.T) {
	tests := []struct{ text, a1, a2 string }{
		{"Government jets bombed Jebel Marra on Tuesday.", "government", "marra"},
		// guard: an agent with "by" stays the doer
		{"Civilians killed by soldiers were buried on Monday.", "soldiers", "civilians"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2016-06-20")
		e := find(doc, sitrep.Assault, tt.a1)
		if e == nil {
			t.Fatalf("%q: no assault by %q in %s", tt.text, tt.a1, summary(doc))
		}
		if !strings.Contains(names(e.Actor2), tt.a2) {
			t.Errorf("%q: actor2 %q, want %q", tt.text, names(e.Actor2), tt.a2)
		}
	}
}

// TestReportedToHave: the subject of "are reported/said to have" did the
// act, no one named told it (reported), and the subject says nothing; "are
// known to have" tells a fact.
func TestReportedToHave(t *testing.T) {
	tests := []struct {
		text, a1 string
		want     sitrep.Modality
	}{
		{"Houthi fighters are believed to have shelled the port of Mokha on Monday.", "houthi", sitrep.Reported},
		{"The rebels are said to have seized the town of Kalehe on Monday.", "rebels", sitrep.Reported},
		{"ADF rebels are said to have raided Oicha village on Monday.", "adf", sitrep.Reported},
		// guard: a fact, not hearsay
		{"The rebels are known to have attacked villages near Beni on Monday.", "rebels", sitrep.Asserted},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2016-06-20")
		e := find(doc, sitrep.Assault, tt.a1)
		if e == nil {
			t.Fatalf("%q: no assault by %q in %s", tt.text, tt.a1, summary(doc))
		}
		if e.Modality != tt.want {
			t.Errorf("%q: modality %s, want %s", tt.text, e.Modality, tt.want)
		}
		for _, src := range e.Sources {
			if src.Role == sitrep.RoleSpeaker {
				t.Errorf("%q: speaker %q", tt.text, src.Name)
			}
		}
	}
}

// TestSharedGroupName: a name two armed groups share (Ahlu Sunna wal
// Jamaa, a Somali militia and a local name of the Mozambican insurgents)
// resolves to neither by the dictionary alone.
func TestSharedGroupName(t *testing.T) {
	for _, text := range []string{
		"Ahlu Sunna Wal Jamaa fighters clashed with al-Shabaab militants in Guriel, central Somalia, on Monday.",
		"ASWJ militia fighters clashed with al-Shabaab militants near Guriel on Monday.",
	} {
		doc := code(t, text, "2024-05-18")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Fatalf("%q: no assault in %s", text, summary(doc))
		}
		if e.Actor1 != nil && strings.HasPrefix(e.Actor1.ID, "MOZ-") {
			t.Errorf("%q: actor1 %s, a Mozambican group in Somalia", text, e.Actor1.ID)
		}
	}
}

// TestNoneKilled: "no one", "nobody", "none" or "no soldiers" before a
// toll counts no one, not one, and "no one was killed" is no killing of
// its own.
func TestNoneKilled(t *testing.T) {
	tests := []struct {
		text       string
		assaults   int
		dead, hurt int // the first assault's; -1: none told
	}{
		{"Gunmen attacked a bus near Kano on Monday, but no one was injured.", 1, -1, 0},
		{"One soldier was killed and no one else was hurt in the attack near Kidal on Monday.", 1, 1, 0},
		{"Rebels attacked the base in Mueda on Monday. No one was killed.", 1, -1, -1},
		{"Rebels attacked the base in Mueda on Monday. Nobody was killed.", 1, -1, -1},
		{"Rebels attacked the base in Mueda on Monday. No soldiers were killed.", 1, -1, -1},
		{"Rebels attacked the base in Mueda on Monday. No Rwandan soldiers were hurt, the army said.", 1, -1, -1},
		// a sentence that tells only that no one died codes nothing, as a
		// bare "there was an attack" does not
		{"An official said no one was killed in the attack on the base in Mueda on Monday.", 0, -1, -1},
		// guard
		{"Two soldiers were killed in the attack near Kidal on Monday.", 1, 2, -1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-18")
		first, n := assaults(doc)
		if n != tt.assaults {
			t.Errorf("%q: %d assaults, want %d: %s", tt.text, n, tt.assaults, summary(doc))
			continue
		}
		if first == nil {
			continue
		}
		dead, hurt := -1, -1
		if first.Fatalities != nil {
			dead = *first.Fatalities
		}
		if first.Injuries != nil {
			hurt = *first.Injuries
		}
		if dead != tt.dead || hurt != tt.hurt {
			t.Errorf("%q: dead %d, hurt %d; want %d, %d (-1: none told)", tt.text, dead, hurt, tt.dead, tt.hurt)
		}
	}
}

// assaults returns a document's first assault and how many it holds.
func assaults(doc *sitrep.Document) (first *sitrep.Event, n int) {
	return ofType(doc, sitrep.Assault)
}

// TestGroundBombing: a car bombing is a bomb on the ground, whichever
// word the event was coded by; aircraft that bomb keep the air mode.
func TestGroundBombing(t *testing.T) {
	tests := []struct{ text, mode string }{
		{"Two people were killed in a car bombing near Kano on Sunday.", "explosives"},
		{"A car bombing killed two people near Kano on Sunday.", "explosives"},
		{"Jets bombed a market near Kano on Sunday, killing two people.", "aerial"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-06")
		if len(doc.Events) == 0 || doc.Events[0].Mode != tt.mode {
			t.Errorf("%q: want one assault with mode %s: %s", tt.text, tt.mode, summary(doc))
		}
	}
}

// TestDatelineCountry: a dateline that names its town's country ("KIDAL,
// Mali —") ends at the dash, so the country is no subject of the lede's
// verb.
func TestDatelineCountry(t *testing.T) {
	for _, text := range []string{
		"KIDAL, Mali — Rebels attacked an army convoy on Monday.",
		"GAO, Mali (AP) — Rebels attacked an army convoy on Monday.",
		"KIDAL — Rebels attacked an army convoy on Monday.",
	} {
		doc := code(t, text, "2024-05-06")
		e := find(doc, sitrep.Assault, "")
		if e == nil || e.Actor1 == nil || e.Actor1.Text != "Rebels" {
			t.Errorf("%q: want an assault by the rebels alone: %s", text, summary(doc))
		}
	}
}

// TestRelativeAntecedent: the passive verb after a restrictive relative
// clause acts on the clause's antecedent, not on the clause's own object.
func TestRelativeAntecedent(t *testing.T) {
	tests := []struct{ text, victim string }{
		{"A teacher who had criticised the militia was shot in Bunia on Monday.", "teacher"},
		{"A journalist who had interviewed the rebels was abducted in Beni on Friday.", "journalist"},
		// guards
		{"A teacher was shot in Bunia on Monday.", "teacher"},
		{"The soldiers who guarded the convoy were ambushed by rebels near Kidal.", "soldiers"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-06")
		ok := false
		for _, e := range doc.Events {
			if e.Actor2 != nil && strings.Contains(strings.ToLower(e.Actor2.Text), tt.victim) && e.Type != sitrep.Accuse {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: want an event done to the %s: %s", tt.text, tt.victim, summary(doc))
		}
	}
}

// TestFirstWordAfterDateline: a common noun that opens the sentence after
// a dateline is no name, even when the dateline holds an entity just
// before it: "Members of the X coalition" are X's.
func TestFirstWordAfterDateline(t *testing.T) {
	for _, text := range []string{
		"KENSCOFF — Members of the Viv Ansanm gang coalition stormed the suburb on Tuesday.",
		"Members of the Viv Ansanm gang coalition stormed the suburb of Kenscoff on Tuesday.",
	} {
		doc := code(t, text, "2025-03-05")
		e := find(doc, sitrep.Assault, "viv ansanm")
		if e == nil {
			t.Errorf("%q: want an assault by Viv Ansanm: %s", text, summary(doc))
		}
	}
}

// TestAnonymousSource: a source asking not to be named requests nothing
// of anyone.
func TestAnonymousSource(t *testing.T) {
	tests := []struct {
		text string
		want int // requests
	}{
		{`"Others are missing," he said, asking not to be named for fear of reprisals.`, 0},
		{"An official, who requested not to be identified, said the convoy was attacked.", 0},
		// guard
		{"The governor asked the government to send troops to the town.", 1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-02-12")
		if _, n := ofType(doc, sitrep.Request); n != tt.want {
			t.Errorf("%q: %d requests, want %d: %s", tt.text, n, tt.want, summary(doc))
		}
	}
}

// TestPledgedTroops: a pledge of harm is a threat, a pledge of troops
// only when they are sent against someone.
func TestPledgedTroops(t *testing.T) {
	tests := []struct {
		text string
		want sitrep.EventType
	}{
		{"The president promised to send more troops to the region.", sitrep.Agree},
		{"The president vowed to deploy troops against the rebels.", sitrep.Threaten},
		{"The rebels vowed to attack the capital.", sitrep.Threaten},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2025-03-05")
		if len(doc.Events) == 0 || doc.Events[0].Type != tt.want {
			t.Errorf("%q: want %s first: %s", tt.text, tt.want, summary(doc))
		}
	}
}

// TestOneChangeOfSide: men who change sides and join an armed group the
// dictionary does not know made one change of side, not a change of side
// and a meeting with the group they joined.
func TestOneChangeOfSide(t *testing.T) {
	for _, text := range []string{
		"Thirty militiamen switched sides on Monday and joined the rebels in Menaka.",
		"Forty soldiers defected near Kidal on Monday and joined the insurgents.",
	} {
		doc := code(t, text, "2024-05-06")
		if _, n := ofType(doc, sitrep.Reject); n != 1 || len(doc.Events) != 1 {
			t.Errorf("%q: want one change of side and nothing else: %s", text, summary(doc))
		}
	}
}

// TestPurposeServed: a cooperative verb that only CAMEO's dictionary
// codes gives way to the purpose its infinitive names, done by the one
// who sent: assigning officers to investigate is an investigation, not a
// second, cooperative event.
func TestPurposeServed(t *testing.T) {
	for _, text := range []string{
		"Nigeria assigned a team of police officers to Zamfara on Monday to investigate the abductions.",
		"Kenya sent a dozen forensic experts to Goma on Friday to investigate the massacre.",
	} {
		doc := code(t, text, "2024-05-06")
		if len(doc.Events) != 1 || find(doc, sitrep.Accuse, "") == nil || doc.Events[0].Actor1 == nil {
			t.Errorf("%q: want one investigation by the sender: %s", text, summary(doc))
			continue
		}
		if a := doc.Events[0].Actor1.Text; a != "Nigeria" && a != "Kenya" {
			t.Errorf("%q: investigation by %q, want the sender: %s", text, a, summary(doc))
		}
	}
}

// TestOpeningDate: a date that opens the sentence with no comma after it
// is the clause's time, and its words belong to no actor, though a noun
// follows: "On Monday protesters marched". A date before a noun it names
// ("the May 14 polls") still dates nothing.
func TestOpeningDate(t *testing.T) {
	tests := []struct {
		text       string
		typ        sitrep.EventType
		actor      string // actor1's text
		start, end string
	}{
		{"On Monday protesters marched through the centre of Kano.", sitrep.Protest, "protesters", "2026-03-09", "2026-03-09"},
		{"On Friday soldiers withdrew from two villages near Dori.", sitrep.Retreat, "soldiers", "2026-03-06", "2026-03-06"},
		{"Last week soldiers withdrew from two villages near Dori.", sitrep.Retreat, "soldiers", "2026-03-02", "2026-03-08"},
		// guard: the date names the vote, the strike is undated
		{"Gunmen attacked a polling station in Kano ahead of the May 14 polls.", sitrep.Assault, "Gunmen", "2026-03-12", "2026-03-12"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		e := find(doc, tt.typ, "")
		if e == nil || e.Date == nil || e.Actor1 == nil {
			t.Errorf("%q: no dated %s with a doer: %s", tt.text, tt.typ, summary(doc))
			continue
		}
		if e.Date.Start != tt.start || e.Date.End != tt.end || e.Actor1.Text != tt.actor {
			t.Errorf("%q: %s by %q on %s…%s, want %q on %s…%s", tt.text, tt.typ, e.Actor1.Text, e.Date.Start, e.Date.End, tt.actor, tt.start, tt.end)
		}
	}
}

// TestAttackersLeave: attackers who withdraw after their attack end it;
// they hand over no territory, so the retreat takes no ACLED type, and
// with no date or place of its own it keeps the attack's. A withdrawal
// by the other side, or days later, is still a transfer of ground.
func TestAttackersLeave(t *testing.T) {
	tests := []struct {
		text, acled, date string // the retreat's ACLED type and date
	}{
		{"Gunmen attacked the village of Kaya on Sunday, killing six people. The attackers withdrew toward the hills.", "", "2026-03-08"},
		{"Gunmen killed six farmers in Kaya on Sunday before withdrawing into the bush.", "", "2026-03-08"},
		{"Rebels attacked an army post near Kidal on Monday. The rebels later withdrew into the desert.", "", "2026-03-09"},
		// guards
		{"Rebels attacked an army post near Kidal on Monday. On Thursday, the army withdrew from Kidal.", "Strategic developments", "2026-03-12"},
		{"Rebels seized the town of Kalehe on Monday. On Thursday the rebels withdrew from the town.", "Strategic developments", "2026-03-12"},
		{"Rebels seized the town of Kalehe on Monday. The rebels withdrew from the town on Monday night.", "Strategic developments", "2026-03-09"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		e := find(doc, sitrep.Retreat, "")
		if e == nil || e.Date == nil {
			t.Errorf("%q: no dated retreat: %s", tt.text, summary(doc))
			continue
		}
		if e.ACLEDEventType != tt.acled || e.Date.Start != tt.date {
			t.Errorf("%q: retreat %q on %s, want %q on %s: %s", tt.text, e.ACLEDEventType, e.Date.Start, tt.acled, tt.date, summary(doc))
		}
		if tt.acled == "" && e.Location == nil {
			t.Errorf("%q: the attackers' retreat has no place: %s", tt.text, summary(doc))
		}
	}
}

// TestSidesOwnWord: a side that tells of its own act claims it, whether
// it names itself again or says "it": "the army said it killed 40
// militants" is claimed. Following docs/ontology.md, a figure a state's
// forces give counts (only a non-state armed group's word counts 0),
// also when they give the other side's dead with no doer named; that is
// reported, the doer untold.
func TestSidesOwnWord(t *testing.T) {
	tests := []struct {
		text     string
		modality sitrep.Modality
		dead     int
	}{
		{"The army said it killed 40 militants in an operation near Kidal on Monday.", sitrep.Claimed, 40},
		{"The army said that it had killed 40 militants near Kidal on Monday.", sitrep.Claimed, 40},
		{"Police said they shot dead three robbers in Kano on Monday.", sitrep.Claimed, 3},
		{"The army said its troops killed 40 militants near Kidal on Monday.", sitrep.Claimed, 40},
		{"Ukraine's general staff said 300 Russian soldiers were killed in fighting near Bakhmut on Tuesday.", sitrep.Reported, 300},
		// a defence ministry speaks for its state's troops
		{"Nigeria's defence ministry said troops had killed 30 bandits in Zamfara on Monday.", sitrep.Claimed, 30},
		{"Nigeria's defence ministry said bandits had killed 30 villagers in Zamfara on Monday.", sitrep.Reported, 30},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no assault: %s", tt.text, summary(doc))
			continue
		}
		if e.Modality != tt.modality || dead(e) != tt.dead {
			t.Errorf("%q: %s with %d dead, want %s with %d: %s", tt.text, e.Modality, dead(e), tt.modality, tt.dead, summary(doc))
		}
	}
}

// TestOneOfTheGroups: ", one of the largest armed groups," after a name is
// a description of it: the speaker is the named group, and "its
// fighters" are its; a spokesman's "its fighters" are his group's.
func TestOneOfTheGroups(t *testing.T) {
	tests := []struct{ text, actor, speaker string }{
		{"The Arakan Army, one of the largest ethnic armed groups, said its fighters had captured a town on Tuesday.", "Arakan Army", "Arakan Army"},
		{"A spokesman for the Ambazonia Defence Forces, one of the largest separatist groups, said its fighters had attacked an army post near Kumbo on Tuesday.", "Ambazonia Defence Forces", "Ambazonia Defence Forces"},
		{"A spokesman for the Ambazonia Defence Forces said its fighters had attacked an army post near Kumbo on Tuesday.", "Ambazonia Defence Forces", "spokesman"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		e := find(doc, sitrep.Assault, "")
		if e == nil || e.Actor1 == nil {
			t.Errorf("%q: no assault with a doer: %s", tt.text, summary(doc))
			continue
		}
		speaker := ""
		for _, a := range e.Sources {
			if a.Role == sitrep.RoleSpeaker {
				speaker = a.Name
			}
		}
		if e.Actor1.Name != tt.actor || speaker != tt.speaker || e.Modality != sitrep.Claimed {
			t.Errorf("%q: %s by %q on the word of %q, want claimed by %q on the word of %q", tt.text, e.Modality, e.Actor1.Name, speaker, tt.actor, tt.speaker)
		}
	}
}

// TestHeadlineToll: a headline that tells two attacks gives its toll to
// the body's attack with that toll, not to the lede.
func TestHeadlineToll(t *testing.T) {
	text := "Rebels raid village near Gao, army says it killed 12 fighters\n\n" +
		"Rebels attacked a village near Gao on Monday, killing four people, local officials said.\n\n" +
		"The army said on Tuesday that soldiers had killed 12 rebels in a gunfight near Ansongo on Monday evening."
	doc := code(t, text, "2025-10-16")
	for _, e := range doc.Events {
		if e.Type != sitrep.Assault {
			continue
		}
		told := len(e.Mentions)
		switch dead(&e) {
		case 4:
			for _, m := range e.Mentions {
				if strings.Contains(m.Text, "army says") {
					t.Errorf("the raid took the headline's gunfight: %s", summary(doc))
				}
			}
		case 12:
			if told != 2 {
				t.Errorf("the gunfight is told %d times, want 2 (headline and body): %s", told, summary(doc))
			}
		}
	}
}

// TestClearingOperation: clearing an armed group's camps or hideouts is
// an attack on it, planned or done, not CAMEO's concession; clearing a
// road is not.
func TestClearingOperation(t *testing.T) {
	tests := []struct {
		text     string
		typ      sitrep.EventType
		modality sitrep.Modality
	}{
		{"The governor said troops would launch an operation to clear separatist camps around Kumbo in the coming days.", sitrep.Assault, sitrep.Planned},
		{"Troops cleared rebel camps near Kumbo on Monday.", sitrep.Assault, sitrep.Asserted},
		{"Soldiers cleared militia hideouts near Bunia on Monday.", sitrep.Assault, sitrep.Asserted},
		// guard
		{"Soldiers cleared the road of debris near Kumbo on Monday.", sitrep.Concede, sitrep.Asserted},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		if len(doc.Events) == 0 || doc.Events[0].Type != tt.typ || doc.Events[0].Modality != tt.modality {
			t.Errorf("%q: want a %s %s first: %s", tt.text, tt.modality, tt.typ, summary(doc))
		}
	}
}

// TestGroupAfterSpokesman: "the separatists" after a spokesman for an
// armed group are the group, not its spokesman.
func TestGroupAfterSpokesman(t *testing.T) {
	text := "A spokesman for the Ambazonia Defence Forces said on Monday that the talks had failed. The separatists attacked an army post near Kumbo on Tuesday."
	doc := code(t, text, "2026-03-12")
	if e := find(doc, sitrep.Assault, ""); e == nil || e.Actor1 == nil || e.Actor1.Name != "Ambazonia Defence Forces" {
		t.Errorf("want an attack by the Ambazonia Defence Forces: %s", summary(doc))
	}
}

// TestLanguageAndWeekdays: "English-speaking" and "the use of French"
// name a language and "on Mondays" a recurring day; none is anyone who
// acts or is acted on. "French troops" still are.
func TestLanguageAndWeekdays(t *testing.T) {
	for _, text := range []string{
		"The separatists have enforced a lockdown across the two English-speaking regions for years, ordering shops and schools closed on Mondays.",
		"Rebels ordered traders in the French-speaking quarter to close their shops on Fridays.",
		"Lawyers and teachers protested against the use of French in courts and classrooms in Bamenda in 2016.",
	} {
		doc := code(t, text, "2026-03-12")
		for _, e := range doc.Events {
			for _, a := range []*sitrep.ActorRef{e.Actor1, e.Actor2} {
				if a == nil {
					continue
				}
				if n := strings.ToLower(a.Name); strings.Contains(n, "english") || strings.Contains(n, "french") || strings.Contains(n, "france") || strings.HasSuffix(n, "days") {
					t.Errorf("%q: %s has the actor %q: %s", text, e.Type, a.Name, summary(doc))
				}
			}
		}
	}
}

// TestGoverningSpeaker: with two speakers in a sentence, each act takes
// the modality of the speaker whose words hold it: the rebels' word on
// the army's shelling is an allegation, the army's word on its own fire
// a claim.
func TestGoverningSpeaker(t *testing.T) {
	text := "The rebels said the army shelled their positions near Kidal on Monday, but the army said it only returned fire."
	doc := code(t, text, "2026-03-12")
	if len(doc.Events) != 2 || doc.Events[0].Modality != sitrep.Alleged || doc.Events[1].Modality != sitrep.Claimed {
		t.Errorf("want the shelling alleged and the return of fire claimed: %s", summary(doc))
	}
}

// TestLanguageGuard: a people's adjective before a noun, or after an
// article, still names an actor.
func TestLanguageGuard(t *testing.T) {
	text := "Protesters marched in Bamako against the presence of French troops on Friday."
	doc := code(t, text, "2026-03-12")
	if e := find(doc, sitrep.Protest, ""); e == nil || e.Actor2 == nil || e.Actor2.Country != "FRA" {
		t.Errorf("%q: want a protest against the French military: %s", text, summary(doc))
	}
}

// TestDemandedEvent: an event noun that is what a request or a threat
// asks for is not yet done: "demanded the withdrawal of French troops"
// codes no withdrawal that happened.
func TestDemandedEvent(t *testing.T) {
	for _, text := range []string{
		"Protesters demanded the withdrawal of French troops from Mali.",
		"Mali asked for the withdrawal of the peacekeepers.",
	} {
		doc := code(t, text, "2026-03-12")
		e := find(doc, sitrep.Retreat, "")
		if e == nil || e.Modality.Happened() || e.ACLEDEventType != "" {
			t.Errorf("%q: want a withdrawal that has not happened: %s", text, summary(doc))
		}
	}
}
