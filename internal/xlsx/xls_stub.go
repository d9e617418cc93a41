package xlsx

import "io"

// readXLS is a stand-in until the .xls reader is merged (the lead deletes this file then).
func readXLS(ra io.ReaderAt, size int64, opt Options) (*Book, error) { return nil, ErrLegacy }
