package xlsx

import (
	"archive/zip"
	"io"
)

// readSharedStrings reads xl/sharedStrings.xml: the text of each <si>, with its rich-text
// runs joined and phonetic runs (<rPh>) left out, _xHHHH_ escapes decoded.
func readSharedStrings(zf *zip.File, part string) ([]string, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, zipError(part, err)
	}
	defer rc.Close()
	return parseSharedStrings(rc, part)
}

func parseSharedStrings(r io.Reader, part string) ([]string, error) {
	var x xmlScan
	x.init(r)
	var (
		text    []byte
		ends    []int
		capture bool
		start   int
	)
	fail := func(err error) ([]string, error) { return nil, x.wrap(part, err) }
	for {
		kind, err := x.next()
		if err != nil {
			return fail(err)
		}
		switch kind {
		case tokText:
			if capture {
				text, err = x.appendText(text)
			} else {
				err = x.checkText()
			}
			if err != nil {
				return fail(err)
			}
		case tokStart:
			parent := x.parentCode()
			switch {
			case x.code == elSI:
				start = len(text)
			case x.code == elT && (parent == elSI || parent == elR && x.grandparentCode() == elSI):
				capture = !x.selfClose
			}
			if x.selfClose {
				if x.code == elSI {
					ends = append(ends, len(text))
				}
				x.pop()
			}
		case tokEnd:
			switch x.code {
			case elT:
				capture = false
			case elSI:
				text = text[:start+unescapeBstr(text[start:])]
				ends = append(ends, len(text))
			}
			x.pop()
		case tokEOF:
			all := string(text)
			sst := make([]string, len(ends))
			from := 0
			for i, e := range ends {
				sst[i] = all[from:e]
				from = e
			}
			return sst, nil
		}
	}
}
