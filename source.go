package sitrep

import "context"

// Item is one thing a source read: an article, or the reason an input
// could not be read as one.
type Item struct {
	// Origin names where the item came from precisely enough for a person
	// to find it again: a file path, "feed.jsonl:12" for a line,
	// "crawl.warc.gz#3" for a WARC record, a feed entry's URL.
	Origin string
	// Article is the report read; meaningless when Err is set.
	Article Article
	// Err says why this input could not be read (invalid UTF-8, not a
	// report, truncated, too large). The source goes on with the next
	// input: one bad input never stops a batch.
	Err error
}

// Source yields articles from one input: a file, a directory, a JSON-lines
// stream, a feed, a WARC archive.
//
// Next returns the next item and true, or false when the source is
// exhausted or ctx is cancelled. Trouble with one input is reported in
// Item.Err and the source continues; Err returns the error that ended the
// source early (the directory cannot be listed, the archive stops mid-way),
// or nil when it ran to its end. Close releases files and connections; it
// is safe to call more than once.
type Source interface {
	Next(ctx context.Context) (Item, bool)
	Err() error
	Close() error
}

// Fingerprint identifies an article's text for deduplication: its
// canonical URL, the hash of its normalised text, and a MinHash signature
// of its word shingles for near-duplicate detection with the signature's
// locality-sensitive bands (package dedup computes all of it).
type Fingerprint struct {
	CanonicalURL string `json:"canonical_url,omitempty"`
	ContentHash  string `json:"content_hash"`
	// MinHash is empty for texts too short to compare by shingles.
	MinHash []uint32 `json:"minhash,omitempty"`
	// Bands are the LSH band keys of MinHash: two texts whose shingle sets
	// are alike share a band with high probability.
	Bands []int64 `json:"bands,omitempty"`
}
