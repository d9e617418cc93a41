package xlsxout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

// ledger is a unit's ledger with values in the cells the hostile inputs replace.
var ledger = [][]any{
	{"会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成率"},
	{"市长专题会议第7次", "编制统计公报", "市审计局", "2024-06-30", "推进中", 0.5},
	{"市长专题会议第7次", "〔长文本〕", "市审计局", "2023-06-30", "已落实", 1},
	{"市长专题会议第8次", "开展审计整改", "市审计局", "2024-02-30", "推进中", 0.25},
}

// annotate makes a copy of data as check --annotate does: opened with excelize (prepare
// runs first), the noted cells filled, a 问题清单 sheet added, saved, and the notes added.
func annotate(t *testing.T, data []byte, prepare func(*excelize.File), notes []Note) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if prepare != nil {
		prepare(f)
	}
	fill, err := f.NewStyle(&excelize.Style{Fill: Solid("FF9999")})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		if err := f.SetCellStyle(n.Sheet, n.Cell, n.Cell, fill); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("问题清单"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("问题清单", "A1", "本表列出校验发现的问题"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := AddNotes(buf.Bytes(), "督查室", notes)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func note(cell string) []Note {
	return []Note{{Sheet: "台账", Cell: cell, Text: "错误：完成时限无法识别"}}
}

// Number cells that hold NaN and infinities, as some exporters write them (Excel opens them,
// then offers to repair the copy): the copy holds their text, a formula keeps its formula.
func TestRepairNumbers(t *testing.T) {
	data, err := hostile.WithCells(ledger, map[string]string{
		"F2": `<c r="F2"><v>NaN</v></c>`,
		"F3": `<c r="F3" t="n"><v>-INF</v></c>`,
		"F4": `<c r="F4"><f>1/0</f><v>inf</v></c>`,
	})
	if err != nil {
		t.Fatal(err)
	}
	out := annotate(t, data, nil, note("D4"))
	parts, _ := unpacked(t, out)
	sheet := parts["xl/worksheets/sheet1.xml"]
	for _, want := range []string{
		`<c r="F2" t="inlineStr"><is><t>NaN</t></is></c>`,
		`<c r="F3" t="inlineStr"><is><t>-INF</t></is></c>`,
		`<c r="F4" t="str"><f>1/0</f><v>inf</v></c>`,
	} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet has no %s:\n%s", want, sheet)
		}
	}
	validate(t, out)
}

// A shared string of 40,000 characters (an exporter that does not know Excel's limit), with
// an escaped emoji where the cut falls, and one inline: both cut with the mark, never inside
// a character.
func TestRepairLongText(t *testing.T) {
	room := MaxText - UTF16Len(MsgCut)
	long := strings.Repeat("进", room-1) + "_xD83D__xDE00_" + strings.Repeat("展", 8000)
	data, err := hostile.WithLongText(ledger, "〔长文本〕", long)
	if err != nil {
		t.Fatal(err)
	}
	data2, err := hostile.WithCells(ledger, map[string]string{
		"B4": `<c r="B4" t="inlineStr"><is><r><t>` + strings.Repeat("进", 20000) + `</t></r><r><t>` + strings.Repeat("展", 20000) + `</t></r></is></c>`,
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		data       []byte
		cell, want string
	}{
		"shared": {data, "B3", strings.Repeat("进", room-1) + MsgCut},
		"inline": {data2, "B4", strings.Repeat("进", 20000) + strings.Repeat("展", room-20000) + MsgCut},
	} {
		out := annotate(t, c.data, nil, note("D4"))
		g, err := excelize.OpenReader(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := g.GetCellValue("台账", c.cell); got != c.want {
			t.Errorf("%s: %s has %d units ending %q, want %d ending %q", name, c.cell, UTF16Len(got), tail(got), UTF16Len(c.want), tail(c.want))
		}
		if got, _ := g.GetCellValue("台账", "B2"); got != "编制统计公报" {
			t.Errorf("%s: B2 = %q", name, got)
		}
		g.Close()
		validate(t, out)
	}
}

// Notes of Excel's kind whose VML parts have no content type (no Default for .vml): the copy
// declares them, those it adds to and those it does not touch.
func TestRepairUndeclaredVML(t *testing.T) {
	data, err := hostile.WithUndeclaredVML(ledger, map[string]string{"A3": "单位自己的批注"})
	if err != nil {
		t.Fatal(err)
	}
	out := annotate(t, data, nil, note("D4"))
	parts, _ := unpacked(t, out)
	if ct := parts["[Content_Types].xml"]; strings.Count(ct, `Extension="vml"`) != 1 {
		t.Errorf("content types:\n%s", ct)
	}
	validate(t, out)
}

// A workbook without a styles part: excelize opens it and then fails with a nil pointer in
// NewStyle (the message a clerk got was a Go runtime error). EnsureStyles gives it one.
func TestEnsureStyles(t *testing.T) {
	data, err := hostile.WithoutStyles(ledger)
	if err != nil {
		t.Fatal(err)
	}
	added := false
	out := annotate(t, data, func(f *excelize.File) {
		if added, err = EnsureStyles(f); err != nil {
			t.Fatal(err)
		}
	}, note("D4"))
	if !added {
		t.Error("EnsureStyles added no styles")
	}
	g, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	id, _ := g.GetCellStyle("台账", "D4")
	if st, err := g.GetStyle(id); err != nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FF9999" {
		t.Errorf("D4 style %d: %+v %v", id, st, err)
	}
	validate(t, out)

	// A workbook with styles keeps its own.
	good, err := hostile.Book("台账", ledger)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if added, err := EnsureStyles(f); added || err != nil {
		t.Errorf("EnsureStyles on a workbook with styles: %v %v", added, err)
	}
}
