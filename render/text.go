package render

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

// Text writes a summary of doc for a person to read: what the article is,
// its regions, and every event, relation, place and entity found, each with
// the text it came from.
func Text(w io.Writer, doc *sitrep.Document) error {
	b := bufio.NewWriter(w)
	a := doc.Article
	title := a.Title
	for _, r := range doc.Regions {
		if r.Kind == sitrep.Headline {
			title = doc.Slice(r.Span)
			break
		}
	}
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintln(b, title)
	meta := []string{"article " + a.ID}
	if p := FormatPublished(a.Published); p != "" {
		meta = append(meta, "published "+p)
	}
	if a.Outlet != "" {
		meta = append(meta, "outlet "+a.Outlet)
	}
	if a.URL != "" {
		meta = append(meta, a.URL)
	}
	meta = append(meta, fmt.Sprintf("%d bytes", len(a.Text)))
	fmt.Fprintln(b, strings.Join(meta, " · "))
	fmt.Fprintf(b, "regions: %s\n", regionSummary(doc))
	fmt.Fprintf(b, "sentences: %d, tokens: %d\n", len(doc.Sentences), len(doc.Tokens))

	fmt.Fprintf(b, "\nevents (%d)\n", len(doc.Events))
	for i, e := range doc.Events {
		fmt.Fprintf(b, "%3d. %s", i+1, e.Type)
		if e.Mode != "" {
			fmt.Fprintf(b, "/%s", e.Mode)
		}
		fmt.Fprintf(b, " [%s]", e.Modality)
		if e.Date != nil {
			fmt.Fprintf(b, " %s", dateText(e.Date))
		}
		if e.Location != nil {
			fmt.Fprintf(b, " · %s (%s, precision %d)", e.Location.Name, e.Location.Country, e.Location.Precision)
		}
		fmt.Fprintln(b)
		fmt.Fprintf(b, "     %s → %s", actorText(e.Actor1), actorText(e.Actor2))
		if e.ACLEDEventType != "" {
			fmt.Fprintf(b, " · ACLED %s / %s", e.ACLEDEventType, e.ACLEDSubEventType)
		}
		fmt.Fprintln(b)
		for _, q := range e.Quantities {
			fmt.Fprintf(b, "     quantity: %s\n", quantityText(q))
		}
		if e.Fatalities != nil {
			fmt.Fprintf(b, "     fatalities: %d\n", *e.Fatalities)
		}
		if len(e.Sources) > 0 {
			fmt.Fprintf(b, "     according to: %s\n", chainText(e.Sources))
		}
		fmt.Fprintf(b, "     “%s”\n", oneLine(e.Evidence.Text))
	}

	fmt.Fprintf(b, "\nrelations (%d)\n", len(doc.Relations))
	for _, r := range doc.Relations {
		fmt.Fprintf(b, "  %s %s → %s [%s] “%s”\n", r.Type, r.From.Name, r.To.Name, r.Modality, oneLine(r.Evidence.Text))
	}

	fmt.Fprintf(b, "\nplaces (%d)\n", len(doc.Places))
	for _, p := range doc.Places {
		fmt.Fprintf(b, "  %-20s → %s, %s (geonames %d) %.4f,%.4f precision %d\n",
			p.Text, p.Name, p.Country, p.GeonamesID, p.Lat, p.Lon, p.Precision)
	}

	fmt.Fprintf(b, "\ntimes (%d)\n", len(doc.Times))
	for _, tx := range doc.Times {
		fmt.Fprintf(b, "  %-20s → %s (%s, precision %d)\n", oneLine(tx.Text), dateText(&tx.Date), tx.Kind, tx.Date.Precision)
	}

	fmt.Fprintf(b, "\nentities (%d)\n", len(doc.Entities))
	for _, e := range doc.Entities {
		fmt.Fprintf(b, "  %-8s %s", e.Kind, e.Text)
		if e.ActorID != "" {
			fmt.Fprintf(b, " → %s", e.ActorID)
		}
		fmt.Fprintln(b)
	}

	if len(doc.Warnings) > 0 {
		fmt.Fprintf(b, "\nwarnings (%d)\n", len(doc.Warnings))
		for _, wn := range doc.Warnings {
			fmt.Fprintf(b, "  %s: %s at %d-%d\n", wn.Stage, wn.Message, wn.Start, wn.End)
		}
	}
	return b.Flush()
}

func regionSummary(doc *sitrep.Document) string {
	counts := map[sitrep.RegionKind]int{}
	var notes []string
	for _, r := range doc.Regions {
		counts[r.Kind]++
		switch {
		case r.Kind == sitrep.Caption && r.Date != "":
			notes = append(notes, "caption dated "+r.Date)
		case r.Kind == sitrep.Boilerplate:
			notes = append(notes, "dropped "+r.Reason)
		}
	}
	var parts []string
	for _, k := range []sitrep.RegionKind{sitrep.Headline, sitrep.Caption, sitrep.Paragraph, sitrep.Boilerplate} {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	sort.Strings(notes)
	s := strings.Join(parts, ", ")
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, "; ") + ")"
	}
	return s
}

func actorText(a *sitrep.ActorRef) string {
	if a == nil {
		return "—"
	}
	s := a.Name
	if a.Country != "" {
		s += " [" + a.Country + "]"
	}
	return s
}

func dateText(d *sitrep.DateRange) string {
	if d.Start == d.End || d.End == "" {
		return d.Start
	}
	return d.Start + "…" + d.End
}

func quantityText(q sitrep.Quantity) string {
	s := fmt.Sprintf("%d %s", q.Value, q.Unit)
	if q.Text != "" {
		s += " (“" + q.Text + "”)"
	}
	return s
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		cut := 200
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// chainText returns an attribution chain from the outlet inwards, "→"
// between roles; sources of one role side by side are joined by a comma,
// since each speaks and neither quotes the other ("Wire (outlet) →
// residents (speaker), a rebel group (speaker)").
func chainText(srcs []sitrep.Attribution) string {
	var b strings.Builder
	for i, src := range srcs {
		switch {
		case i == 0:
		case src.Role == srcs[i-1].Role:
			b.WriteString(", ")
		default:
			b.WriteString(" → ")
		}
		fmt.Fprintf(&b, "%s (%s)", src.Name, src.Role)
	}
	return b.String()
}
