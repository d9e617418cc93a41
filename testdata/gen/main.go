// Command gen writes realistic, messy unit ledgers (委办局督查事项台账) for duban's tests, demos
// and benchmarks, and prints the figures a correct `duban report` must arrive at.
//
// # The bundled sample
//
//	scripts/sample-xls.sh    # go run ./testdata/gen -out testdata/sample -xlssrc TMP, then soffice
//
// writes testdata/sample/: 13 workbooks from 12 units (about 300 items of 2024 in the categories
// 市委常委会议, 市政府常务会议, 市长办公会议, 市长专题会议, 市长批示件 and 两报告), one layout per
// file, together covering every case of SPEC §3. 市教育局's is an .xls (BIFF8): the generator
// writes it as .xlsx into the -xlssrc folder (not into the sample), and the script saves it into
// the sample with LibreOffice (soffice --convert-to xls).
//
//   - 市发展改革委: a title row merged across, a `填报单位（盖章）：… 填报日期：…` line, header aliases
//     (事项来源, 议定事项, 责任单位, 办结时限, 办理状态 …), dates formatted yyyy"年"m"月"d"日",
//     meetings written 市政府第五次常务会议, a 填表人/联系电话 footer.
//   - 市财政局（初稿） and 市财政局（终稿）: a two-row header (落实情况 merged over 落实状态 | 完成日期 |
//     进展情况, the other names merged down), 类别/会议/会议日期 merged vertically over each group,
//     a 编号 column. The final differs from the draft only by statuses advanced: every row of the
//     draft is a duplicate to merge.
//   - 市自然资源和规划局: header text with spaces, line breaks, `＊`, full-width spaces; blank rows
//     between groups; text deadlines; meetings written 市政府常务会议（第5次）; two footer rows.
//   - 市住房城乡建设局: a 填报说明 sheet (not a ledger), two ledger sheets (会议事项, 批示件) and a
//     hidden list sheet feeding a drop-down; dates in built-in format 14.
//   - 市交通运输局: the 牵头单位 column left blank, relying on the 填报单位 line; dates both real
//     and text; meeting names in every spelling; one row without 事项内容 (错误).
//   - 市教育局: the canonical layout; it co-reports two items led by 市发展改革委 (the same items in
//     two files, spelled differently), one with a status lagging behind the lead unit's.
//   - 市卫生健康委: 会议类型 + 会议届次 written only as 第十四次; one status 基本完成 (错误).
//   - 市商务局: every text deadline form of SPEC §4.2; one deadline 2024年2月30日 (错误).
//   - 市工业和信息化局: no 类别 column (the category comes from the meeting name), meeting cells
//     merged vertically; one 已落实 row without 完成日期 (警告).
//   - 市生态环境局: 市长批示件 with 批示文号 〔2024〕12号, the 督办类型 cell merged over the sheet,
//     a locale-tagged date format.
//   - 市农业农村局: 两报告 and 批示件 with text dates, saved as WPS does: a wrong <dimension> (A1:A1).
//   - 市应急管理局: the 1904 date system, a 督办编号 column.
//
// plus 说明.txt (not a workbook: a 提示) and ~$市财政局.xlsx (an Office lock file: skipped silently).
// Everything is fixed: the seed, the dates, the statistics date 2024-12-20.
//
// # Corpora for benchmarks
//
//	go run ./testdata/gen -out /tmp/big -files 200 -rows 1000
//
// writes FILES workbooks of ROWS items each (11 columns, the canonical layout with variations:
// header aliases, optional title rows, columns swapped, Excel or text dates, status spellings),
// through excelize's StreamWriter, several files at a time. They contain no duplicates and no
// errors. Output is deterministic for given flags; -seed changes it.
//
// # The expected figures
//
// Both modes print to stdout what a correct report shows as of 2024-12-20 with 临期 at 7 days:
// per category 会议次数, 事项数, 已落实, 推进中, 未启动, 逾期, 临期, 无明确时限, 落实率 and 按期办结率,
// the line 按期办结率：按期办结N项 / 应办结M项 = x%, the line
// `行数核对：读取N行 = 明细M项 + 重复合并K行 + 错误排除E行`, the planted problems with their cells,
// figures per unit and the narrative in the style of SPEC §7.9.
//
// The go tool leaves testdata out of ./... patterns; test this program with
// `go test ./testdata/gen`. After changing it, regenerate the sample and review the summary.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

const (
	year     = 2024
	warnDays = 7
)

// xlsUnit is the unit whose ledger the sample holds as .xls (BIFF8), as LibreOffice saves
// the .xlsx the generator writes for it (scripts/sample-xls.sh).
const xlsUnit = "市教育局"

// asOf is the statistics date (统计截止日) the printed figures are computed for.
var asOf = day(year, 12, 20)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", filepath.Join("testdata", "sample"), "output folder")
	files := fs.Int("files", 0, "number of workbooks for a benchmark corpus; 0 writes the bundled sample")
	rows := fs.Int("rows", 500, "items per workbook of a benchmark corpus")
	seed := fs.Uint64("seed", 2024, "random seed")
	xlsSrc := fs.String("xlssrc", "", "sample: folder for "+xlsUnit+".xlsx, which scripts/sample-xls.sh saves into the sample as .xls; \"\" leaves it out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *files < 0 || *rows < 1 {
		return fmt.Errorf("-files must be ≥ 0 and -rows ≥ 1")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if *files > 0 {
		return corpus(*out, *files, *rows, *seed, stdout)
	}
	if *xlsSrc != "" {
		if err := os.MkdirAll(*xlsSrc, 0o755); err != nil {
			return err
		}
	}
	return sample(*out, *xlsSrc, *seed, stdout)
}
