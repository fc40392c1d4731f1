package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
)

// actorsCmd inspects and checks actor dictionaries.
type actorsCmd struct {
	List  actorsListCmd  `cmd:"" help:"List the actors of the dictionary (shipped plus --dict files)."`
	Show  actorsShowCmd  `cmd:"" help:"Show an actor by id, name or alias."`
	Check actorsCheckCmd `cmd:"" help:"Check a user dictionary file (YAML or CSV) and report errors with line numbers."`
}

type dictFlags struct {
	Dict []string `help:"User dictionary files (YAML or CSV) applied after the shipped one." type:"existingfile"`
}

func (f dictFlags) load() (*actor.Dictionary, error) {
	if len(f.Dict) == 0 {
		return actor.Default()
	}
	var files []actor.File
	for _, n := range f.Dict {
		file, err := actor.ReadFile(n)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return actor.Build(files)
}

type actorsListCmd struct {
	dictFlags
	Kind    string `help:"Only actors of this kind (state, government, military, rebel, person ...)."`
	Country string `help:"Only actors of this country (ISO alpha-3)."`
	Agents  bool   `help:"List the generic agents instead."`
}

func (c *actorsListCmd) Run(context.Context) error {
	d, err := c.load()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	if c.Agents {
		fmt.Fprintln(w, "CODE\tNAME\tKIND\tSECTOR\tFORMS")
		for _, a := range d.Agents() {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", a.Code, a.Name, a.Kind, a.Sector, strings.Join(append(append([]string{}, a.Forms...), a.Members...), ", "))
		}
		return w.Flush()
	}
	fmt.Fprintln(w, "ID\tNAME\tKIND\tCOUNTRY\tSECTOR\tVALID")
	n := 0
	for _, e := range d.Entries() {
		if c.Kind != "" && string(e.Kind) != c.Kind || c.Country != "" && e.Country != strings.ToUpper(c.Country) {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Name, e.Kind, e.Country, e.Sector, validity(e.ValidFrom, e.ValidTo))
		n++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d actors, %d agents, %d patterns\n", n, len(d.Agents()), d.Aliases())
	return nil
}

func validity(from, to string) string {
	if from == "" && to == "" {
		return ""
	}
	return from + ".." + to
}

type actorsShowCmd struct {
	dictFlags
	Query string `arg:"" help:"Actor id, name or alias."`
}

func (c *actorsShowCmd) Run(context.Context) error {
	d, err := c.load()
	if err != nil {
		return err
	}
	found := d.Find(c.Query)
	if len(found) == 0 {
		return sitrep.Errorf(sitrep.ENOTFOUND, "no actor has the id, name or alias %q; try sitrep actors list", c.Query)
	}
	for i, e := range found {
		if i > 0 {
			fmt.Println()
		}
		fmt.Printf("id:       %s\nname:     %s\nkind:     %s\n", e.ID, e.Name, e.Kind)
		line := func(k, v string) {
			if v != "" {
				fmt.Printf("%-9s %s\n", k+":", v)
			}
		}
		line("country", e.Country)
		line("parent", e.Parent)
		line("sector", e.Sector)
		if e.Inter != 0 {
			line("inter", fmt.Sprint(e.Inter))
		}
		line("valid", validity(e.ValidFrom, e.ValidTo))
		line("aliases", strings.Join(e.Aliases, "; "))
		line("demonyms", strings.Join(e.Demonyms, "; "))
		line("peoples", strings.Join(e.Peoples, "; "))
		line("capitals", strings.Join(e.Capitals, "; "))
		for _, r := range e.Roles {
			of := r.Of
			if of == "" {
				of = r.OfName
			}
			line("role", strings.TrimSpace(fmt.Sprintf("%s of %s %s", r.Title, of, validity(r.From, r.To))))
		}
		line("source", e.Source)
	}
	return nil
}

type actorsCheckCmd struct {
	File string `arg:"" help:"The dictionary file to check (.yaml, .yml or .csv)." type:"existingfile"`
}

func (c *actorsCheckCmd) Run(context.Context) error {
	f, err := actor.ReadFile(c.File)
	if err != nil {
		return err
	}
	d, err := actor.Build([]actor.File{f})
	if err != nil {
		return err
	}
	added, overridden := 0, 0
	base, _ := actor.Default()
	for _, e := range f.Actors {
		if _, ok := base.Lookup(e.ID); ok {
			overridden++
		} else {
			added++
		}
	}
	fmt.Printf("%s: ok: %d actors (%d new, %d overriding shipped ones), %d agents; dictionary now %d actors, %d patterns\n",
		c.File, len(f.Actors), added, overridden, len(f.Agents), d.Len(), d.Aliases())
	return nil
}
