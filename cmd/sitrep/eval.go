package main

// evalCmd groups the evaluation subcommands: each codes a gold set that
// lives outside the repository and prints its scores.
type evalCmd struct {
	Plover evalPloverCmd `cmd:"" help:"Score PLOVER event types against the PLOVER gold standard record (PLOVER_GSR_CAMEO.json)."`
	ACLED  evalACLEDCmd  `cmd:"" name:"acled" help:"Code ACLED rows' notes and score type, sub-type, actor1, location, fatalities and date against the rows."`
	Geo    evalGeoCmd    `cmd:"" help:"Score the geoparser on a geoparsing corpus (GeoVirus, TR-News or GeoWebNews XML)."`
	UD     evalUDCmd     `cmd:"" name:"ud" help:"Score tagging, lemmas and dependency parsing on a Universal Dependencies treebank (gold tokenization)."`
	NER    evalNERCmd    `cmd:"" name:"ner" help:"Score named-entity recognition on a CoNLL-2003-format corpus (exact spans, per type and micro)."`
}
