package event

import (
	"strings"
	"testing"
)

// TestEnclosing checks the brackets found around a word: nested,
// unbalanced and absent.
func TestEnclosing(t *testing.T) {
	tests := []struct {
		text       string
		k          int // the word asked about
		open, shut int
	}{
		{"4 guards ( 10 , the Taliban claimed ) died", 5, 2, 8},
		{"fatalities heavy ( VoJ reported unknown fatalities ( 3 ) )", 3, 2, 10},
		{"fatalities heavy ( VoJ reported unknown fatalities ( 3 ) )", 8, 7, 9},
		{"( a closed aside ) VoJ reported 3", 4, -1, -1},
		{"VoJ reported 3 ( unconfirmed", 0, -1, -1},
		{"( VoJ reported 3", 1, -1, -1}, // never closed: no bracket governs it
		{"VoJ", 0, -1, -1},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		open, shut := enclosing(words, tt.k)
		if open != tt.open || shut != tt.shut {
			t.Errorf("enclosing(%q, %d) = %d, %d; want %d, %d", tt.text, tt.k, open, shut, tt.open, tt.shut)
		}
	}
}

// TestClaimRange checks the ranges of deaths a claim may give.
func TestClaimRange(t *testing.T) {
	tests := []struct {
		text   string
		lo, hi int
		ok     bool
	}{
		{"VoJ reported 1-3 fatalities", 1, 3, true},
		{"14-29 killed", 14, 29, true},
		{"3-1 fatalities", 0, 0, false}, // not a range
		{"1-3 vehicles", 0, 0, false},   // not deaths
		{"fatalities", 0, 0, false},
	}
	for _, tt := range tests {
		lo, hi, ok := claimRange(strings.Fields(tt.text))
		if lo != tt.lo || hi != tt.hi || ok != tt.ok {
			t.Errorf("claimRange(%q) = %d, %d, %v; want %d, %d, %v", tt.text, lo, hi, ok, tt.lo, tt.hi, tt.ok)
		}
	}
}

// TestNoDeath checks the "death" that names no one's death.
func TestNoDeath(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"two journalists received death threats", true},
		{"they face the death penalty", true},
		{"a court sentenced 12 men to death", true},
		{"he was condemned to death", true},
		{"the death toll rose to 16", false},
		{"a trader was beaten to death", false},
		{"the governor condemned the beating to death of two traders", false},
		{"three died and the death was confirmed", false},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		k := -1
		for i, w := range words {
			if w == "death" {
				k = i
				break
			}
		}
		if got := noDeath(words, k); got != tt.want {
			t.Errorf("noDeath(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
