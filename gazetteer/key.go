package gazetteer

import (
	"strings"

	"github.com/sitrep/sitrep/fold"
)

// KeyVersion identifies the Key function. It is written into every
// gazetteer file, and a file built with another version is refused: its
// index would not find what the current Key computes.
const KeyVersion = 1

// letters maps Latin letters that have no decomposition to their usual
// ASCII transliteration; fold.Key has already removed combining marks.
var letters = map[rune]string{
	'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'ı': "i", 'đ': "d",
	'ð': "d", 'ħ': "h", 'þ': "th", 'ŋ': "n", 'ŧ': "t", 'ĸ': "k", 'ſ': "s",
	'ə': "e", 'ɨ': "i", 'ʼ': "", 'ʻ': "", 'ʿ': "", 'ʾ': "", '`': "", '´': "",
}

// articles are the forms of the Arabic article (assimilated or not) and
// the Romance articles that transliterations put before a name or join to
// it with a hyphen ("al-Watiya", "Az Zawiyah", "El Alamein", "ash-Shati").
// Key drops them when another word follows, so a name is found with or
// without its article.
var articles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true,
	"at": true, "az": true, "an": true, "adh": true, "ath": true, "ed": true,
	"er": true, "es": true, "et": true, "ez": true, "ul": true,
}

// abbreviations map words with a usual short form to that form.
var abbreviations = map[string]string{
	"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "saints": "sts",
}

// Fold returns the plain matching form of a name: lower-case ASCII letters
// and digits, apostrophes dropped, every other run of characters a single
// space ("Tripoli’s" → "tripolis", "Al-Jufrah" → "al jufrah",
// "Hūn" → "hun"). Scripts other than Latin fold to nothing.
func Fold(s string) string {
	k := fold.Key(s)
	var b strings.Builder
	b.Grow(len(k))
	space := false
	for _, r := range k {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '‘':
			// apostrophes join: "Ta'izz" → "taizz"
		default:
			if rep, ok := letters[r]; ok {
				if rep != "" {
					if space && b.Len() > 0 {
						b.WriteByte(' ')
					}
					space = false
					b.WriteString(rep)
				}
				continue
			}
			space = true
		}
	}
	return b.String()
}

// Key returns the transliteration-robust index key of a name: Fold, then
// per word the usual variations of romanised Arabic, Persian, Russian and
// Turkish names collapsed. Articles before another word go ("Al Jufrah" →
// "jufra"), "ou" and "oo" become "u", "ee" becomes "i", "y" becomes "i",
// "q" becomes "k", "dj" becomes "j", "ph" becomes "f", "th" and "dh" lose
// their "h", doubled letters are single, and a final "h" after a vowel
// goes ("Tarhounah", "Tarhuna" and "Tarhouna" all key as "tarhuna";
// "Misratah" and "Misrata" as "misrata"). Two names with the same key are
// spelling variants; names one edit apart are left to Index.Fuzzy.
func Key(s string) string {
	return keyOfFolded(Fold(s))
}

// KeyFolded is Key for a name already passed through Fold.
func KeyFolded(f string) string { return keyOfFolded(f) }

// keyOfFolded is Key for an already folded name.
func keyOfFolded(f string) string {
	if f == "" {
		return ""
	}
	words := strings.Split(f, " ")
	var b strings.Builder
	b.Grow(len(f))
	for i, w := range words {
		if articles[w] && i+1 < len(words) {
			continue
		}
		if a, ok := abbreviations[w]; ok {
			w = a
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		writeWordKey(&b, w)
	}
	return b.String()
}

// writeWordKey writes the key form of one folded word.
func writeWordKey(b *strings.Builder, w string) {
	if len(w) <= 3 || isDigits(w) {
		b.WriteString(w)
		return
	}
	var buf [64]byte
	out := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case (c == 'o' && next == 'u') || (c == 'o' && next == 'o'):
			c = 'u'
			i++
		case c == 'e' && next == 'e':
			c = 'i'
			i++
		case c == 'd' && next == 'j':
			c = 'j'
			i++
		case c == 'p' && next == 'h':
			c = 'f'
			i++
		case (c == 't' || c == 'd') && next == 'h':
			i++
		case c == 'y':
			c = 'i'
		case c == 'q':
			c = 'k'
		}
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	if n := len(out); n > 3 && out[n-1] == 'h' && isVowel(out[n-2]) {
		out = out[:n-1]
	}
	b.Write(out)
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
