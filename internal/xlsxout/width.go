package xlsxout

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/duban/duban/internal/zhtext"
)

// Width rules of measured columns.
const (
	sampleRows  = 1000 // rows measured for column widths
	minWidth    = 6
	maxWidth    = 24 // wider text wraps, so that the lists print large enough on A4
	maxWrap     = 28 // wrapped columns (事项内容, 进展情况) stop widening here
	maxWhole    = 40 // names kept whole (Column.Whole) wrap only beyond this
	widthMargin = 2
	dateMargin  = 1 // a date's digits are narrower than a CJK character's half
)

// LineHeight is the height in points of one line of 11-point text.
const LineHeight = 14.5

// maxRowHeight is Excel's tallest row, in points.
const maxRowHeight = 409

// TextWidth is the display width of s, its longest line, where a CJK or full-width character
// counts two.
func TextWidth(s string) int { return zhtext.Width(s) }

// valueWidth is the display width of a cell value as Excel shows it.
func valueWidth(x any) int {
	switch y := x.(type) {
	case string:
		return TextWidth(y)
	case Marked:
		return TextWidth(y.Text)
	case int:
		return len(strconv.Itoa(y))
	case Date:
		return len("2006-01-02")
	case Rate:
		return len("100.0%")
	}
	return 0
}

// WrappedLines is how many lines text takes in a wrapped column of the given width.
func WrappedLines(text string, width float64) int {
	room := max(width-1.5, 1)
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n += max(1, int(math.Ceil(float64(TextWidth(line))/room)))
	}
	return n
}

// RowHeight is the height in points of a row of that many lines of wrapped text.
func RowHeight(lines int) float64 {
	return min(float64(lines)*LineHeight+3, maxRowHeight)
}

// narrativeHeight is a row height (points) that shows s wrapped in a merged cell of the
// given total width; Excel does not fit merged cells by itself.
func narrativeHeight(s string, width float64) float64 {
	lines := 0
	for l := range strings.SplitSeq(s, "\n") {
		lines += int(float64(TextWidth(l))/max(width-2, 10)) + 1
	}
	return min(float64(lines)*16+6, maxRowHeight)
}

// MaxPrompt is the most characters (UTF-16 units) Excel accepts in a data validation's input
// message.
const MaxPrompt = 255

// UTF16Len is the length of s as Excel counts text limits, in UTF-16 units.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutUTF16 cuts s to at most n UTF-16 units, at a character boundary.
func cutUTF16(s string, n int) string {
	w := 0
	for i, r := range s {
		if w += utf16.RuneLen(r); w > n {
			return s[:i]
		}
	}
	return s
}
