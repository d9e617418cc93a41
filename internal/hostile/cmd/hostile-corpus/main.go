// Command hostile-corpus writes the hostile corpus into a folder, for scripts that run duban's
// commands on it (scripts/validate-outputs.sh): good ledgers, damaged and odd files, and the
// workbooks with Excel's own notes, sheets without views and over-long sheet names that
// annotated copies must handle.
//
// usage: go run ./internal/hostile/cmd/hostile-corpus DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/duban/duban/internal/hostile"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hostile-corpus DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "hostile-corpus:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if _, err := hostile.Good(dir); err != nil {
		return err
	}
	if _, err := hostile.Bad(dir); err != nil {
		return err
	}
	// A ledger with problems to mark: an impossible deadline whose text carries control
	// characters (an error) and a done item without its 完成日期 (a warning).
	ledger := [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"市长专题会议第7次", "编制统计公报", "市审计局", hostile.ControlText, "推进中", ""},
		{"市长专题会议第7次", "开展经济普查", "市审计局", "2023-06-30", "已落实", ""},
		{"市长专题会议第8次", "开展审计整改“回头看”", "市审计局", "2024-02-30", "推进中", ""},
	}
	// The same with a 序号 column, for number cells.
	var numbered [][]any
	for i, r := range ledger {
		n := any("序号")
		if i > 0 {
			n = i
		}
		numbered = append(numbered, append([]any{n}, r...))
	}
	books := map[string]func() ([]byte, error){
		"批注已有.xlsx": func() ([]byte, error) {
			return hostile.WithExcelNotes(ledger, map[string]string{"A3": "单位自己的批注"})
		},
		"无视图.xlsx": func() ([]byte, error) { return hostile.WithoutSheetViews(ledger) },
		"长表名.xlsx": func() ([]byte, error) {
			return hostile.WithSheetName("市审计局二〇二四年度督查事项落实情况台账（第二季度更新版本）", ledger)
		},
		// What makes Excel repair a copy made as it is (issue 20): numbers that are not
		// finite, a text over 32,767 characters, notes' VML without a content type, no
		// styles part, a sheet named History, a sheet without a name.
		"非数值.xlsx": func() ([]byte, error) {
			return hostile.WithCells(numbered, map[string]string{
				"A2": `<c r="A2"><v>NaN</v></c>`, "A3": `<c r="A3"><v>INF</v></c>`, "A4": `<c r="A4"><f>1/0</f><v>-inf</v></c>`,
			})
		},
		"超长文本.xlsx": func() ([]byte, error) {
			return hostile.WithLongText(ledger, "开展经济普查", "开展经济普查"+strings.Repeat("，按计划推进", 7000))
		},
		"批注无类型.xlsx": func() ([]byte, error) {
			return hostile.WithUndeclaredVML(ledger, map[string]string{"A3": "单位自己的批注"})
		},
		"无样式.xlsx":      func() ([]byte, error) { return hostile.WithoutStyles(ledger) },
		"History表.xlsx": func() ([]byte, error) { return hostile.WithSheetName("History", ledger) },
		"无名表.xlsx":      func() ([]byte, error) { return hostile.WithSheetName("", ledger) },
	}
	for name, build := range books {
		data, err := build()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
