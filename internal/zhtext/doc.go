// Package zhtext reads the Chinese text forms people type into spreadsheets: numerals (十四,
// 二〇二三, full-width ５), dates and periods (2023年6月底前, 三季度末, 2023年上半年), the number of
// a meeting or document (第十四次, （第5次）, 〔2023〕5号), and the folding that makes two
// spellings of the same word compare equal. It also measures the display width of CJK text.
//
// The package knows the forms, not what they are for: it has no notion of a deadline, a
// dictionary or a ledger, and its errors are values (ErrNotDate, ErrNoYear, *RangeError) for
// the caller to word. The parsers run once per cell on hundreds of thousands of rows, so they
// scan by hand into small stack buffers and allocate nothing on success.
package zhtext
