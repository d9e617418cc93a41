package xlsxout

// Text the kit puts into workbooks.
const (
	// MsgCut ends a text cut at Excel's limit of a cell (CellText).
	MsgCut = "…（已截断）"
)
