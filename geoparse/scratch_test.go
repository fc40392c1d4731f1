package geoparse_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	b, err := os.ReadFile("/tmp/geo15/scratch.txt")
	if err != nil {
		t.Skip()
	}
	r := resolver(t)
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		doc := annotate(t, r, line)
		fmt.Println("==", line)
		for _, p := range doc.Places {
			fmt.Printf("   %-20s → %s %s %s p%d role=%q\n", p.Text, p.Name, p.Country, p.FeatureCode, p.Precision, p.Role)
		}
	}
}
