module github.com/sitrep/sitrep

go 1.26.0

require (
	github.com/alecthomas/kong v1.17.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2 // indirect
	golang.org/x/text v0.43.0 // indirect
)
