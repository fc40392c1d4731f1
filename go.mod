module github.com/sitrep/sitrep

go 1.26.0

require (
	github.com/alecthomas/kong v1.17.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2
	golang.org/x/text v0.43.0
	gopkg.in/yaml.v3 v3.0.1
)
