package event_test

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// TestUnarmedTargets: an attack on a populated place or on unarmed people
// with no armed side is violence against civilians; the same words with
// an armed target or a fight stay a battle.
func TestUnarmedTargets(t *testing.T) {
	const vac, battle = "Violence against civilians / Attack", "Battles / Armed clash"
	tests := []struct{ name, text, want string }{
		// a village, a camp, a community, homes named as the target
		{"raid on a village", "Two herders died in a bandit raid on Kadisau village on Monday.", vac},
		{"incursion into a village", "Insurgents made an incursion into Mairamri village on Monday, killing three.", vac},
		{"attack on a camp", "Unknown gunmen attacked Kasha camp near Goma on Tuesday, wounding five.", vac},
		{"the villages of", "Armed herders attacked the villages of Kwall and Zanwra on Sunday, killing 11.", vac},
		{"communities", "Gunmen invaded two fishing communities near Epe on Monday, killing 9 residents.", vac},
		{"fire on residential areas", "On Monday rebel gunmen opened fire on residential areas in Wau.", vac},
		{"a residential block", "Rebel gunmen opened fire on a residential block in Wau on Monday.", vac},
		{"unarmed people as the object of a conjunct verb", "Gunmen attacked and raped displaced women near Kalma on Monday.", vac},
		{"wounded farmers", "Militiamen opened fire on Gidan Bawa, wounding 4 farmers on Monday.", vac},
		{"members of another party", "Ruling party cadres attacked members of the opposition party in Kitwe on Monday.", vac},
		// a policeman killed at home is off duty, a civilian
		{"killed at his home", "Militants shot dead a police officer at his home in Quetta on Friday.", vac},
		{"the policeman's house", "Four insurgents stormed a policeman's house in Mardan on Friday and killed him.", vac},
		{"killed inside their homes", "Three soldiers were killed by gunmen inside their homes near Rafah on Friday.", vac},
		// an exchange that is no fire, an engagement that is no fight
		{"in exchange for a ransom", "Gunmen attacked Kadisau village on Monday, killing three farmers, and released the hostages in exchange for a ransom.", vac},
		{"engaged in rustling", "Bandits who engaged in cattle rustling attacked Kadisau village on Monday, killing three farmers.", vac},
		// no over-firing: an armed target, an armed victim, a fight
		{"exchanged fire", "Gunmen attacked Kadisau village on Monday and exchanged fire with vigilantes, killing three farmers.", battle},
		{"a military base near a village", "Bandits attacked a military base near Kadisau village on Monday.", battle},
		{"a police post in a village", "Insurgents attacked a police post in the village of Gidan Bawa on Monday.", battle},
		{"a clash in a village", "Militiamen clashed with soldiers in Kiwanja village on Monday, killing four.", battle},
		{"fighting between two communities", "One man was killed during fighting between Hema and Lendu villagers on Monday.", battle},
		{"troops raid a militant's home", "Soldiers raided the home of a militant commander in Kandahar on Monday, killing him.", battle},
		{"guards among those attacked", "Gunmen attacked Kasha camp and the guards at its gate near Goma on Tuesday.", battle},
		{"a camp of armed men", "Troops attacked a rebel camp near Bunia on Monday.", battle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2022-03-08")
			got := acledOf(doc, sitrep.Assault)
			if got != tt.want {
				t.Errorf("%q: ACLED %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// acledOf returns "type / sub-type" of the first happened event of typ
// that has an ACLED type.
func acledOf(doc *sitrep.Document, typ sitrep.EventType) string {
	for _, e := range doc.Events {
		if e.Type == typ && e.ACLEDEventType != "" && e.Modality.Happened() {
			return e.ACLEDEventType + " / " + e.ACLEDSubEventType
		}
	}
	return ""
}

// TestKnownMisses: readings earlier reviews found missing, each a rule of
// its own.
func TestKnownMisses(t *testing.T) {
	tests := []struct {
		name, text string
		typ        sitrep.EventType
		a1         string
		modality   sitrep.Modality
		acled      string // "" when the event must have none
	}{
		{"accused of shelling", "M23 rebels accused the army of shelling civilians in Rutshuru on Monday.",
			sitrep.Assault, "army", sitrep.Alleged, "Explosions/Remote violence / Shelling/artillery/missile attack"},
		{"stabbed to death", "A shopkeeper was stabbed to death in Kisangani on Monday.",
			sitrep.Assault, "", sitrep.Asserted, "Violence against civilians / Attack"},
		{"beaten to death, tagged an adjective", "A trader was beaten to death in Kisangani on Monday.",
			sitrep.Assault, "", sitrep.Asserted, "Violence against civilians / Attack"},
		{"party cadres beat residents", "Opposition cadres beat residents in Chawama on Saturday.",
			sitrep.Assault, "", sitrep.Asserted, "Violence against civilians / Attack"},
		{"burning tyres", "Residents burnt tyres and blocked the road in Kasindi on Monday.",
			sitrep.Protest, "residents", sitrep.Asserted, "Riots / Violent demonstration"},
		{"burning tyres alone", "Youths burnt tyres on the main road in Butembo on Monday.",
			sitrep.Protest, "youths", sitrep.Asserted, "Riots / Violent demonstration"},
		{"defused bombs", "In Mandera on Monday, three explosive devices were found and defused by police.",
			sitrep.Coerce, "police", sitrep.Asserted, "Strategic developments / Disrupted weapons use"},
		{"a device found and defused", "Soldiers found and defused an improvised explosive device in Kidal on Monday.",
			sitrep.Coerce, "soldiers", sitrep.Asserted, "Strategic developments / Disrupted weapons use"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text, "2022-03-08")
			e := find(doc, tt.typ, tt.a1)
			if e == nil {
				t.Fatalf("%q: no %s by %q in %s", tt.text, tt.typ, tt.a1, summary(doc))
			}
			if e.Modality != tt.modality {
				t.Errorf("%q: modality %s, want %s", tt.text, e.Modality, tt.modality)
			}
			got := ""
			if e.ACLEDEventType != "" {
				got = e.ACLEDEventType + " / " + e.ACLEDSubEventType
			}
			if got != tt.acled {
				t.Errorf("%q: ACLED %q, want %q", tt.text, got, tt.acled)
			}
		})
	}
}

// TestSeizures: a seizure is ACLED's disrupted weapons use only when
// weapons are taken; livestock taken by gunmen is looting, drugs seized
// by the police no ACLED event and no territory, and a theft given as the
// reason for an attack is no event of its own.
func TestSeizures(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Police seized 12 rifles and ammunition in Garissa on Monday.", "Strategic developments / Disrupted weapons use"},
		{"Soldiers confiscated a cache of grenades in Gao on Monday.", "Strategic developments / Disrupted weapons use"},
		{"Gunmen stole 40 cattle from herders near Kadugli on Monday.", "Strategic developments / Looting/property destruction"},
		{"A man suspected of stealing a motorbike was beaten to death by a mob in Kisumu on Monday.", "Riots / Mob violence"},
		// defusing or deactivating no device is no seizure at all
		{"Mediators defused tensions between the two communities in Jos on Monday.", ""},
		{"Facebook deactivated dozens of accounts linked to the rebel group on Monday.", ""},
		// praise names the act itself, not a reason for another
		{"The governor praised soldiers for confiscating 200 rifles from militants in Gao on Monday.", "Strategic developments / Disrupted weapons use"},
		// things seized are no territory taken; ground is
		{"Police seized two tonnes of cannabis in Garissa on Monday.", ""},
		{"Rebels seized the town of Kalehe on Monday.", "Battles / Non-state actor overtakes territory"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		got := ""
		for _, e := range doc.Events {
			if e.ACLEDEventType != "" && e.Modality.Happened() {
				got = e.ACLEDEventType + " / " + e.ACLEDSubEventType
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q: ACLED %q, want %q (%s)", tt.text, got, tt.want, summary(doc))
		}
	}
}

// TestNoAttack: words of violence that tell of none.
func TestNoAttack(t *testing.T) {
	for _, text := range []string{
		"The ruling party beat the opposition in the elections on Sunday.",
		"The home side beat the visitors in the cup final on Saturday.",
		// a bomb word that would code an explosion, but the bomb was
		// defused: the defusing is the event
		"A roadside bomb was defused by soldiers near Kidal on Monday.",
		"Army engineers defused a car bomb outside the governor's office in Gao on Tuesday.",
	} {
		doc := code(t, text, "2022-03-08")
		for _, e := range doc.Events {
			if e.Type == sitrep.Assault {
				t.Errorf("%q: coded %s", text, summary(doc))
			}
		}
	}
}

// TestBeatingNearElection: "beat" in a sentence about an election is a
// blow when the sentence tells of harm or of what people were beaten with.
func TestBeatingNearElection(t *testing.T) {
	for _, text := range []string{
		"Police beat opposition supporters with batons in Harare on Monday ahead of the presidential election.",
		"Soldiers beat two voters to death at a polling station in Harare during the election on Sunday.",
	} {
		doc := code(t, text, "2022-03-08")
		if find(doc, sitrep.Assault, "") == nil {
			t.Errorf("%q: no assault in %s", text, summary(doc))
		}
	}
}

// summary lists a document's events for a failure message.
func summary(doc *sitrep.Document) string {
	var b strings.Builder
	for _, e := range doc.Events {
		b.WriteString("[" + string(e.Type) + " " + names(e.Actor1) + " -> " + names(e.Actor2) + " " + e.ACLEDEventType + "/" + e.ACLEDSubEventType + "] ")
	}
	return b.String()
}

// TestStaffSent: sending or hiring unarmed staff mobilises no armed group:
// no troops and no ACLED change to group; troops and recruits still are.
func TestStaffSent(t *testing.T) {
	tests := []struct{ text, mode, acled string }{
		{"Kenya dispatched a dozen forensic experts to Goma on Friday.", "", ""},
		{"The UN deployed a team of doctors to Goma on Monday.", "", ""},
		// guards
		{"The army deployed 500 troops to Kumbo on Monday.", "troops", "Strategic developments"},
		{"Rebels recruited 200 young men in Bunia last month.", "troops", "Strategic developments"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		e := find(doc, sitrep.Mobilize, "")
		if e == nil || e.Mode != tt.mode || e.ACLEDEventType != tt.acled {
			t.Errorf("%q: want a mobilisation with mode %q and ACLED %q: %s", tt.text, tt.mode, tt.acled, summary(doc))
		}
	}
}

// TestCapturedPeople: a capture of people takes no ground: civilians
// taken are abducted, armed men taken by the state arrested (a COERCE),
// and a group's capture of soldiers is a clash; a town, a base or a camp
// captured is still territory.
func TestCapturedPeople(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Soldiers captured a militant commander near Kidal on Monday.", "COERCE Strategic developments / Arrests"},
		{"Rebels captured two aid workers near Kidal on Monday.", "ASSAULT Violence against civilians / Abduction/forced disappearance"},
		{"Rebels captured three soldiers near Kidal on Monday.", "ASSAULT Battles / Armed clash"},
		// captured and killed: the killing decides
		{"Soldiers captured and executed two militants near Kidal on Monday.", "ASSAULT Battles / Armed clash"},
		{"Rebels captured two aid workers near Kidal on Monday and killed them.", "ASSAULT Violence against civilians / Attack"},
		{"Soldiers captured a militant near Kidal and killed him on Monday.", "ASSAULT Battles / Armed clash"},
		// guards
		{"Troops captured the town of Kidal on Monday.", "ASSAULT Battles / Government regains territory"},
		{"Rebels captured an army base near Kidal on Monday.", "ASSAULT Battles / Non-state actor overtakes territory"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		got := ""
		if len(doc.Events) > 0 {
			e := doc.Events[0]
			got = string(e.Type) + " " + e.ACLEDEventType + " / " + e.ACLEDSubEventType
		}
		if got != tt.want {
			t.Errorf("%q: %q, want %q: %s", tt.text, got, tt.want, summary(doc))
		}
	}
}

// TestCrowdControl: tear gas and water cannon are used on crowds: the
// state's forces that fire them intervene in a protest, whether or not
// the sentence names it.
func TestCrowdControl(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Police fired tear gas in Kano on Monday.", "Protests / Protest with intervention"},
		{"Police used water cannon in Kano on Monday.", "Protests / Protest with intervention"},
		{"Police fired tear gas and live rounds in Kano on Monday, killing two people.", "Protests / Excessive force against protesters"},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2026-03-12")
		if got := acledOf(doc, sitrep.Assault); got != tt.want {
			t.Errorf("%q: ACLED %q, want %q: %s", tt.text, got, tt.want, summary(doc))
		}
	}
}
