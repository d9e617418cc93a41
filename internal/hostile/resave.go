package hostile

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// SavedBy makes f's document properties say what a program that opened and saved it would
// (SPEC §2, "saved since"): app as the application (Excel writes "Microsoft Excel", WPS
// "WPS 表格"), user as the last modifier, the modification time now. Tests that fill in a form
// or reminder duban wrote call it before saving, as a unit's Excel would.
func SavedBy(f *excelize.File, app, user string) error {
	ap, err := f.GetAppProps()
	if err != nil {
		return err
	}
	ap.Application = app
	if err := f.SetAppProps(ap); err != nil {
		return err
	}
	dp, err := f.GetDocProps()
	if err != nil {
		return err
	}
	dp.LastModifiedBy = user
	dp.Modified = time.Now().UTC().Add(time.Minute).Format(time.RFC3339)
	return f.SetDocProps(dp)
}
