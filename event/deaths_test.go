package event_test

import (
	"testing"

	"github.com/sitrep/sitrep"
)

// TestDeadOfTheAttack: a doerless killing "in the attack" or "during the
// raid" a sentence or two after an attack is that attack's toll, not a
// second event; "the number of people killed" asks for a figure and gives
// none, while "a number of" people killed is the codebook's vague count.
// Whoever died or perished was killed: the subject of "die" is no doer.
// Dead "in the clashes" after a one-sided attack stay apart: a fight has
// two sides.
func TestDeadOfTheAttack(t *testing.T) {
	const lede = "Gunmen attacked the village of Kaya in Burkina Faso on Sunday. "
	tests := []struct {
		name       string
		text       string
		events     int // assaults coded
		fatalities int // of the first assault, -1 for none
	}{
		{"in the attack", lede + "Eight villagers were killed in the attack.", 1, 8},
		{"during the raid", lede + "Four villagers were shot dead during the raid, a local official said.", 1, 4},
		{"the number asked", lede + "A spokesman did not give the number of people killed in the attack.", 1, -1},
		{"a number of", lede + "A number of civilians were killed in the attack.", 1, 10},
		// who dies is the one the attack killed, not its doer
		{"died in the attack", lede + "Three soldiers died in the attack.", 1, 3},
		{"perished during the raid", lede + "Two militiamen perished during the raid.", 1, 2},
		{"died, no cause told", lede + "Two farmers died.", 1, 2},
		// guards: a death with a cause of its own that is no attack
		{"died of cholera", lede + "Two farmers died of cholera in the camp.", 1, -1},
		// guards
		{"in the clashes", lede + "At least 17 villagers were killed in the clashes that ensued.", 2, -1},
		{"an attack elsewhere", lede + "Eight people were killed in an attack on a bus in Dori.", 2, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2024-05-06")
			first, n := assaults(doc)
			if n != tt.events {
				t.Fatalf("%d assaults, want %d: %s", n, tt.events, summary(doc))
			}
			if got := dead(first); got != tt.fatalities {
				t.Errorf("fatalities of the first assault %d, want %d: %s", got, tt.fatalities, summary(doc))
			}
		})
	}
}

// TestPeacefulDeaths: deaths from disease, accidents or old age, with no
// attack in the report, code no event; deaths by violence do.
func TestPeacefulDeaths(t *testing.T) {
	tests := []struct {
		text string
		want int // assaults
	}{
		{"Hundreds of children died of measles in the camp last month.", 0},
		{"Two fishermen died when their boat capsized off Benghazi on Monday.", 0},
		{"The former governor died in hospital in Kano on Monday.", 0},
		{"Five passengers died in a bus crash near Kano on Sunday.", 0},
		{"Three soldiers died of their wounds in Kano on Monday.", 1},
		{"Four soldiers died in clashes with rebels near Kano on Monday.", 1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-06")
		if _, n := assaults(doc); n != tt.want {
			t.Errorf("%q: %d assaults, want %d: %s", tt.text, n, tt.want, summary(doc))
		}
	}
}

// TestPronounDead: "shot him dead" kills one, and a lone person shot by
// armed men, named by no side, is a civilian attacked; "gunmen shot/NN him"
// is a verb whatever the tagger said.
func TestPronounDead(t *testing.T) {
	tests := []struct {
		text  string
		want  int // fatalities, -1 for none
		acled string
	}{
		{"Gunmen stopped a trader near Kidal on Monday and shot him dead.", 1, "Violence against civilians"},
		{"Gunmen shot her dead in Kidal on Monday.", 1, "Violence against civilians"},
		{"Gunmen shot him in Kidal on Monday.", -1, "Violence against civilians"},
		{"Gunmen shot two traders dead in Kidal on Monday.", 2, "Violence against civilians"},
		// guards: the other side of a fight; "him" standing for an armed
		// man told before the verb
		{"Troops cornered a rebel commander near Kidal on Monday and shot him dead.", 1, "Battles"},
		{"Police tracked down a gang leader in Kano on Monday and shot him dead.", 1, "Battles"},
		{"Soldiers clashed with rebels near Kidal on Monday and killed four of them.", 4, "Battles"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2024-05-06")
		e := find(doc, sitrep.Assault, "")
		if e == nil {
			t.Errorf("%q: no assault: %s", tt.text, summary(doc))
			continue
		}
		got := dead(e)
		if got != tt.want || e.ACLEDEventType != tt.acled {
			t.Errorf("%q: fatalities %d, %s; want %d, %s: %s", tt.text, got, e.ACLEDEventType, tt.want, tt.acled, summary(doc))
		}
	}
}

// TestNaturalKillings: a killing no one did, by a disaster, a disease or
// an accident, codes no attack, told with "kill" as much as with "die";
// violence named beside the cause still codes one.
func TestNaturalKillings(t *testing.T) {
	tests := []struct {
		text string
		want int // assaults
	}{
		{"A building collapsed in Kano on Monday, killing five people.", 0},
		{"Five people were killed in a bus crash near Kano on Sunday.", 0},
		{"Floods killed 20 people in Maiduguri on Monday.", 0},
		{"A landslide killed 12 miners near Rubaya on Monday.", 0},
		{"Lightning killed two herders near Kadugli on Monday.", 0},
		{"Cholera has killed 40 people in camps near Goma this month.", 0},
		// guards
		{"A house collapsed after an air strike in Gaza on Monday, killing five people.", 1},
		{"Gunmen killed five people near Kano, where floods had displaced thousands.", 1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		if _, n := ofType(doc, sitrep.Assault); n != tt.want {
			t.Errorf("%q: %d assaults, want %d: %s", tt.text, n, tt.want, summary(doc))
		}
	}
}

// TestSuccumbed: "succumbed to" a wound is a death by violence, its
// subject the one killed, as "died of his wounds"; to an illness it is no
// event; to anything else it keeps CAMEO's yielding. The wounded who
// "later" die add to the attack that wounded them.
func TestSuccumbed(t *testing.T) {
	tests := []struct {
		text   string
		typ    sitrep.EventType
		n      int    // events of typ
		victim string // actor2's text of the first, when n > 0 and typ is ASSAULT
		dead   int
	}{
		{"A wounded soldier succumbed to his injuries in hospital in Gao on Tuesday.", sitrep.Assault, 1, "soldier", 1},
		{"Two militiamen succumbed to gunshot wounds in Bunia on Tuesday.", sitrep.Assault, 1, "Two militiamen", 2},
		{"Gunmen attacked a bus near Gao on Monday, wounding five passengers. Two of the wounded later succumbed to their injuries.", sitrep.Assault, 1, "five passengers", 2},
		{"Gunmen attacked a bus near Gao on Monday, wounding five passengers. Two of the wounded later died.", sitrep.Assault, 1, "five passengers", 2},
		{"An elderly woman succumbed to cholera in a camp near Goma.", sitrep.Assault, 0, "", -1},
		{"An elderly woman succumbed to cholera in a camp near Goma.", sitrep.Concede, 0, "", -1},
		// guard: yielding to pressure
		{"The mayor succumbed to pressure from traders in Kano on Monday.", sitrep.Concede, 1, "", -1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		e, n := ofType(doc, tt.typ)
		if n != tt.n {
			t.Errorf("%q: %d %s events, want %d: %s", tt.text, n, tt.typ, tt.n, summary(doc))
			continue
		}
		if n == 0 || tt.typ != sitrep.Assault {
			continue
		}
		if e.Actor2 == nil || e.Actor2.Text != tt.victim || e.Actor1 != nil && e.Actor1.Text == tt.victim || dead(e) != tt.dead {
			t.Errorf("%q: want an assault on %q with %d dead: %s", tt.text, tt.victim, tt.dead, summary(doc))
		}
	}
}

// TestAttackToldOn: a paragraph that goes on telling the lede's attack,
// through "the attackers", a quote in which "they" are the attackers and
// the wounded who later died, adds to that one attack, however many
// sentences it takes; its dead add to the lede's, and the attackers'
// withdrawal at its end is no transfer of territory.
func TestAttackToldOn(t *testing.T) {
	const text = "Armed separatists attacked a village near Kumbo on Tuesday, killing four civilians, local officials said on Wednesday.\n\n" +
		"The attackers arrived before dawn and opened fire on traders at the weekly market, a village chief said. " +
		"\"They came shooting,\" he said. Two of the wounded later died in hospital in Kumbo, a nurse said. " +
		"The attackers withdrew toward the hills after about an hour."
	doc := code(t, text, "2025-10-16")
	e, n := ofType(doc, sitrep.Assault)
	if n != 1 || dead(e) != 6 {
		t.Fatalf("want one attack with 6 dead: %s", summary(doc))
	}
	r := find(doc, sitrep.Retreat, "")
	if r == nil || r.ACLEDEventType != "" || r.Date == nil || r.Date.Start != "2025-10-14" {
		t.Errorf("want the attackers' withdrawal on the attack's day with no ACLED type: %s", summary(doc))
	}
}

// TestCumulativeToll: a count of the dead over a stretch of time ("have
// been killed since", "this year") sums many events and codes none; the
// present perfect of one ambush still codes it.
func TestCumulativeToll(t *testing.T) {
	tests := []struct {
		text string
		want int // assaults
	}{
		{"Thousands of people have been killed since then, according to aid agencies.", 0},
		{"More than 6,000 people have been killed since the conflict began in 2017.", 0},
		{"At least 300 civilians have been killed in the region this year, the UN said.", 0},
		{"Some 40 soldiers have been killed since January in attacks on the road.", 0},
		// guard
		{"Two soldiers have been killed in an ambush near Kidal, the army said.", 1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		if _, n := ofType(doc, sitrep.Assault); n != tt.want {
			t.Errorf("%q: %d assaults, want %d: %s", tt.text, n, tt.want, summary(doc))
		}
	}
}

// TestLowestFigure: another source's lower figure for the same dead, told
// in a sentence of its own, sets the toll, as ACLED keeps the lowest; a
// vague count ("dozens") or a subset told by no new source does not, and
// the speaker of a figure is no victim.
func TestLowestFigure(t *testing.T) {
	const lede = "Soldiers killed 12 separatist fighters near Meluf on Tuesday, the army said. "
	tests := []struct {
		text string
		dead int
	}{
		{lede + "A spokesman for the rebels said only three of its fighters had died.", 3},
		// guards
		{"Soldiers killed 40 separatist fighters near Meluf on Tuesday, the army said. A rebel spokesman said dozens of them died.", 40},
		{lede + "Three of the dead were commanders.", 12},
		{"A spokesman for the rebels said three of its fighters were killed near Meluf on Tuesday.", 3},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2025-10-16")
		e, _ := ofType(doc, sitrep.Assault)
		if e == nil || dead(e) != tt.dead {
			t.Errorf("%q: want the first assault with %d dead: %s", tt.text, tt.dead, summary(doc))
		}
	}
}

// TestAccusedActToll: an act someone is accused of, told beside the
// speaker's own count of other dead, is an alleged event of its own with
// its own toll.
func TestAccusedActToll(t *testing.T) {
	text := "A rebel spokesman said three of its fighters had died near Meluf on Tuesday and accused the soldiers of killing eight civilians during the operation."
	doc := code(t, text, "2025-10-16")
	var alleged *sitrep.Event
	for i := range doc.Events {
		if e := &doc.Events[i]; e.Type == sitrep.Assault && e.Modality == sitrep.Alleged {
			alleged = e
		}
	}
	if alleged == nil || alleged.Actor2 == nil || alleged.Actor2.Text != "eight civilians" || dead(alleged) != 8 {
		t.Errorf("want an alleged killing of eight civilians with 8 dead: %s", summary(doc))
	}
}

// TestHarmedPeople: "the wounded" and "the injured" name people; caring
// for them attacks no one. The dead among the wounded still count.
func TestHarmedPeople(t *testing.T) {
	tests := []struct {
		text string
		want int // assaults
	}{
		{"Uganda sent two doctors to Bunia on Monday to treat the wounded.", 0},
		{"Nurses cared for the wounded at the hospital in Goma on Monday.", 0},
		{"Among the injured were three children.", 0},
		// guard
		{"Rebels attacked a bus near Gao on Monday, killing four. Two of the wounded later died.", 1},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		if _, n := ofType(doc, sitrep.Assault); n != tt.want {
			t.Errorf("%q: %d assaults, want %d: %s", tt.text, n, tt.want, summary(doc))
		}
	}
}
