package event_test

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/ontology"
	"github.com/sitrep/sitrep/pipeline"
)

// code runs the default pipeline on text published on pub.
func code(tb testing.TB, text, pub string) *sitrep.Document {
	tb.Helper()
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	t, err := time.Parse(time.DateOnly, pub)
	if err != nil {
		tb.Fatal(err)
	}
	doc := sitrep.NewDocument(sitrep.Article{Text: text, Published: t})
	if err := p.Run(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

func names(a *sitrep.ActorRef) string {
	if a == nil {
		return ""
	}
	return strings.ToLower(a.Name + " | " + a.Text + " | " + a.ID)
}

// ofType returns a document's first event of the type and how many it
// holds.
func ofType(doc *sitrep.Document, typ sitrep.EventType) (first *sitrep.Event, n int) {
	for i := range doc.Events {
		if doc.Events[i].Type == typ {
			if n == 0 {
				first = &doc.Events[i]
			}
			n++
		}
	}
	return first, n
}

// dead returns an event's fatalities, -1 when it tells none.
func dead(e *sitrep.Event) int {
	if e == nil || e.Fatalities == nil {
		return -1
	}
	return *e.Fatalities
}

// find returns the first event of the type whose actor1 contains a1.
func find(doc *sitrep.Document, typ sitrep.EventType, a1 string) *sitrep.Event {
	for i := range doc.Events {
		e := &doc.Events[i]
		if e.Type == typ && (a1 == "" || strings.Contains(names(e.Actor1), strings.ToLower(a1))) {
			return e
		}
	}
	return nil
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		typ        sitrep.EventType
		a1, a2     string
		modality   sitrep.Modality
		date       string // YYYY-MM-DD inside the event's range
		fatal      int    // -1: none expected
	}{
		{"active assault", "Rebel fighters attacked an army base near the town on Monday, killing four soldiers.",
			sitrep.Assault, "rebel", "army", sitrep.Asserted, "2022-03-07", 4},
		{"passive with by", "Three civilians were killed by government troops in the village on Saturday.",
			sitrep.Assault, "government troops", "civilians", sitrep.Asserted, "2022-03-05", 3},
		{"a condition is no act", "The rebel commander threatened to attack more villages unless the government paid a ransom.",
			sitrep.Concede, "government", "", sitrep.Hypothetical, "", -1},
		{"the people of a place", "Residents of Kisumu protested against new taxes on Monday.",
			sitrep.Protest, "residents", "", sitrep.Asserted, "2022-03-07", -1},
		{"a verb the tagger took for a noun, with a counted object", "Troops allegedly shot 9 people at a roadblock in Bahir Dar on Monday.",
			sitrep.Assault, "troops", "people", sitrep.Alleged, "2022-03-07", -1},
		{"the doer of a background attack", "Four militiamen were killed after an ambush by ISWAP fighters near Monguno on Monday.",
			sitrep.Assault, "iswap", "militiamen", sitrep.Asserted, "2022-03-07", 4},
		{"the planters of a mine", "Three soldiers were killed when their truck hit a Houthi-laid mine near Taiz on Monday.",
			sitrep.Assault, "houthi", "soldiers", sitrep.Asserted, "2022-03-07", 3},
		{"the planters of a bomb", "Two policemen were killed when a bomb planted by JNIM fighters exploded near their post in Gao on Monday.",
			sitrep.Assault, "jnim", "policemen", sitrep.Asserted, "2022-03-07", 2},
		{"the doers of background attacks", "Two border policemen were killed following overnight attacks by Taliban fighters on outposts in Baghlan on Monday.",
			sitrep.Assault, "taliban", "policemen", sitrep.Asserted, "2022-03-07", 2},
		{"both sides of between", "Fighting between two armed groups aligned with the interior ministry killed six people in Misrata on Monday.",
			sitrep.Assault, "armed groups", "armed groups", sitrep.Asserted, "2022-03-07", 6},
		{"purpose of a sending", "Kenya sent a dozen forensic experts to Goma on Friday to investigate the massacre.",
			sitrep.Accuse, "kenya", "", sitrep.Asserted, "", -1},
		{"no verb in a group phrase", "The European Union called on both sides to protect civilians.",
			sitrep.Request, "european union", "civilians", sitrep.Asserted, "", -1},
		{"planned counterattack", "The commander said his battalion planned to counterattack within days.",
			sitrep.Assault, "battalion", "", sitrep.Planned, "", -1},
		{"destruction on its own", "Settlers burned two cars in Huwara on Monday.",
			sitrep.Coerce, "settlers", "", sitrep.Asserted, "2022-03-07", -1},
		{"shot dead, whatever the tagger reads", "Gunmen shot dead two soldiers near Tillaberi on Monday.",
			sitrep.Assault, "gunmen", "soldiers", sitrep.Asserted, "2022-03-07", 2},
		{"a crowd's blockade is a protest", "Protesters blockading the coastal highway outside Durban brought traffic to a halt on Monday.",
			sitrep.Protest, "protesters", "", sitrep.Asserted, "2022-03-07", -1},
		{"the state's blockade is not", "Police blockaded the opposition headquarters in Harare on Monday.",
			sitrep.Coerce, "police", "", sitrep.Asserted, "2022-03-07", -1},
		{"placards and chants", "Residents waved placards outside the court in Pietermaritzburg on Monday and chanted songs.",
			sitrep.Protest, "residents", "", sitrep.Asserted, "2022-03-07", -1},
		{"blockade imposed by its object", "Turkey reimposed blockades on two border crossings on Friday after the deaths of three of its soldiers.",
			sitrep.Coerce, "turkey", "", sitrep.Asserted, "2022-03-04", -1},
		{"curfew", "The army imposed a curfew on Kadugli on Monday.",
			sitrep.Coerce, "army", "", sitrep.Asserted, "2022-03-07", -1},
		{"a speaker's own speech act on a misparsed conjunct", "The press office said the strike hit two trucks near Sabha and blamed it on forces loyal to the government.",
			sitrep.Accuse, "office", "", sitrep.Reported, "", -1},
		{"the owner of what is hit", "Rebels attacked a convoy of the Libyan National Army south of Sirte on Friday.",
			sitrep.Assault, "rebels", "libyan national army", sitrep.Asserted, "2022-03-04", -1},
		{"planned, poised", "The militia was poised to launch an attack on the harbour town.",
			sitrep.Assault, "militia", "", sitrep.Planned, "", -1},
		{"planned, plans to", "The army plans to attack the rebel stronghold next week, officials said.",
			sitrep.Assault, "army", "", sitrep.Planned, "", -1},
		{"negated", "Government forces did not attack the camp.",
			sitrep.Assault, "government forces", "", sitrep.Negated, "", -1},
		{"denial", "The army denied that its soldiers had shelled the market.",
			sitrep.Reject, "army", "", sitrep.Denied, "", -1},
		{"alleged", "The fighters were allegedly recruited by a private military company.",
			sitrep.Mobilize, "private military company", "fighters", sitrep.Alleged, "", -1},
		{"reported by outlet", "Insurgents seized two border posts on Sunday, the Daily Herald reported.",
			sitrep.Assault, "insurgents", "", sitrep.Reported, "2022-03-06", -1},
		{"threat governs", "The rebel commander threatened to attack the capital.",
			sitrep.Threaten, "commander", "", sitrep.Asserted, "", -1},
		{"retreat", "Hundreds of militiamen withdrew from the frontline on Friday.",
			sitrep.Retreat, "militiamen", "", sitrep.Asserted, "2022-03-04", -1},
		{"attack told as the cause of a toll", "Five policemen suffered casualties following an attack by insurgents on a checkpoint on Monday.",
			sitrep.Assault, "insurgents", "", sitrep.Asserted, "2022-03-07", -1},
		{"protest held by a crowd", "On Tuesday, dozens held a protest outside the parliament.",
			sitrep.Protest, "", "", sitrep.Asserted, "2022-03-08", -1},
		{"hyphenated re-", "Government troops re-captured the town from the rebels on Sunday.",
			sitrep.Assault, "government troops", "", sitrep.Asserted, "2022-03-06", -1},
		{"protest told with a verb, no one named", "On Monday some 300 advocates protested against changes to the criminal code.",
			sitrep.Protest, "", "", sitrep.Asserted, "2022-03-07", -1},
		{"a date that names a thing", "Hundreds of residents protested against a candidate in the May 14 polls on Monday.",
			sitrep.Protest, "residents", "", sitrep.Asserted, "2022-03-07", -1},
		{"a labour strike", "Teachers launched a three-day strike over unpaid salaries on Monday.",
			sitrep.Protest, "teachers", "", sitrep.Asserted, "2022-03-07", -1},
		{"people the actor stage finds", "On Monday, coal miners and traders protested against new taxes in the provincial capital.",
			sitrep.Protest, "miners", "", sitrep.Asserted, "2022-03-07", -1},
		{"consult by phone", "On Tuesday the foreign ministers of Kenya and Ethiopia discussed the drought over the phone.",
			sitrep.Consult, "kenya", "ethiopia", sitrep.Asserted, "2022-03-08", -1},
		{"protest", "Thousands of students protested in the capital on Thursday.",
			sitrep.Protest, "students", "", sitrep.Asserted, "2022-03-03", -1},
		{"demand in reported speech", "The envoy said the junta must release the detained ministers.",
			sitrep.Request, "envoy", "junta", sitrep.Reported, "", -1},
		{"a day after", "Relatives buried the dead on Monday, a day after an air strike by government jets hit the village.",
			sitrep.Assault, "government", "", sitrep.Asserted, "2022-03-06", -1},
		{"gerund with a by-agent", "Residents fled on Monday after shelling by rebel fighters destroyed the market.",
			sitrep.Assault, "rebel", "", sitrep.Asserted, "2022-03-07", -1},
		{"headline passive without its auxiliary", "Villagers killed as militia storms Tawila\n\nThe town was quiet on Tuesday.",
			sitrep.Assault, "", "villagers", sitrep.Asserted, "", -1},
		{"blamed on", "The army said the strike hit two trucks on the road towards Derna and blamed it on the Mountain Liberation Front.",
			sitrep.Accuse, "", "mountain liberation front", sitrep.Reported, "", -1},
		{"the body a spokesman speaks for", "A spokesman for the Government of National Unity denied any role.\n\nTurkey supports the government in Tripoli.",
			sitrep.Support, "turkey", "government of national unity |", sitrep.Asserted, "", -1},
		{"accused of failing to act", "Farmers blocked the ministry on Monday, accusing officials of failing to pressure the traders.",
			sitrep.Coerce, "", "", sitrep.Negated, "", -1},
		{"claimed by its own side", "The army said its aircraft had struck a rebel column, killing 12 fighters.",
			sitrep.Assault, "", "", sitrep.Claimed, "", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2022-03-08")
			e := find(doc, tt.typ, tt.a1)
			if e == nil {
				var got []string
				for _, x := range doc.Events {
					got = append(got, string(x.Type)+":"+names(x.Actor1))
				}
				t.Fatalf("no %s event with actor1 %q; got %v", tt.typ, tt.a1, got)
			}
			if tt.a2 != "" && !strings.Contains(names(e.Actor2), tt.a2) {
				t.Errorf("actor2 = %q, want %q", names(e.Actor2), tt.a2)
			}
			if e.Modality != tt.modality {
				t.Errorf("modality = %s, want %s", e.Modality, tt.modality)
			}
			if tt.date != "" && (e.Date == nil || tt.date < e.Date.Start || tt.date > e.Date.End) {
				t.Errorf("date = %+v, want it to contain %s", e.Date, tt.date)
			}
			switch {
			case tt.fatal >= 0 && (e.Fatalities == nil || *e.Fatalities != tt.fatal):
				t.Errorf("fatalities = %v, want %d", e.Fatalities, tt.fatal)
			case tt.fatal < 0 && e.Fatalities != nil:
				t.Errorf("fatalities = %d, want none", *e.Fatalities)
			}
		})
	}
}

func TestModalityNeverHappened(t *testing.T) {
	// planned, hypothetical, negated and denied events are kept but never
	// counted as having happened
	doc := code(t, "The rebels vowed to storm the city. The army said it would not withdraw. Militants could attack the convoy.", "2022-03-08")
	if len(doc.Events) == 0 {
		t.Fatal("no events")
	}
	for _, e := range doc.Events {
		if (e.Type == sitrep.Assault || e.Type == sitrep.Retreat) && e.Modality.Happened() {
			t.Errorf("%s by %s coded as %s: %q", e.Type, names(e.Actor1), e.Modality, e.Evidence.Text)
		}
	}
}

// TestCommonFirstWordNoActor checks that a capitalised first word the
// recogniser left alone is not read as a name, in the body or a headline.
func TestCommonFirstWordNoActor(t *testing.T) {
	for _, text := range []string{
		"Funerals held for victims of Kassala bus bombing\n\nThe town was quiet on Tuesday.",
		"Funerals held for victims of Kassala market shelling\n\nShops reopened on Tuesday.",
	} {
		doc := code(t, text, "2022-03-08")
		for _, e := range doc.Events {
			for _, a := range []*sitrep.ActorRef{e.Actor1, e.Actor2} {
				if a != nil && (strings.EqualFold(a.Name, "funerals") || strings.EqualFold(a.Name, "mourning")) {
					t.Errorf("%q: %s has the actor %q", text, e.Type, a.Name)
				}
			}
		}
	}
}

// TestLabelsNoEvent checks that a naming verb's judgement of an attack
// told elsewhere ("called the strike a massacre") is no new event by the
// speaker, and no labour strike.
func TestLabelsNoEvent(t *testing.T) {
	for _, text := range []string{
		"The provincial council called the strike a massacre.",
		"The interior ministry described the raid as an act of terror.",
		"At least three of the dead were civilians caught in their cars near the airport.",
	} {
		doc := code(t, text, "2022-03-08")
		for _, e := range doc.Events {
			if e.Type == sitrep.Protest || e.Type == sitrep.Coerce || e.Actor1 != nil && e.Actor1.Name != "" {
				t.Errorf("%q: %s by %s", text, e.Type, names(e.Actor1))
			}
		}
	}
}

// TestStateArmyNotRebels checks that "the army" and the "it" that follows
// are the state's army named before, never the rebel group it fights, and
// that the source of a claim does not do what it reports.
func TestStateArmyNotRebels(t *testing.T) {
	doc := code(t, "Army jets strike rebel posts\n\nSudanese army aircraft bombed positions of the Rapid Support Forces near Um Sumeima on Tuesday, military sources said, destroying several vehicles.\n\nThe army said it had killed dozens of RSF fighters in the raid.", "2024-03-13")
	for _, e := range doc.Events {
		if e.Type != sitrep.Assault || e.Actor1 == nil {
			continue
		}
		if strings.HasPrefix(e.Actor1.ID, "SDN-RSF") || strings.Contains(strings.ToLower(e.Actor1.Name), "sources") {
			t.Errorf("ASSAULT by %s: %q", names(e.Actor1), e.Evidence.Text)
		}
	}
}

// TestDatelineNoActor checks that a dateline is not part of the subject
// after it.
func TestDatelineNoActor(t *testing.T) {
	for _, text := range []string{
		"KASSALA — Gunmen ambushed a bus on Monday, killing five passengers.",
		"PORT-AU-PRINCE — Armed gangs raided a market on Monday.",
		"KASSALA — A drone struck a fuel depot on Monday.",
		"KASSALA — Two drones struck a fuel depot on Monday.",
	} {
		doc := code(t, text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil || e.Actor1 == nil {
			t.Errorf("%q: no assault with an actor", text)
			continue
		}
		if name := strings.ToLower(e.Actor1.Name); strings.Contains(name, "kassala") || strings.Contains(name, "prince") || strings.Contains(name, "-") || name == "a" || name == "two" {
			t.Errorf("%q: actor1 %q holds the dateline", text, e.Actor1.Name)
		}
	}
}

// TestAllyNotFighter checks that the ally named inside a fighting
// group's phrase ("armed groups aligned with the GNU") is not read as
// the doer of what the fighting did.
func TestAllyNotFighter(t *testing.T) {
	doc := code(t, "Fighting between two armed groups aligned with the Government of National Unity killed at least nine people in the city on Monday.", "2022-03-08")
	for _, e := range doc.Events {
		if e.Type == sitrep.Assault && strings.Contains(names(e.Actor1), "national unity") {
			t.Errorf("ASSAULT by %s: %q", names(e.Actor1), e.Evidence.Text)
		}
	}
}

func TestFatalitiesConservative(t *testing.T) {
	tests := []struct {
		text       string
		dead, hurt int
	}{
		{"Gunmen attacked the village, killing at least 12 people and wounding 5.", 12, 5},
		{"Two soldiers and three civilians were killed when militants attacked the checkpoint.", 5, -1},
		{"Twelve militants including two commanders were killed in clashes with the army.", 12, -1},
		{"Several civilians were killed when rebels shelled the market.", 10, -1},
		// another source's figure in brackets does not add to the report's own
		{"Four guards (nine according to the rebels) were killed when rebels stormed the prison.", 4, -1},
		// a range counts its lowest figure; coordinated groups add up
		{"At least 3-6 soldiers and 2 police officers were killed when militants attacked the post.", 5, -1},
		{"Gunmen shot and killed a village chief in addition to 2 of his sons near the market.", 3, -1},
		{"A district official and his driver were killed when a bomb hit their car.", 2, -1},
		// "to death" after a verb is a killing; one named victim is one dead
		{"An attacker stabbed to death a customs inspector near the port of Mombasa on Thursday.", 1, -1},
		{"Gunmen shot dead a police inspector in Maiduguri on Monday.", 1, -1},
		{"Two traders were burned to death by bandits near Gusau on Monday.", 2, -1},
		// singular victims listed after a counted group add to it
		{"Two soldiers, a policeman and a civilian were killed when gunmen attacked the post.", 4, -1},
		// a description set off by commas names the counted group again
		{"Two traders, a woman and her brother, were killed when soldiers opened fire on their car near Bunia.", 2, -1},
		{"A judge, the head of the appeals court, and his 3 drivers were killed when gunmen ambushed their convoy.", 4, -1},
		// killed or wounded: how many died is unknown
		{"At the border post on Friday one guard was killed or wounded by mortar fire.", 0, -1},
		// a long apposition before a passive toll
		{"A nurse, who had worked at the district clinic for many years, was abducted and killed by gunmen.", 1, -1},
		// more dead of the same fight told in the next sentence
		{"Two policemen were killed when insurgents attacked a checkpoint. Five insurgents were also killed.", 7, -1},
		// a stated toll supersedes the parts, in the sentence or the next
		{"The number of people killed when militants bombed the bus station has risen to 23, as several of the wounded died.", 23, -1},
		{"Militants bombed the bus station on Monday. Hospital staff put the death toll at 19.", 19, -1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no assault", tt.text)
			continue
		}
		if e.Fatalities == nil || *e.Fatalities != tt.dead {
			got := "none"
			if e.Fatalities != nil {
				got = strconv.Itoa(*e.Fatalities)
			}
			t.Errorf("%q: fatalities %s, want %d", tt.text, got, tt.dead)
		}
		if tt.hurt >= 0 && (e.Injuries == nil || *e.Injuries != tt.hurt) {
			t.Errorf("%q: injuries %v, want %d", tt.text, e.Injuries, tt.hurt)
		}
	}
}

// TestPlanterNeedsDevice checks that "planted by", "laid by", "placed
// by" name an attack's doer only after a bomb, a mine or another device:
// an area "placed by the army under a curfew" names no attacker.
func TestPlanterNeedsDevice(t *testing.T) {
	tests := []struct{ text, a1 string }{
		{"Three traders were killed in Beni on Monday in an attack blamed on ADF rebels, in an area placed by the army under a curfew.", ""},
		{"Five soldiers were killed when a bomb believed to have been planted by al-Shabaab hit their truck near Afgoye on Monday.", "shabaab"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no assault in %s", tt.text, summary(doc))
			continue
		}
		if got := names(e.Actor1); tt.a1 == "" && got != "" || tt.a1 != "" && !strings.Contains(got, tt.a1) {
			t.Errorf("%q: actor1 %q, want %q", tt.text, got, tt.a1)
		}
	}
}

// TestDeathNamesNoDeath checks that "death" counts no dead where it
// names a sentence, a penalty or a threat, and still counts them where
// someone was put to death or the toll is told.
func TestDeathNamesNoDeath(t *testing.T) {
	tests := []struct {
		text string
		dead int // -1: no fatalities
	}{
		{"Rebels attacked a village near Beni on Monday, and a soldier was sentenced to death.", -1},
		{"Rebels attacked a village near Beni on Monday; a military court sentenced 12 men to death for the attack.", -1},
		{"Rebels attacked a village near Beni on Monday; three rebels face the death penalty.", -1},
		{"Gunmen attacked a radio station in Bunia on Monday, and two journalists later received death threats.", -1},
		{"Gunmen beat two women to death in Beni on Monday.", 2},
		{"A death squad killed three traders in Beni on Monday; the death toll later rose to five.", 5},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no assault in %s", tt.text, summary(doc))
			continue
		}
		got := dead(e)
		if got != tt.dead {
			t.Errorf("%q: fatalities %d, want %d (-1: none)", tt.text, got, tt.dead)
		}
	}
}

// TestPartisanTolls checks ACLED's conservative rule on figures an armed
// group gives: a toll told only on the word of the group, its spokesman
// or its outlet counts 0, the claimed figure kept as a quantity; a figure
// others gave too, or a government's, counts.
func TestPartisanTolls(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		dead    int
		claimed int // the "claimed fatalities" quantity, 0 for none
	}{
		{"the outlet retells the toll", "Taliban militants ambushed a police patrol in Kunduz province on Monday, killing 4 policemen. Voice of Jihad reported 4 fatalities.", 0, 4},
		{"the outlet also told it", "Taliban militants ambushed a police patrol in Kunduz province on Monday, killing 4 policemen. Voice of Jihad also reported 4 fatalities.", 4, 0},
		{"the group's own word", "The Taliban said its fighters killed 12 soldiers in an attack on an army base in Zabul on Tuesday.", 0, 12},
		{"the outlet in brackets, a bare figure", "Islamic State fighters attacked an army post near Diffa on Friday, killing 5 soldiers. The death toll could not be confirmed (Amaq reported 5).", 0, 5},
		{"a range the toll falls in", "Taliban militants attacked a checkpoint in Helmand on Sunday, killing 3 soldiers. Voice of Jihad reported 1-3 fatalities.", 0, 3},
		{"the claim is the report's total", "Taliban militants attacked a checkpoint in Ghazni on Sunday, killing 2 soldiers. Two more soldiers were killed when militants ambushed a convoy nearby. Voice of Jihad reported 4 fatalities.", 0, 2},
		{"another source's figure", "Four policemen (12 according to Taliban sources) died when militants stormed an outpost in Zabul on Sunday.", 4, 0},
		{"another figure than the claim", "Taliban militants attacked a checkpoint in Helmand on Sunday, killing 2 soldiers. Voice of Jihad reported 9 fatalities.", 2, 0},
		{"a government's figure", "Government forces killed 9 Taliban fighters in Ghazni on Tuesday, the defence ministry said.", 9, 0},
		{"the group as the other side of a clash", "A soldier died when the army clashed with Taliban fighters in Ghazni on Monday. Voice of Jihad reported 1 fatality.", 0, 1},
		{"the group's own dead", "The Taliban said 3 of its fighters were killed when an army drone struck their vehicle in Helmand on Monday.", 3, 0},
		// in a fight the group is a side whichever way the actors fall,
		// and its claim speaks for the toll
		{"a fight with the group", "Government troops fought Taliban fighters in Ghazni on Monday, killing 3 of them. Voice of Jihad reported 3 fatalities.", 0, 3},
		// police gave the bomb's toll; the group's claim for its own attack
		// with the same figure does not speak for it
		{"a toll on an independent word", "A roadside bomb killed 3 civilians in Mogadishu on Monday, police said. In a separate attack, al-Shabaab fighters stormed an army base in Lower Shabelle on Monday, killing 3 soldiers, Radio Andalus said.", 3, 0},
		// the claim speaks for the group's attack, not for the government's
		// kill of its fighters told before it
		{"a claim beside the group's own dead", "Government forces killed 2 Taliban fighters in Ghazni on Monday, the defence ministry said. In Helmand, Taliban militants attacked a checkpoint on Monday, killing 2 soldiers. Voice of Jihad reported 2 fatalities.", 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2022-03-08")
			e := find(doc, sitrep.Assault, "")
			if e == nil {
				t.Fatalf("%q: no assault", tt.text)
			}
			if e.Fatalities == nil || *e.Fatalities != tt.dead {
				got := "none"
				if e.Fatalities != nil {
					got = strconv.Itoa(*e.Fatalities)
				}
				t.Errorf("fatalities %s, want %d", got, tt.dead)
			}
			claimed := 0
			for _, q := range e.Quantities {
				if q.Unit == "claimed fatalities" {
					claimed = int(q.Value)
				}
			}
			if claimed != tt.claimed {
				t.Errorf("claimed fatalities %d, want %d (quantities %+v)", claimed, tt.claimed, e.Quantities)
			}
		})
	}
}

// TestRelativeClauseDate checks that a date inside a relative clause the
// trigger is not part of does not date the event; a date in a participle
// after it still does ("in a video posted on Sunday").
func TestRelativeClauseDate(t *testing.T) {
	tests := []struct {
		text  string
		typ   sitrep.EventType
		start string
	}{
		{"Exiles from South Sudan protested in Kampala against a report that blames their army for abuses over the last 15 years.", sitrep.Protest, "2022-03-08"},
		{"The rebel leader threatened to storm the city in a video posted on Sunday.", sitrep.Threaten, "2022-03-06"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		e := find(doc, tt.typ, "")
		if e == nil || e.Date == nil {
			t.Errorf("%q: no dated %s event", tt.text, tt.typ)
			continue
		}
		if e.Date.Start != tt.start {
			t.Errorf("%q: date %+v, want it to start on %s", tt.text, *e.Date, tt.start)
		}
	}
}

// TestProtestersCategory checks that whoever protests is coded in ACLED's
// protester or rioter category, residents included.
func TestProtestersCategory(t *testing.T) {
	tests := []struct {
		text  string
		inter int
	}{
		{"Residents of Kisumu protested against new taxes on Monday.", int(ontology.Protesters)},
		{"Residents of Tsafe burnt tyres and blocked the highway on Monday to protest against the killings.", int(ontology.Rioters)},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		e := find(doc, sitrep.Protest, "residents")
		if e == nil {
			t.Errorf("%q: no protest by residents", tt.text)
			continue
		}
		if e.Inter1 != tt.inter {
			t.Errorf("%q: inter1 %d, want %d", tt.text, e.Inter1, tt.inter)
		}
	}
}

// TestACLEDTypes checks the ACLED type and sub-type of the first happened
// event of sentences where the weapon, the target or the victim decides.
func TestACLEDTypes(t *testing.T) {
	tests := []struct{ text, typ, sub string }{
		{"Insurgents attacked an army tank near the bridge on Monday, killing two soldiers.", "Battles", "Armed clash"},
		// civilians: no longer under arms, or children
		{"Gunmen shot dead a former soldier outside his shop in Kandahar on Monday.", "Violence against civilians", "Attack"},
		{"Two girls were wounded by army fire near the market on Monday.", "Violence against civilians", "Attack"},
		// a thrown explosive is an explosion, whatever CAMEO makes of the verb
		{"On Sunday a grenade was hurled into a police pickup in Kismayo.", "Explosions/Remote violence", "Grenade"},
		{"Unknown men threw a bomb at the police station in Bujumbura on Monday.", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		// ground taken from an armed group, not a release or a pardon
		{"Troops cleared two villages of Boko Haram fighters near Bama on Saturday.", "Battles", "Government regains territory"},
		{"Iraqi forces liberated the town from Islamic State fighters on Monday.", "Battles", "Government regains territory"},
		// changing sides: the codebook's change to group
		{"Thirty militiamen switched sides in Menaka on Monday.", "Strategic developments", "Change to group/activity"},
		{"Fifteen police officers joined al-Shabaab fighters in Baidoa on Monday.", "Strategic developments", "Change to group/activity"},
		{"Three army officers defected to the rebels in Kidal on Monday.", "Strategic developments", "Change to group/activity"},
		{"Rebels fired mortars at the army base on Monday.", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"A bomb carried by two militants detonated prematurely on Monday, killing both of them.", "Strategic developments", "Disrupted weapons use"},
		{"On Monday a village elder was shot by gunmen at a cattle market.", "Violence against civilians", "Attack"},
		{"Gunmen shot and killed a nurse outside her clinic on Monday.", "Violence against civilians", "Attack"},
		{"Rebels ambushed and killed four pro-government militia members on Tuesday.", "Battles", "Armed clash"},
		{"Militiamen attacked a remote village on Monday.", "Violence against civilians", "Attack"},
		{"Militiamen attacked an army barracks on Monday.", "Battles", "Armed clash"},
		{"Insurgents raided Kolawa village on Monday.", "Violence against civilians", "Attack"},
		{"Gunmen attacked a minibus on the highway on Monday.", "Violence against civilians", "Attack"},
		{"Gunmen attacked a police vehicle on the highway on Monday.", "Battles", "Armed clash"},
		{"A strike on the convoy killed five soldiers on Monday.", "Battles", "Armed clash"},
		{"Government troops took full control of the town on Monday.", "Battles", "Government regains territory"},
		{"On Friday a bomb planted by rebels killed three guards.", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"Warplanes dropped a bomb on the market on Monday, killing four people.", "Explosions/Remote violence", "Air/drone strike"},
		{"Thirty fighters surrendered to the army on Monday.", "Strategic developments", "Agreement"},
		// unarmed holders of an office and party members are civilians
		{"Unidentified gunmen killed a district official in Beledweyne on Monday.", "Violence against civilians", "Attack"},
		{"Ruling party cadres attacked opposition party members in Kitwe on Monday.", "Violence against civilians", "Attack"},
		// what a weapon destroys is the attack, not property destruction
		{"On Friday an IED planted by rebels wrecked an army truck, killing three soldiers.", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		// gangs are armed: police fighting them is a battle
		{"Police officers killed three gang members in a shootout in Cite Soleil on Monday.", "Battles", "Armed clash"},
		// a name on a place noun names the place, not the target
		{"Gangs attacked the Bel Air neighbourhood on Monday, killing six residents.", "Violence against civilians", "Attack"},
		// the looting told next does not make the killing a looting
		{"Militiamen attacked three villages near Djugu on Monday, killing 12 people. The militiamen looted cattle and burned homes.", "Violence against civilians", "Attack"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		var got *sitrep.Event
		for i := range doc.Events {
			if doc.Events[i].ACLEDEventType != "" && doc.Events[i].Modality.Happened() {
				got = &doc.Events[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no ACLED event", tt.text)
			continue
		}
		if got.ACLEDEventType != tt.typ || got.ACLEDSubEventType != tt.sub {
			t.Errorf("%q: %s / %s, want %s / %s", tt.text, got.ACLEDEventType, got.ACLEDSubEventType, tt.typ, tt.sub)
		}
	}
}

// TestNounAgentStopsAtVerb: "by" after a finite verb names who acted on
// the event, not who did it.
func TestNounAgentStopsAtVerb(t *testing.T) {
	doc := code(t, "Students protested in the capital on Monday. The march was interrupted by police.", "2022-03-08")
	for _, e := range doc.Events {
		if e.Type == sitrep.Protest && strings.Contains(names(e.Actor1), "police") {
			t.Errorf("the police interrupted the march, they did not march: %+v", e.Actor1)
		}
	}
	if find(doc, sitrep.Protest, "students") == nil {
		t.Errorf("no protest by the students: %+v", doc.Events)
	}
}

// TestLocationInPhrase: among the places of one phrase, the event is where
// the phrase puts it, not at a namesake abroad the geoparser took for one
// of its parts.
func TestLocationInPhrase(t *testing.T) {
	tests := []struct{ text, place string }{
		{"Gunmen shot dead a shopkeeper in the Baba Wali area of Kandahar city on Monday.", "kandah"},
		{"Students rallied against exam fees in Kombolcha, East Harerge, on Monday.", "kombolcha"},
		{"Two soldiers died when their patrol was ambushed in Arghandab district, Kandahar, on Monday.", "arghand"},
		// a namesake in the same country, far from the city the area lies in
		{"On Tuesday, gunmen killed a shopkeeper in the Shahrak area of Herat city.", "her"},
		// "X district in Y" says X lies in Y as "X area of Y" does
		{"Gunmen killed two policemen in the Masaya neighbourhood in Arish, North Sinai, on Tuesday.", "arish"},
		{"Gunmen killed a shopkeeper in the Shahrak district in Herat city on Tuesday.", "her"},
		// "in" governs every name of a coordination
		{"On Tuesday, three soldiers were killed in Zangabad and Talukan of Panjwai district, Kandahar.", "kandah"},
		// a quoted area name does not hide the preposition
		{"Insurgents shot a traffic policeman dead in the 'Red Gate' area of PD4, Lashkargah city, Helmand, on Tuesday.", "lashkar"},
		// a named site before the border it lies near
		{"Rebels seized the Kamina air base near the Angolan border on Tuesday.", "kamina"},
		{"Near the Angolan border, rebels on Tuesday seized Kamina after a week of fighting.", "kamina"},
		// a place inside an organisation's name is not the scene
		{"Militants attacked the Bank of Ghana in Accra on Tuesday.", "accra"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		if len(doc.Events) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		l := doc.Events[0].Location
		if l == nil || !strings.Contains(strings.ToLower(l.Name), tt.place) {
			t.Errorf("%q: location %+v, want %s", tt.text, l, tt.place)
		}
	}
}

// TestSceneCarriesOver: an event of a later sentence of a paragraph that
// names no place happened where the paragraph put things; a denial or a
// call does not take the scene, nor does another paragraph.
func TestSceneCarriesOver(t *testing.T) {
	tests := []struct {
		text  string
		typ   sitrep.EventType
		in    string // the event's sentence begins so
		place string // "" wants no location
	}{
		{"Hundreds of traders gathered in Kisumu on Monday over new market fees. Police fired tear gas to disperse the crowd.", sitrep.Assault, "Police", "kisumu"},
		{"Gunshots were heard near the police station in Bunia overnight. One officer was wounded by the gunmen.", sitrep.Assault, "One", "bunia"},
		{"Gunshots were heard near the police station in Bunia overnight.\n\nOne officer was wounded by the gunmen.", sitrep.Assault, "One", ""},
		{"Militants shelled the market in Kismayo on Monday. The group denied attacking civilians.", sitrep.Reject, "The group", ""},
		// nothing before it: the place the paragraph names next
		{"Twelve fighters were killed on Monday. Witnesses said the bodies lay in the streets of Galkayo.", sitrep.Assault, "Twelve", "kacyo"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		var e *sitrep.Event
		for i := range doc.Events {
			if doc.Events[i].Type == tt.typ && strings.HasPrefix(doc.Events[i].Evidence.Text, tt.in) {
				e = &doc.Events[i]
			}
		}
		if e == nil {
			t.Errorf("%q: no %s event in the sentence %q: %+v", tt.text, tt.typ, tt.in, doc.Events)
			continue
		}
		name := ""
		if e.Location != nil {
			name = strings.ToLower(e.Location.Name)
		}
		if tt.place == "" && name != "" || tt.place != "" && !strings.Contains(name, tt.place) {
			t.Errorf("%q: %s at %q, want %q", tt.text, tt.typ, name, tt.place)
		}
	}
}

// TestLocationGeoparserReadings codes sentences again after changing how
// the geoparser read one of their places, to pin the event coder's choice
// for readings the geoparser may give.
func TestLocationGeoparserReadings(t *testing.T) {
	tests := []struct {
		text   string
		edit   func(p *sitrep.Place) bool // false drops the place
		place  string
		nowant string
	}{
		// the recogniser took "Gulai of Garmsir" for an organisation, so
		// the geoparser marks the district as embedded in it: after "in"
		// and before "district" it is still the scene, not the province
		{"On Tuesday, a landmine killed a shepherd in Gulai of Garmsir district, Helmand.", func(p *sitrep.Place) bool {
			if p.Text == "Garmsir" {
				p.Role = sitrep.RoleEmbedded
			}
			return p.Text != "Gulai"
		}, "garms", ""},
		// a site named after its town, after "at": the town
		{"On Tuesday, a rocket hit the car park at Kharkiv Regional Hospital.", func(p *sitrep.Place) bool {
			if p.Text == "Kharkiv" {
				p.Role = sitrep.RoleEmbedded
			}
			return true
		}, "kharkiv", ""},
		// an organisation named after its town, as a party: no scene
		{"Gunmen attacked the staff of Kabul Bank on Tuesday.", func(p *sitrep.Place) bool {
			if p.Text == "Kabul" {
				p.Role = sitrep.RoleEmbedded
			}
			return true
		}, "", "kabul"},
		// an embedded country without a unit word after it stays out
		{"Militants attacked the Bank of Ghana on Tuesday.", func(p *sitrep.Place) bool {
			if p.Text == "Ghana" {
				p.Role = sitrep.RoleEmbedded
			}
			return true
		}, "", "ghana"},
	}
	coder, err := event.New(event.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		var kept []sitrep.Place
		for _, p := range doc.Places {
			if tt.edit(&p) {
				kept = append(kept, p)
			}
		}
		doc.Places, doc.Events = kept, nil
		if err := coder.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		l := doc.Events[0].Location
		name := ""
		if l != nil {
			name = strings.ToLower(l.Name)
		}
		if tt.place != "" && !strings.Contains(name, tt.place) || tt.nowant != "" && strings.Contains(name, tt.nowant) {
			t.Errorf("%q: location %+v, want %q, not %q", tt.text, l, tt.place, tt.nowant)
		}
	}
}

func TestMergeWithinReport(t *testing.T) {
	text := "Rebels Retreat From Northern Town\n\nHundreds of rebel fighters retreated from the town of Kora to the hills on Sunday, the Daily Herald reported.\n\nThe rebels' retreat came after days of heavy shelling. A local official told Radio Kora that the retreat was over."
	doc := code(t, text, "2022-03-08")
	n := 0
	var ev *sitrep.Event
	for i := range doc.Events {
		if doc.Events[i].Type == sitrep.Retreat {
			n++
			ev = &doc.Events[i]
		}
	}
	if n != 1 {
		t.Fatalf("%d retreat events, want the headline, lede and later mentions merged into 1", n)
	}
	if len(ev.Mentions) < 3 {
		t.Errorf("%d mentions, want at least 3", len(ev.Mentions))
	}
	var srcs []string
	for _, s := range ev.Sources {
		srcs = append(srcs, s.Name)
	}
	if got := strings.Join(srcs, ","); !strings.Contains(got, "Daily Herald") || !strings.Contains(got, "Radio Kora") {
		t.Errorf("sources %q, want the Daily Herald and Radio Kora", got)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := event.DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	cfg := event.DefaultConfig()
	cfg.MinConfidence = 2
	if _, err := event.New(cfg); err == nil || !strings.Contains(err.Error(), "MinConfidence") {
		t.Fatalf("New with MinConfidence 2: err = %v, want one naming the field", err)
	}
}

func TestNoTokensWarns(t *testing.T) {
	c, err := event.New(event.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	doc := sitrep.NewDocument(sitrep.Article{Text: "Rebels attacked the town."})
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 25}}}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 0 || len(doc.Warnings) != 1 {
		t.Fatalf("events %d, warnings %v; want none and one warning", len(doc.Events), doc.Warnings)
	}
}

func TestCancelled(t *testing.T) {
	c, _ := event.New(event.DefaultConfig())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := code(t, "Rebels attacked the town.", "2022-03-08")
	doc.Events = nil
	if err := c.Annotate(ctx, doc); err == nil {
		t.Fatal("Annotate on a cancelled context returned no error")
	}
}

func Example() {
	p, _ := pipeline.New(pipeline.DefaultConfig())
	doc := sitrep.NewDocument(sitrep.Article{
		Text:      "Militants ambushed a police convoy on Tuesday, killing six officers, the provincial governor said.",
		Published: time.Date(2023, 6, 8, 0, 0, 0, 0, time.UTC),
	})
	_ = p.Run(context.Background(), doc)
	e := doc.Events[0]
	fmt.Println(e.Type, e.ACLEDEventType, "/", e.ACLEDSubEventType, e.Modality, e.Date.Start, *e.Fatalities)
	// Output: ASSAULT Battles / Armed clash reported 2023-06-06 6
}

// TestSpeakers pins who an event is told by: the speaker's whole phrase,
// the subject of a first verb that "and said" continues, and how far a
// paragraph's speaker carries.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		text    string
		typ     sitrep.EventType
		in      string // the event's sentence begins so
		speaker string // the event's speakers, joined by "; "; "" wants none
	}{
		{"Two shells hit a school in Kadugli on Friday, killing nine people, most of them pupils, the school's teachers said.",
			sitrep.Assault, "Two shells", "school's teachers"},
		{"The district health office said four people were killed in the raid on Rumbek.",
			sitrep.Assault, "The district", "district health office"},
		{"Kenya's navy said it shelled militant positions near Lamu on Sunday.",
			sitrep.Assault, "Kenya", "Kenya's navy"},
		{"The African Union mission called on both sides to stop the shelling of Baidoa and said it was alarmed by the deaths of civilians.",
			sitrep.Request, "The African", "African Union mission"},
		// a speech act of its own: the paragraph's speaker does not tell it
		{"Police said gunmen killed three traders in Mandera. A spokesman for the Shabaab group denied that its fighters had attacked the market.",
			sitrep.Reject, "A spokesman", ""},
		// the next sentence continues the speaker's account
		{"Police said gunmen opened fire on a bus near Mandera on Monday. A police post near Wajir was attacked overnight.",
			sitrep.Assault, "A police", "police"},
		// background after a sentence without events is the outlet's
		{"Residents said they heard gunfire near Mandera. There was no independent confirmation. Government forces attacked the town in 2019.",
			sitrep.Assault, "Government", ""},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-03-08")
		var e *sitrep.Event
		for i := range doc.Events {
			if doc.Events[i].Type == tt.typ && strings.HasPrefix(doc.Events[i].Evidence.Text, tt.in) {
				e = &doc.Events[i]
				break
			}
		}
		if e == nil {
			t.Errorf("%q: no %s event in the sentence %q: %+v", tt.text, tt.typ, tt.in, doc.Events)
			continue
		}
		var got []string
		for _, s := range e.Sources {
			if s.Role == sitrep.RoleSpeaker {
				got = append(got, s.Name)
			}
		}
		if g := strings.Join(got, "; "); g != tt.speaker {
			t.Errorf("%q: %s told by %q, want %q", tt.text, tt.typ, g, tt.speaker)
		}
		if tt.typ == sitrep.Request && e.Actor1 == nil {
			t.Errorf("%q: the speaker of \"and said\" is no longer the request's actor", tt.text)
		}
	}
}

// TestDisplacement: people forced to flee did flee, and their flight is
// no transfer of territory.
func TestDisplacement(t *testing.T) {
	doc := code(t, "Militiamen attacked three villages near Djugu on Monday, forcing hundreds of families to flee.", "2022-03-08")
	e := find(doc, sitrep.Retreat, "")
	if e == nil {
		t.Fatalf("no RETREAT event: %+v", doc.Events)
	}
	if !e.Modality.Happened() {
		t.Errorf("the flight is %s, want it to have happened", e.Modality)
	}
	if e.ACLEDEventType != "" {
		t.Errorf("the flight is coded as ACLED %s / %s, want no ACLED type", e.ACLEDEventType, e.ACLEDSubEventType)
	}
}

// TestOneEventPerHappening counts the ASSAULT events of reports that
// tell one happening again: a headline that names the lede's actors in
// other words, a toll told again, an actorless blast of the same weapon;
// and of reports that tell two (actors the dictionary tells apart, places
// far apart, the same toll somewhere else).
func TestOneEventPerHappening(t *testing.T) {
	tests := []struct {
		text   string
		events int              // events of the type wanted
		typ    sitrep.EventType // ASSAULT when empty
	}{
		// the headline is the lede's event
		{"Police officers killed in ambush near Wajir\n\nGunmen ambushed a police patrol near Wajir on Monday, killing four officers, local officials said.", 1, ""},
		{"Gunmen kill farmers near Jos\n\nArmed men attacked farmers near Jos on Monday, killing seven, police said.", 1, ""},
		// a headline about another happening stays apart
		{"Russian missiles kill five in Kharkiv\n\nUkrainian drones hit an oil depot in Belgorod on Monday, the regional governor said.", 2, ""},
		{"Gunmen kill five in Maiduguri\n\nArmed men attacked a bus near Kano on Monday, killing three, police said.", 2, ""},
		// a toll or a weapon told again
		{"Fighting between two armed groups killed at least seven people in Zawiya on Monday. The local hospital said seven people were killed, including a child.", 1, ""},
		{"A car bomb exploded near a hotel in Baidoa on Friday, killing five people. The bomb was detonated as guards tried to stop the car, police said.", 1, ""},
		// the same toll somewhere else
		{"Gunmen killed two soldiers in Gao on Monday. In Kidal, two civilians were killed on Monday.", 2, ""},
		// some of the wounded died: the same fight
		{"Gunmen opened fire on a bus near Mandera on Monday, wounding six passengers.\n\nTwo of the wounded died overnight in hospital, police said.", 1, ""},
		// the attacks a killing was done in are the killing
		{"Gunmen killed at least 20 villagers in attacks on two hamlets in Nigeria's Zamfara state on Sunday, police said.", 1, ""},
		// "in a separate incident" opens a sentence of another happening
		{"Al-Shabaab fighters attacked an army base in Lower Shabelle on Monday, killing 3 soldiers.\n\nIn a separate incident, a roadside bomb killed 3 civilians in Mogadishu on Monday.", 2, ""},
		// a string of attacks told as context is no event of its own
		{"The rebels said on Monday they had fired rockets at a Greek-owned tanker, the latest in a string of attacks on shipping in the Red Sea.", 1, ""},
		// a verb coded by its object and the object noun are one act
		{"Turkey reimposed blockades on two border crossings on Friday.", 1, sitrep.Coerce},
		{"Angola's president will host talks between the two ministers in Luanda next week.", 1, sitrep.Consult},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		typ := cmp.Or(tt.typ, sitrep.Assault)
		n := 0
		for _, e := range doc.Events {
			if e.Type == typ {
				n++
			}
		}
		if n != tt.events {
			t.Errorf("%q: %d %s events, want %d: %+v", tt.text, n, typ, tt.events, doc.Events)
		}
	}
}

// TestTroopsVisitNoOne: CAMEO's "arrive" is a visit of officials; troops
// or gunmen that arrive somewhere consult no one.
func TestTroopsVisitNoOne(t *testing.T) {
	for _, text := range []string{
		"Government reinforcements arrived in Kidal on Monday.",
		"The gunmen arrived on motorbikes on Saturday morning and set fire to homes.",
	} {
		doc := code(t, text, "2022-03-08")
		if e := find(doc, sitrep.Consult, ""); e != nil {
			t.Errorf("%q: coded as a consultation: %+v", text, *e)
		}
	}
}

// TestWeaponsAreNoParty: using a weapon is an attack by its user, and a
// weapon acted on ("shot down 11 drones") is no party to it.
func TestWeaponsAreNoParty(t *testing.T) {
	for _, text := range []string{
		"The rebels used drones and mortars near Marib on Monday.",
		"Ukraine's air force said it had shot down 31 of the 40 drones launched overnight.",
	} {
		doc := code(t, text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no ASSAULT event: %+v", text, doc.Events)
			continue
		}
		if e.Actor1 == nil {
			t.Errorf("%q: no actor1", text)
		}
		if e.Actor2 != nil {
			t.Errorf("%q: actor2 %q, want none", text, e.Actor2.Name)
		}
	}
}

// TestTargetIsNoDoer: a participle's stray subject does not make the
// event's target its doer ("killing" read with the camp's people as its
// subject).
func TestTargetIsNoDoer(t *testing.T) {
	for _, text := range []string{
		"Two bombs exploded in a camp for displaced people near Goma on Friday, killing 12 people.",
		"A policeman died and four others were hurt when a roadside bomb went off beside their checkpoint in Sheikh Zuweid on Monday.",
		// the owner of the target did not attack it
		"A convoy of the Libyan National Army was ambushed south of Sirte on Friday, killing four soldiers.",
	} {
		doc := code(t, text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no ASSAULT event: %+v", text, doc.Events)
			continue
		}
		if e.Actor1 != nil && e.Actor2 != nil && strings.EqualFold(e.Actor1.Name, e.Actor2.Name) || e.Actor1 != nil && (victimLike(e.Actor1.Name) || strings.Contains(text, "convoy of the "+e.Actor1.Name)) {
			t.Errorf("%q: %q did it to %v", text, e.Actor1.Name, names(e.Actor2))
		}
	}
}

func victimLike(name string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(name)) {
		switch w {
		case "people", "policeman", "policemen", "civilians", "displaced":
			return true
		}
	}
	return false
}

// TestSpeechActOfTheSpeaker: a speech act the parser hangs on a reported
// clause with no actor as subject is the speaker's; one on a clause whose
// subject is an actor stays that actor's. Weapons used by no one named are
// the fighting told already.
func TestSpeechActOfTheSpeaker(t *testing.T) {
	doc := code(t, "The army's spokesman said the air force had struck a rebel camp near Bamako and denied that civilians were killed.", "2022-03-08")
	if e := find(doc, sitrep.Reject, ""); e == nil || e.Actor1 == nil || !strings.Contains(names(e.Actor1), "air force") {
		t.Errorf("the denial is not the air force's: %+v", doc.Events)
	}
	doc = code(t, "Residents said machine guns and rocket-propelled grenades were used until after midnight.", "2022-03-08")
	if e := find(doc, sitrep.Assault, ""); e != nil {
		t.Errorf("weapons used by no one coded as an attack: %+v", *e)
	}
}
