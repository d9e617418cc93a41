package xlsxout

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Merged ranges are kept out of excelize's hands in a copy of a unit's workbook: excelize
// expands a merge into every cell it covers (MergeCell: one merge over a whole .xls sheet is
// 16 million cells), compares every merge with every other one when it writes a sheet, and
// scans them all on every cell it touches. TakeMerges lifts them out of the worksheets before
// excelize reads any, and AddNotesAndMerges writes them back into the finished package as text.

var (
	reMergeCells = regexp.MustCompile(`\A<(?:[\w.-]+:)?mergeCells\b[^>]*?(?:/>|>(?s:.*?)</(?:[\w.-]+:)?mergeCells\s*>)`)
	reMergeRef   = regexp.MustCompile(`<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']`)
	// The elements a worksheet may have after <mergeCells> (CT_Worksheet, ECMA-376 §18.3.1.99).
	reAfterMerges = regexp.MustCompile(`<(?:[\w.-]+:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b`)
)

// TakeMerges removes the merged ranges from every worksheet of f and returns their references
// as written ("A1:B2"), by sheet name, in document order. It must come before anything reads a
// worksheet of f, and f must hold its worksheets in memory (Options.UnzipXMLSizeLimit at
// least their size): a worksheet already read or kept in a temporary file is left as it is.
func TakeMerges(f *excelize.File) (map[string][]string, error) {
	p := &zipPackage{parts: map[string][]byte{}, lower: map[string]string{}}
	f.Pkg.Range(func(k, v any) bool {
		name, ok1 := k.(string)
		b, ok2 := v.([]byte)
		if ok1 && ok2 {
			p.put(name, b)
		}
		return true
	})
	parts, err := p.sheetParts()
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for sheet, part := range parts {
		name, ok := p.lower[strings.ToLower(part)]
		if !ok {
			continue
		}
		b, refs, ok := cutMerges(p.parts[name])
		if !ok {
			continue
		}
		f.Pkg.Store(name, b)
		if len(refs) > 0 {
			out[sheet] = refs
		}
	}
	return out, nil
}

// cutMerges returns the worksheet b without its <mergeCells> element and the references of its
// merges; ok is false when b has none.
func cutMerges(b []byte) (out []byte, refs []string, ok bool) {
	for from := 0; ; {
		i := bytes.Index(b[from:], []byte("mergeCells"))
		if i < 0 {
			return nil, nil, false
		}
		i += from
		start := bytes.LastIndexByte(b[:i], '<')
		m := reMergeCells.FindIndex(b[max(start, 0):])
		if start < 0 || m == nil {
			from = i + len("mergeCells")
			continue
		}
		end := start + m[1]
		for _, r := range reMergeRef.FindAllSubmatch(b[start:end], -1) {
			refs = append(refs, string(r[1]))
		}
		return splice(b, start, end, ""), refs, true
	}
}

// putMerges writes refs as the merged ranges of the worksheet b, which has none, in their place
// among its elements.
func putMerges(b []byte, refs []string) ([]byte, error) {
	root := reSheetRoot.FindSubmatch(b)
	if root == nil {
		return nil, fmt.Errorf("no <worksheet>")
	}
	prefix := string(root[1])
	var el strings.Builder
	fmt.Fprintf(&el, `<%smergeCells count="%d">`, prefix, len(refs))
	for _, r := range refs {
		fmt.Fprintf(&el, `<%smergeCell ref="%s"/>`, prefix, r)
	}
	fmt.Fprintf(&el, `</%smergeCells>`, prefix)
	from := afterCells(b)
	at := -1
	if m := reAfterMerges.FindIndex(b[from:]); m != nil {
		at = from + m[0]
	} else if m := reSheetEnd.FindIndex(b[from:]); m != nil {
		at = from + m[0]
	}
	if at < 0 {
		return nil, fmt.Errorf("no </worksheet>")
	}
	return splice(b, at, at, el.String()), nil
}
