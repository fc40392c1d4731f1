package sitrep

// TimexKind says what a temporal expression denotes.
type TimexKind string

// Kinds of temporal expression.
const (
	// TimePoint: when something happened or will happen ("on Sunday",
	// "last week", "April 29, 2019").
	TimePoint TimexKind = "point"
	// TimeDuration: how long something has lasted ("for over a year",
	// "since 2014"); its range runs from the start to the reference date.
	TimeDuration TimexKind = "duration"
)

// Timex is a temporal expression resolved against the date the text is
// anchored to: the publication date, or a caption's own date inside the
// caption.
type Timex struct {
	Span
	Text string    `json:"text"`
	Kind TimexKind `json:"kind"`
	// Date is the resolved calendar range.
	Date DateRange `json:"date"`
	// Reference is the date the expression was resolved against.
	Reference string `json:"reference"`
	// Future is set when the expression points after the reference date
	// ("next week", "tomorrow").
	Future bool `json:"future,omitempty"`
	// Next is the forward reading of an expression whose direction the
	// words leave open ("on Friday" in "talks will resume on Friday"); Date
	// holds the backward reading news of past events needs. Nil when the
	// words fix the direction.
	Next *DateRange `json:"next,omitempty"`
}
