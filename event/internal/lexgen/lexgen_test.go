package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	m, err := readMapping("testdata/plover.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := lookup(m, "0733"); !ok || got.typ != "AID" {
		t.Fatalf("lookup 0733 = %+v %v, want AID through its parent 073", got, ok)
	}
	if got, ok := lookup(m, "021"); !ok || got.typ != "REQUEST" {
		t.Fatalf("lookup 021 = %+v %v, want REQUEST (appeal)", got, ok)
	}
	d, err := readDictionary("testdata/verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := write(&b, d, m); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"S\tfood\trice,grain\n",
		"B\t0\tNONE\t-\t-\n",
		"W\t0\tsend\tsend,sent,sending,sends\n",
		"W\t0\tdispatch\tdispatch,dispatches,dispatched,dispatching\n",
		"P\t0\tMOBILIZE\ttroops\t154\ttroops\n",
		"P\t0\tAID\t-\t0733\t&food\n",
		"B\t1\tASSAULT\t-\t190\n",
		"W\t1\topen fire\topen fire,opens fire,opened fire,opening fire\n",
		"P\t1\tNONE\t-\t-\tpeace talks\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "border") {
		t.Errorf("a pattern constraining the subject was kept:\n%s", out)
	}
}
