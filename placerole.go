package sitrep

// PlaceRole says how a text uses a place name. Only places with the empty
// role are locations: an event coder looks for where something happened
// among them, and reads the others as the country focus of a report or as
// parts of names.
type PlaceRole string

// Place roles.
const (
	// RoleLocation (empty) is a place the text speaks of as a place:
	// "in Tripoli", "Russia said", "near the Tunisian border".
	RoleLocation PlaceRole = ""
	// RoleDemonym is a nationality or people word resolved to its country
	// or region: "Libyan" in "the Libyan National Army", "Russians". It
	// tells the country focus of a report, not where an event happened.
	RoleDemonym PlaceRole = "demonym"
	// RoleEmbedded is a place name inside the name of an organisation,
	// publication, team or event: "Washington" in "Washington Post",
	// "Tripoli" in "Tripoli Revolutionaries Brigade".
	RoleEmbedded PlaceRole = "embedded"
	// RoleMetonymic is a city named for its government or people, as the
	// subject of a statement: "Moscow denies", "Berlin would send". The
	// place is right; it is not where an event happened.
	RoleMetonymic PlaceRole = "metonymic"
)

// IsLocation reports whether the place is used as a location.
func (p Place) IsLocation() bool { return p.Role == RoleLocation }
