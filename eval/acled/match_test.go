package acled

import "testing"

func TestActorMatch(t *testing.T) {
	tests := []struct {
		got, gold string
		want      bool
	}{
		{"Taliban", "Taliban", true},
		{"Al-Shabaab", "Al Shabaab", true},
		{"Afghan military", "Military Forces of Afghanistan (2014-)", true},
		{"Military Forces of Nigeria", "Military Forces of Nigeria (2015-)", true},
		{"Protesters (Zambia)", "Protesters (Zambia)", true},
		{"Unidentified Armed Group (Mali)", "Unidentified Armed Group (Mali)", true},
		// the generic words alone say nothing of which force it was
		{"Military Forces of Nigeria", "Military Forces of Libya (2014-)", false},
		{"Pakistani military", "Military Forces of Afghanistan (2014-)", false},
		// nor does the country in parentheses
		{"Protesters (Nigeria)", "Military Forces of Nigeria (2015-)", false},
		{"Unidentified Armed Group (Mali)", "Militia (Mali)", false},
		{"police", "Police Forces of Egypt (2014-)", false},
		{"", "Taliban", false},
		// a faction's name in parentheses is part of the name
		{"Manu", "Mayi Mayi Militia (Manu)", true},
		{"Islamic State", "Islamic State (Afghanistan)", true},
		{"Afghanistan", "Islamic State (Afghanistan)", false},
	}
	for _, tt := range tests {
		if got := actorMatch(tt.got, tt.gold); got != tt.want {
			t.Errorf("actorMatch(%q, %q) = %v, want %v", tt.got, tt.gold, got, tt.want)
		}
	}
}
