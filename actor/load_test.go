package actor

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

func TestParseYAMLErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"unknown kind", "actors:\n  - id: X-ONE\n    name: One\n    kind: milita\n", "f.yaml:2: actor X-ONE: unknown kind \"milita\""},
		{"bad country", "actors:\n  - {id: X-ONE, name: One, country: Libya}\n", "f.yaml:2: actor X-ONE: country \"Libya\" is not an ISO"},
		{"dot in id", "actors:\n  - {id: X.ONE, name: One}\n", "f.yaml:2: actor id \"X.ONE\" may not contain dots"},
		{"unknown field", "actors:\n  - id: X-ONE\n    nmae: One\n", "f.yaml:3: unknown actor field \"nmae\""},
		{"duplicate", "actors:\n  - {id: X-ONE, name: One}\n  - {id: X-ONE, name: Two}\n", "f.yaml:3: actor X-ONE is already defined at line 2"},
		{"bad date", "actors:\n  - {id: X-ONE, name: One, valid_to: 21/03/2021}\n", "f.yaml:2: actor X-ONE: validity dates"},
		{"bad inter", "actors:\n  - {id: X-ONE, name: One, inter: 9}\n", "f.yaml:2: inter must be a whole number from 0 to 8"},
		{"role without title", "actors:\n  - id: X-ONE\n    name: One\n    roles:\n      - {of: LBY}\n", "f.yaml:5: a role needs a title"},
		{"not a mapping", "- id: X\n", "f.yaml:1: the file must be a mapping"},
		{"syntax", "actors: [\n", "f.yaml: not valid YAML"},
		{"unknown top key", "people:\n  - x\n", "f.yaml:1: unknown key \"people\""},
		{"agent kind", "agents:\n  - {code: DRONES, name: drones, kind: machine, forms: [drones]}\n", "f.yaml:2: agent DRONES: unknown kind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseYAML("f.yaml", []byte(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
			if sitrep.ErrorCode(err) != sitrep.EINVALID {
				t.Errorf("code %q, want invalid", sitrep.ErrorCode(err))
			}
		})
	}
}

func TestParseCSV(t *testing.T) {
	f, err := ParseCSV("u.csv", []byte("id,name,aliases,kind,country\nXYZ-FRONT,Xyzland Liberation Front,XLF|Front of Xyzland,rebel,LBY\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Actors) != 1 || f.Actors[0].Name != "Xyzland Liberation Front" || len(f.Actors[0].Aliases) != 2 || f.Actors[0].Source != "u.csv:2" {
		t.Fatalf("got %+v", f.Actors)
	}
	for _, c := range []struct{ in, want string }{
		{"id,name,colour\n", "u.csv:1: unknown column \"colour\""},
		{"name\nX\n", "u.csv:1: the header has no id column"},
		{"id,name,kind\nA-B,A,rebel\nA-C,C,gang\n", "u.csv:3: actor A-C: unknown kind \"gang\""},
		{"id,name\nA-B,\"unclosed\n", "u.csv:2:"},
		{"id,name\nA-B,A\nA-B,B\n", "u.csv:3: actor A-B is already defined at line 2"},
	} {
		if _, err := ParseCSV("u.csv", []byte(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.in, err, c.want)
		}
	}
}

func TestOverride(t *testing.T) {
	user, err := ParseYAML("u.yaml", []byte("actors:\n  - {id: LBY-LNA, aliases: [Haftar's army], sector: REB}\n  - {id: XYZ-NEW, name: Xyzland Guard, kind: militia, country: LBY}\n"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build([]File{user})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := d.Lookup("LBY-LNA")
	if !ok || e.Sector != "REB" || e.Name != "Libyan National Army" || !contains(e.Aliases, "Haftar's army") || !contains(e.Aliases, "LNA") {
		t.Fatalf("override not merged: %+v", e)
	}
	if _, ok := d.Lookup("XYZ-NEW"); !ok {
		t.Fatal("new actor missing")
	}
	if _, err := ParseYAML("u.yaml", []byte("actors:\n  - {id: NOPE-X, aliases: [x]}\n")); err != nil {
		t.Fatal(err)
	}
	f, _ := ParseYAML("u.yaml", []byte("actors:\n  - {id: NOPE-X, aliases: [x]}\n"))
	if _, err := Build([]File{f}); err == nil || !strings.Contains(err.Error(), "has no name") {
		t.Fatalf("an unnamed new actor must be refused, got %v", err)
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestShippedDictionary(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if d.Aliases() < 50000 {
		t.Errorf("%d patterns, want at least 50,000 for the benchmark", d.Aliases())
	}
	for _, id := range []string{"LBY-GNA", "LBY-LNA", "RUS-WAGNER", "IGO-UN", "IGO-AU", "IGO-EU", "IGO-NATO", "IGO-ARABLEAGUE", "IGO-ECOWAS",
		"MEDIA-REUTERS", "MEDIA-BLOOMBERG", "MEDIA-ALJAZEERA", "MEDIA-LIBYAOBSERVER", "SYR-HTS", "YEM-HOUTHI", "SDN-RSF", "JNIM",
		"UKR-AFU", "ISR-IDF", "PSE-HAMAS", "AFG-TALIBAN", "COD-M23", "MMR-TATMADAW", "RUS", "TUR", "XKX"} {
		if _, ok := d.Lookup(id); !ok {
			t.Errorf("shipped dictionary lacks %s", id)
		}
	}
}

func FuzzParseYAML(f *testing.F) {
	f.Add([]byte("actors:\n  - {id: A-B, name: A, kind: rebel, roles: [{title: x, of: A-B}]}\nagents:\n  - {code: X, name: x, forms: [x]}\n"))
	f.Add([]byte("actors: [1, 2]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<14 {
			return
		}
		fl, err := ParseYAML("fuzz.yaml", b)
		if err != nil {
			return
		}
		if _, err := Compile([]File{fl}); err != nil && sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Fatalf("compile: unexpected error code: %v", err)
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte("id,name,aliases\nA-B,A,x|y\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<14 {
			return
		}
		fl, err := ParseCSV("fuzz.csv", b)
		if err != nil {
			return
		}
		if _, err := Compile([]File{fl}); err != nil && sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Fatalf("compile: unexpected error code: %v", err)
		}
	})
}
