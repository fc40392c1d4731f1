package actor

import "github.com/sitrep/sitrep"

// compileMatcher builds the automaton of a dictionary: every name, alias,
// demonym, people and capital of every actor; every form of every agent;
// and every demonym of a state or bloc followed by every agent form
// ("Russian mercenaries", "Western officials"), so that the common case is
// a single lookup and the grammar is left with coordinations, possessives
// and appositions.
func compileMatcher(d *Dictionary) *matcher {
	b := newBuilder()
	for i := range d.entries {
		e := &d.entries[i]
		add := func(names []string, k senseKind) {
			for _, n := range names {
				b.add(splitAlias(n), sense{kind: k, entry: int32(i), agent: -1})
			}
		}
		add([]string{e.Name}, sName)
		add(e.Aliases, sName)
		add(e.Demonyms, sDemonym)
		add(e.Peoples, sPeople)
		add(e.Capitals, sCapital)
	}
	type form struct {
		ws     []aliasWord
		member bool
	}
	// Compositions are precomputed for the first few forms and members of
	// each agent (the files list the common ones first); the grammar
	// composes the rest at run time, so this only trades memory and load
	// time for lookups.
	const perAgent = 3
	forms := make([][]form, len(d.agents))
	for j := range d.agents {
		a := &d.agents[j]
		nf, nm := 0, 0
		for k, f := range append(append([]string(nil), a.Forms...), a.Members...) {
			ws := splitAlias(f)
			member := k >= len(a.Forms)
			b.add(ws, sense{kind: sAgent, entry: -1, agent: int32(j), member: member})
			if len(ws) == 1 && weakForms[ws[0].key] {
				continue
			}
			if member && nm < perAgent {
				nm++
				forms[j] = append(forms[j], form{ws, member})
			} else if !member && nf < perAgent {
				nf++
				forms[j] = append(forms[j], form{ws, member})
			}
		}
		for _, f := range a.Modifiers {
			b.add(splitAlias(f), sense{kind: sModifier, entry: -1, agent: int32(j)})
		}
	}
	var dems [][]aliasWord
	var buf []aliasWord
	for i := range d.entries {
		e := &d.entries[i]
		if len(e.Demonyms) == 0 || (e.Kind != sitrep.ActorState && !e.Bloc) {
			continue
		}
		dems = dems[:0]
		for _, dn := range e.Demonyms {
			dems = append(dems, splitAlias(dn))
		}
		for j := range d.agents {
			for _, f := range forms[j] {
				fw, m := f.ws, f.member
				for _, dw := range dems {
					buf = append(append(buf[:0], dw...), fw...)
					b.add(buf, sense{kind: sComposed, entry: int32(i), agent: int32(j), agentAt: uint8(len(dw)), member: m})
				}
			}
		}
	}
	return b.build()
}
