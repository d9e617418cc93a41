package xlsxout

import "github.com/xuri/excelize/v2"

// Colours shared by duban's workbooks.
const (
	GridColor   = "808080" // cell borders of tables
	HeaderFill  = "D9E1F2" // header row of the report's tables
	FormFill    = "DDEBF7" // header row of forms, the config workbook and 问题清单
	FontFamily  = "宋体"
	redFill     = "FFC7CE"
	redFont     = "9C0006"
	yellowFill  = "FFEB9C"
	yellowFont  = "9C5700"
	dateFormat  = "yyyy-mm-dd"
	rateFormat  = "0.0%"
	titleHeight = 28
	titleSize   = 14 // points, of a table's title
)

// DateFormat returns the number format of every date duban writes, as excelize's
// Style.CustomNumFmt takes it.
func DateFormat() *string {
	s := dateFormat
	return &s
}

// Font names the typeface and size of a style, so that Excel, WPS and LibreOffice print the
// same CJK font rather than each falling back to its own default.
func Font(bold bool, size float64, color string) *excelize.Font {
	return &excelize.Font{Family: FontFamily, Size: size, Bold: bold, Color: color}
}

// Border is a thin border of the given colour on all four sides.
func Border(color string) []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: color, Style: 1},
		{Type: "top", Color: color, Style: 1},
		{Type: "right", Color: color, Style: 1},
		{Type: "bottom", Color: color, Style: 1},
	}
}

// Solid is a solid fill of the given colour.
func Solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// Styles holds every style of the tables of a workbook, each created once.
type Styles struct {
	Title, Header, Note, Narrative int
	cell                           [numKinds][numTones][2]int // kind, tone, bold
}

// Cell is the style of a data cell of kind k and tone t, bold for a total row.
func (st *Styles) Cell(k Kind, t Tone, bold bool) int {
	b := 0
	if bold {
		b = 1
	}
	return st.cell[k][t][b]
}

// NewStyles creates the styles of tables in f.
func NewStyles(f *excelize.File) (*Styles, error) {
	var st Styles
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	border := Border(GridColor)
	st.Title = add(&excelize.Style{
		Font:      Font(true, titleSize, ""),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
	})
	st.Header = add(&excelize.Style{
		Font:      Font(true, 11, ""),
		Fill:      Solid(HeaderFill),
		Border:    border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	st.Note = add(&excelize.Style{Font: Font(false, 11, "")})
	st.Narrative = add(&excelize.Style{
		Font:      Font(false, 11, ""),
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	fills := [numTones]excelize.Fill{Red: Solid(redFill), Yellow: Solid(yellowFill)}
	fonts := [numTones]string{Red: redFont, Yellow: yellowFont}
	dateFmt, rateFmt := dateFormat, rateFormat
	for k := Kind(0); k < numKinds; k++ {
		for t := Tone(0); t < numTones; t++ {
			for b := 0; b < 2; b++ {
				s := &excelize.Style{
					Border:    border,
					Fill:      fills[t],
					Font:      Font(b == 1, 11, fonts[t]),
					Alignment: &excelize.Alignment{Vertical: "center", WrapText: k == KindWrap},
				}
				switch k {
				case KindDate:
					s.CustomNumFmt = &dateFmt
					s.Alignment.Horizontal = "center"
				case KindRate:
					s.CustomNumFmt = &rateFmt
				}
				st.cell[k][t][b] = add(s)
			}
		}
	}
	return &st, err
}
