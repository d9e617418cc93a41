package xlsxout

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// Props are the document properties of a workbook. Description carries the mark by which
// duban recognises its own workbooks (Excel and WPS keep it on saving).
type Props struct {
	Application string // app.xml's Application
	Creator     string // also the last modifier; empty leaves excelize's
	Title       string
	Subject     string
	Description string
	Created     time.Time // also the modification time; zero leaves excelize's
}

// SetProps writes p into f's document properties.
func SetProps(f *excelize.File, p Props) error {
	if p.Application != "" {
		if err := f.SetAppProps(&excelize.AppProperties{Application: p.Application}); err != nil {
			return err
		}
	}
	d := &excelize.DocProperties{
		Creator:        p.Creator,
		LastModifiedBy: p.Creator,
		Description:    p.Description,
		Title:          p.Title,
		Subject:        p.Subject,
	}
	if !p.Created.IsZero() {
		d.Created = p.Created.UTC().Format(time.RFC3339)
		d.Modified = d.Created
	}
	return f.SetDocProps(d)
}
