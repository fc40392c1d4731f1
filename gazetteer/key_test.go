package gazetteer_test

import (
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Tripoli":             "tripoli",
		"Tripoli’s":           "tripolis",
		"Hūn":                 "hun",
		"Al-Jufrah":           "al jufrah",
		"Mişrātah":            "misratah",
		"Ta'izz":              "taizz",
		"Łódź":                "lodz",
		"Sant Julià de Lòria": "sant julia de loria",
		"  U.S.  ":            "u s",
		"Москва":              "",
	} {
		if got := gazetteer.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeyVariants(t *testing.T) {
	same := [][]string{
		{"Tarhouna", "Tarhuna", "Tarhunah", "Tarhounah"},
		{"Jufra", "Al Jufrah", "al-Jufra", "Al-Jufrah"},
		{"Misrata", "Misratah", "Mişrātah"},
		{"Zawiya", "Az Zawiyah", "Zawiyah", "al-Zawiya"},
		{"Sabratha", "Sabrata"},
		{"Djerba", "Jerba"},
		{"Qamishli", "Kamishli"},
		{"Saint Louis", "St Louis", "St. Louis"},
	}
	for _, group := range same {
		want := gazetteer.Key(group[0])
		for _, n := range group[1:] {
			if got := gazetteer.Key(n); got != want {
				t.Errorf("Key(%q) = %q, want %q (as %q)", n, got, want, group[0])
			}
		}
	}
	different := [][2]string{{"Tripoli", "Tripolis"}, {"Bani Walid", "Walid"}, {"Paris", "Parish"}, {"BBC", "BC"}}
	for _, d := range different {
		if gazetteer.Key(d[0]) == gazetteer.Key(d[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q: distinct names conflated", d[0], d[1], gazetteer.Key(d[0]))
		}
	}
}

func TestArticleOnlyNameKept(t *testing.T) {
	// An article standing alone is a name, not a prefix to drop.
	if got := gazetteer.Key("Al"); got != "al" {
		t.Errorf("Key(Al) = %q, want al", got)
	}
}

func TestSkeleton(t *testing.T) {
	for _, c := range [][2]string{
		{"Lashkar Gah", "Lashkargah"},
		{"Nahr-e Saraj", "Nahri Saraj"},
		{"Dowlatabad", "Dawlat Abad"},
		{"Vardak", "Wardak"},
		{"Pul-e Alam", "Puli Alam"},
		{"Khugyani", "Khogyani"},
	} {
		a, b := gazetteer.Skeleton(gazetteer.Key(c[0])), gazetteer.Skeleton(gazetteer.Key(c[1]))
		if a != b {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q, want the same", c[0], a, c[1], b)
		}
	}
	for _, c := range [][2]string{{"Kabul", "Kobe"}, {"Kandahar", "Kunduz"}, {"Tripoli", "Tarabulus"}} {
		if a, b := gazetteer.Skeleton(gazetteer.Key(c[0])), gazetteer.Skeleton(gazetteer.Key(c[1])); a == b {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q, want them apart", c[0], c[1], a)
		}
	}
}
