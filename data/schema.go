// Package data holds the lzdash dataset: its schema, a strict decoder that
// reports every problem with its file position, and the pure functions that
// derive the figures the dashboard shows (year-over-year change, CAGR, target
// gaps, zone rankings and shares). It imports no UI code.
package data

// SchemaVersion is the only dataset schema version this package reads.
const SchemaVersion = 1

// Text is a name given in simplified Chinese and in English.
type Text struct {
	Zh string `yaml:"zh"`
	En string `yaml:"en"`
}

// In returns the text in the given language ("en" or anything else for
// Chinese), falling back to the other language when one is empty.
func (t Text) In(lang string) string {
	if lang == "en" {
		if t.En != "" {
			return t.En
		}
		return t.Zh
	}
	if t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// Note is a remark in Chinese and English. A dataset file may write it as
// one string, which then stands for both languages, or as {zh, en}.
type Note struct {
	Zh string `yaml:"zh"`
	En string `yaml:"en"`
}

// In returns the note in the given language, falling back to the other.
func (n Note) In(lang string) string { return Text(n).In(lang) }

// Empty reports whether the note says nothing in either language.
func (n Note) Empty() bool { return n.Zh == "" && n.En == "" }

// Dataset is one decoded and validated indicators file.
type Dataset struct {
	Schema     int        `yaml:"schema"`
	Title      Text       `yaml:"title"`
	Region     Text       `yaml:"region"`
	Sources    []Source   `yaml:"sources"`
	Categories []Category `yaml:"categories"`
	Zones      []Zone     `yaml:"zones"`
	Metrics    []Metric   `yaml:"metrics"`
	// Curated lists the disagreements between figures that no rule can
	// find: across periods or definitions.
	Curated []CuratedConflict `yaml:"conflicts"`

	// File is the name the dataset was loaded from, used in messages.
	File string `yaml:"-"`

	idx index
}

// CuratedConflict is a tension between figures that the dataset names,
// such as a stock smaller than one year's additions to it.
type CuratedConflict struct {
	ID string `yaml:"id"`
	// Figures are the ids of the figures in tension, two or more.
	Figures []string `yaml:"figures"`
	// Note says what the tension is, in both languages.
	Note Note `yaml:"note"`
}

// Source is one published article or report that figures are taken from.
type Source struct {
	ID        string `yaml:"id"`
	Publisher string `yaml:"publisher"`
	// Title is the article's title in simplified Chinese.
	Title string `yaml:"title"`
	// TitleEn is an English rendering of the title.
	TitleEn string `yaml:"title_en"`
	// Date is the publication date, YYYY-MM-DD.
	Date string `yaml:"date"`
	// DateInferred is true when the article prints no date and Date was
	// inferred; Note then says why.
	DateInferred bool   `yaml:"date_inferred"`
	URL          string `yaml:"url"`
	// File names the archived copy of the article, if one is kept.
	File string `yaml:"file"`
	Note Note   `yaml:"note"`
}

// Category groups metrics in the dashboard.
type Category struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
}

// Zone is a development zone of the city, or an aggregate of zones.
type Zone struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	// Members lists the zone ids an aggregate zone is made of.
	Members []string `yaml:"members"`
	// Industries lists the zone's leading industries, with their source.
	Industries *Industries `yaml:"industries"`
	Note       Note        `yaml:"note"`
}

// Industries is a zone's list of leading industries as one source states it.
type Industries struct {
	Source string `yaml:"source"`
	Quote  string `yaml:"quote"`
	Items  []Text `yaml:"items"`
}

// Metric is one indicator and all figures reported for it.
type Metric struct {
	ID       string `yaml:"id"`
	Name     Text   `yaml:"name"`
	Category string `yaml:"category"`
	// Unit is the metric's display unit; figures may state a unit with a
	// different magnitude (万件 for 件, 亿元 for 万元) and are converted.
	Unit string `yaml:"unit"`
	// Better is "higher" (the default) or "lower", e.g. for rankings.
	Better string `yaml:"better"`
	// Headline puts the metric on the overview.
	Headline bool `yaml:"headline"`
	Note     Note `yaml:"note"`
	// Related lists metrics whose figures bear on this one's targets
	// without measuring the same thing; they are shown beside a verdict
	// as context, never as its basis.
	Related []string `yaml:"related"`
	Figures []Figure `yaml:"figures"`
}

// LowerIsBetter reports whether smaller values of the metric are better.
func (m *Metric) LowerIsBetter() bool { return m.Better == "lower" }

// Figure is one reported number with its provenance.
type Figure struct {
	// ID names the figure, so that derived figures and conflicts can
	// refer to it; optional, unique in the dataset.
	ID string `yaml:"id"`
	// Zone is empty for a city-wide figure.
	Zone string `yaml:"zone"`
	Year int    `yaml:"year"`
	// Period is set when the figure is not a flow over its calendar
	// year: a part of the year ("2021H1", "2021Q3", "2020-01..2020-10"),
	// a span of years ("2017-2021"), or "unstated".
	Period string `yaml:"period"`
	// AsOf is the date of a stock (YYYY, YYYY-MM or YYYY-MM-DD), or the
	// end of a running total.
	AsOf string `yaml:"as_of"`
	// Since is the start of a running total: a year, a month, a day, or
	// "start" when the source does not date it.
	Since string  `yaml:"since"`
	Value float64 `yaml:"value"`
	// Unit is the unit exactly as the source states it; empty means the
	// metric's unit.
	Unit string `yaml:"unit"`
	// Qualifier marks an approximate value: about (约, 左右), nearly (近),
	// more-than (多, 余, 超过) or at-least (以上).
	Qualifier Qualifier `yaml:"qualifier"`
	Kind      Kind      `yaml:"kind"`
	// Comparator is required on targets: ">=" (以上), ">" (超过, 余),
	// "<=" or "<".
	Comparator string `yaml:"comparator"`
	// OutOf is the size of the field for a ranking, e.g. 169 in 65/169.
	OutOf  float64 `yaml:"out_of"`
	Source string  `yaml:"source"`
	Quote  string  `yaml:"quote"`
	// Formula says how a derived figure was computed. A dataset file
	// may write it as one string, when it is the same in both languages
	// (arithmetic alone), or as {zh, en} when it has words or units.
	Formula Note `yaml:"formula"`
	// Inputs are the ids of the figures a derived figure is computed
	// from.
	Inputs []string `yaml:"inputs"`
	Note   Note     `yaml:"note"`

	// When is the period as structure, read from Year, Period, AsOf and
	// Since when the dataset is parsed.
	When Period `yaml:"-"`
}

// Kind says what sort of number a figure is.
type Kind string

// The kinds of figure.
const (
	Actual      Kind = "actual"      // a reported figure for a period that has ended, or a stock as of a date
	Provisional Kind = "provisional" // printed before its period ended
	Estimate    Kind = "estimate"    // 预计: a forecast
	Partial     Kind = "partial"     // a reported figure for a part-year period
	Target      Kind = "target"      // a goal
	Derived     Kind = "derived"     // computed from stated figures; Formula says how
)

// kindList is the kinds as messages list them.
const kindList = "actual, provisional, estimate, partial, target or derived"

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case Actual, Provisional, Estimate, Partial, Target, Derived:
		return true
	}
	return false
}

// Final reports whether a figure of this kind may be shown as a final value.
func (k Kind) Final() bool { return k == Actual }

// Qualifier says how an approximate figure relates to its value.
type Qualifier string

// The qualifiers, with the markers that call for them.
const (
	About    Qualifier = "about"     // 约, 左右, 大约
	Nearly   Qualifier = "nearly"    // 近: just under the value
	MoreThan Qualifier = "more-than" // 多, 余, 超过: above the value
	AtLeast  Qualifier = "at-least"  // 以上: the value or more
)

// Valid reports whether q is empty or one of the known qualifiers.
func (q Qualifier) Valid() bool {
	switch q {
	case "", About, Nearly, MoreThan, AtLeast:
		return true
	}
	return false
}
