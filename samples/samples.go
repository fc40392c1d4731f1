// Package samples holds the demonstration reports sitrep demo ingests:
// short reports the team wrote about different conflicts (Libya, Sudan,
// Ukraine, the DRC, Somalia, Mali, Myanmar, Yemen, Haiti), each with a
// sidecar NAME.meta.json giving its title, publication date, outlet and
// URL. They are not real reporting: the outlets are invented, the URLs are
// under the reserved .invalid domain, and the UI says it is showing
// demonstration data. Two of the Libya reports tell of the same clash from
// different outlets, so the demo shows corroboration and a conflict of
// figures between sources.
//
// Reports lists them; Source reads them as a sitrep.Source for ingest, the
// way source/text reads a report file and its sidecar; Ingest codes and
// stores them.
package samples

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/source/text"
)

//go:embed reports/*.txt reports/*.meta.json
var files embed.FS

// Reports returns the names of the sample report files, sorted.
func Reports() []string {
	names, _ := fs.Glob(files, "reports/*.txt")
	sort.Strings(names)
	return names
}

// Read returns one sample report as an article, with its metadata.
func Read(name string) (sitrep.Article, error) {
	var a sitrep.Article
	b, err := files.ReadFile(name)
	if err != nil {
		return a, sitrep.Errorf(sitrep.ENOTFOUND, "sample report %s: %v", name, err)
	}
	if err := text.CheckText(b); err != nil {
		return a, fmt.Errorf("sample report %s: %w", name, err)
	}
	a.Text = string(b)
	metaName := strings.TrimSuffix(name, path.Ext(name)) + ".meta.json"
	mb, err := files.ReadFile(metaName)
	if err != nil {
		return a, sitrep.Errorf(sitrep.EINVALID, "sample report %s has no metadata %s", name, metaName)
	}
	var m text.Meta
	if err := json.Unmarshal(mb, &m); err != nil {
		return a, sitrep.Errorf(sitrep.EINVALID, "%s is not valid JSON metadata: %v", metaName, err)
	}
	if err := m.Apply(&a); err != nil {
		return a, fmt.Errorf("%s: %w", metaName, err)
	}
	if a.Language == "" {
		a.Language = "en"
	}
	if a.ID == "" {
		a.ID = sitrep.ContentID(a.Text)
	}
	return a, nil
}

// Source reads every sample report, in name order.
func Source() sitrep.Source { return &source{names: Reports()} }

type source struct {
	names []string
	i     int
}

var _ sitrep.Source = (*source)(nil)

func (s *source) Next(ctx context.Context) (sitrep.Item, bool) {
	if s.i >= len(s.names) || ctx.Err() != nil {
		return sitrep.Item{}, false
	}
	name := s.names[s.i]
	s.i++
	a, err := Read(name)
	return sitrep.Item{Origin: "samples/" + name, Article: a, Err: err}, true
}

func (s *source) Err() error   { return nil }
func (s *source) Close() error { return nil }

// Pipeline returns the pipeline the demo codes the samples with: the
// default one, as sitrep ingest uses.
func Pipeline() (*sitrep.Pipeline, error) {
	return pipeline.New(pipeline.DefaultConfig())
}

// Ingest codes the sample reports, and any further sources, and stores
// them, as sitrep ingest would. Running it again on the same store adds
// nothing: every report is already stored.
func Ingest(ctx context.Context, store sitrep.Store, dd dedup.Config, log *slog.Logger, more ...ingest.Named) (ingest.Stats, error) {
	p, err := Pipeline()
	if err != nil {
		return ingest.Stats{}, err
	}
	src := append([]ingest.Named{{Name: "samples", Source: Source()}}, more...)
	return ingest.Run(ctx, ingest.Config{Store: store, Pipeline: p, Dedup: dd, Logger: log}, src)
}
