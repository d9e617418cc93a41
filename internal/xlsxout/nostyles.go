package xlsxout

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Some programs write workbooks without a styles part (the schema does not require one, and
// Excel opens them). excelize opens such a workbook, then fails with a nil pointer in
// NewStyle — which an annotated copy calls to fill a problem cell — so the clerk got a Go
// runtime error as the message. EnsureStyles gives the workbook the smallest styles part
// Excel accepts before anything is styled.

const (
	partStyles = "xl/styles.xml" // where excelize reads and writes the styles, whatever the rels say
	ctStyles   = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
	relStyles  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
)

var (
	reStyleIndex     = regexp.MustCompile(`\ss="(\d+)"`)
	reOfficeDocument = regexp.MustCompile(`Target="/?([^"]*)"[^>]*Type="[^"]*/officeDocument"|Type="[^"]*/officeDocument"[^>]*Target="/?([^"]*)"`)
)

// EnsureStyles adds a styles part to f, just opened, when it has none: one font, the two
// fills Excel reserves, one border, and as many plain cell formats as the sheets' cells
// refer to. It is to be called before any other change to f (it edits the parts excelize
// holds as read). It reports whether it added one.
func EnsureStyles(f *excelize.File) (bool, error) {
	if _, ok := f.Pkg.Load(partStyles); ok {
		return false, nil
	}
	xfs := 1
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		b, _ := v.([]byte)
		if strings.HasPrefix(name, "xl/worksheets/") {
			for _, m := range reStyleIndex.FindAllSubmatch(b, -1) {
				if n, err := strconv.Atoi(string(m[1])); err == nil && n < 65000 {
					xfs = max(xfs, n+1)
				}
			}
		}
		return true
	})
	f.Pkg.Store(partStyles, []byte(minimalStyles(xfs)))
	f.Styles = nil // excelize reads the part again when it next needs the styles

	ct, ok := f.Pkg.Load("[Content_Types].xml")
	if !ok {
		return false, fmt.Errorf("no [Content_Types].xml")
	}
	b, added, err := addOverride(ct.([]byte), partStyles, ctStyles)
	if err != nil {
		return false, err
	}
	if added {
		f.Pkg.Store("[Content_Types].xml", b)
		f.ContentTypes = nil
	}
	wb := "xl/workbook.xml"
	if root, ok := f.Pkg.Load("_rels/.rels"); ok {
		if m := reOfficeDocument.FindSubmatch(root.([]byte)); m != nil {
			wb = string(m[1]) + string(m[2])
		}
	}
	relsPath := relsPart(wb)
	r, ok := f.Pkg.Load(relsPath)
	if !ok {
		return false, fmt.Errorf("no %s", relsPath)
	}
	b, added, err = addRelationship(r.([]byte), relsPath, relStyles, relTarget(wb, partStyles))
	if err != nil {
		return false, err
	}
	if added {
		f.Pkg.Store(relsPath, b)
		f.Relationships.Delete(relsPath)
	}
	return true, nil
}

// minimalStyles is a styles part with xfs plain cell formats.
func minimalStyles(xfs int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<fonts count="1"><font><sz val="11"/><name val="` + FontFamily + `"/><family val="3"/><charset val="134"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">`, xfs)
	for range xfs {
		b.WriteString(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
	}
	b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
	return b.String()
}
