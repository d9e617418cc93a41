package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/duban/duban/books"
	"github.com/duban/duban/sheets"
	"github.com/duban/duban/templates"
	"github.com/spf13/pflag"
)

// Options are what report and check were asked for on the command line: the pipeline's
// options and how much to print.
type Options struct {
	sheets.Options
	Quiet bool // print only errors
	// Verbose lists every notice (提示) one by one after their counts per kind (SPEC §2, -v).
	Verbose bool
	Strict  bool // any error: write nothing, exit 2 (report)
}

// common holds the flags shared by report and check.
type common struct {
	asOf     string
	warnDays int
	// warnDaysSet is true when --warn-days was given; otherwise the dictionary's setting holds.
	warnDaysSet bool
	config      string
	strict      bool
	quiet       bool
	verbose     bool
	password    string
	maxUnzip    string
	year        int // --year: the reporting year (年度), 0 to infer it
}

// register registers the shared flags on fs; strictUsage says what --strict does for the command.
func (c *common) register(fs *pflag.FlagSet, strictUsage string) {
	fs.StringVar(&c.asOf, "as-of", "", "`日期` 统计截止日，如 2024-11-30（默认今天）")
	fs.IntVar(&c.warnDays, "warn-days", 7, "`天数` 距完成时限不超过这些天的未落实事项记为临期（默认为词典中的设置，内置词典为7）")
	fs.StringVar(&c.config, "config", "", "`文件` 使用 duban config 导出并修改过的词典工作簿")
	fs.BoolVar(&c.strict, "strict", false, strictUsage)
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "只显示错误")
	fs.BoolVarP(&c.verbose, "verbose", "v", false, "逐条列出每个提示")
	fs.StringVar(&c.password, "password", "", "`密码` 打开加密工作簿的密码（所有文件共用）")
	fs.StringVar(&c.maxUnzip, "max-unzip", "512MiB", "`大小` 单个工作簿解压后的大小上限，超过即拒绝读取")
	fs.IntVar(&c.year, "year", 0, "`年份` 报告年度：未写年份的日期归入此年（默认取多数会议的年份）")
}

// parse turns the parsed command line of report or check into options. ok is false when the
// command must stop, with its exit status in code.
func (c *common) parse(cmd string, e *env, fs *pflag.FlagSet, noPaths string) (o Options, code int, ok bool) {
	c.warnDaysSet = fs.Changed("warn-days")
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "错误："+noPaths)
		lookup(cmd).printHelp(e.stderr, fs)
		return o, exitNothing, false
	}
	so, err := c.options()
	if err != nil {
		fmt.Fprintln(e.stderr, "错误："+err.Error())
		return o, exitNothing, false
	}
	progress(&so, e.stderr, c.quiet)
	return Options{Options: so, Quiet: c.quiet, Verbose: c.verbose, Strict: c.strict}, exitOK, true
}

// options turns the flags into pipeline options.
func (c *common) options() (sheets.Options, error) {
	var o sheets.Options
	n, err := parseSize(c.maxUnzip)
	if err != nil {
		return o, err
	}
	o.Read.MaxUnzip = n
	d, err := loadDict(c.config, o.Read)
	if err != nil {
		return o, err
	}
	o.Dict = d
	o.Office = d.Office
	o.Created = time.Now()
	o.AsOf = o.Created
	if c.asOf != "" {
		t, err := sheets.ParseDate(c.asOf, false)
		if err != nil || t.IsZero() {
			return o, fmt.Errorf("--as-of “%s”不是有效日期，应写成 2024-11-30", c.asOf)
		}
		o.AsOf = t
	}
	o.AsOf = time.Date(o.AsOf.Year(), o.AsOf.Month(), o.AsOf.Day(), 0, 0, 0, 0, time.UTC)
	o.WarnDays = d.WarnDays
	if c.warnDaysSet {
		if c.warnDays < 0 || c.warnDays > 366 {
			return o, fmt.Errorf("--warn-days %d 无效，应为 0 到 366 之间的天数", c.warnDays)
		}
		o.WarnDays = c.warnDays
	}
	if c.year != 0 && (c.year < 2000 || c.year > 2100) {
		return o, fmt.Errorf("--year %d 无效，应为 2000 到 2100 之间的年份，如 2024", c.year)
	}
	o.Year = c.year
	o.Read.Password = c.password
	return o, nil
}

// loadDict returns the built-in dictionary, or the one in a config workbook read with ro's
// limits.
func loadDict(path string, ro sheets.ReadOptions) (*sheets.Dict, error) {
	if path == "" {
		return sheets.ParseDict(templates.Dictionary)
	}
	d, err := sheets.ReadConfig(path, sheets.ReadOptions{MaxUnzip: ro.MaxUnzip})
	if err == nil && len(d.Requirements) == 0 {
		// A config workbook written before 设置 had 下一步工作要求: the built-in paragraphs.
		if def, derr := sheets.ParseDict(templates.Dictionary); derr == nil {
			d.Requirements = def.Requirements
		}
	}
	return d, err
}

// parseSize reads sizes such as 512MiB, 1G, 100MB, 2048 (bytes).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.TrimSpace(t[i:])
	}
	f, err := strconv.ParseFloat(num, 64)
	mult := map[string]float64{"": 1, "B": 1, "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10,
		"M": 1 << 20, "MB": 1 << 20, "MIB": 1 << 20, "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30}[unit]
	// 1<<62 bytes is far above any disk; a larger size (99999999999999999999GiB) would
	// overflow int64 and quietly become the default.
	if err != nil || mult == 0 || f <= 0 || f*mult >= 1<<62 {
		return 0, fmt.Errorf("--max-unzip “%s”无效，应写成 512MiB、1GiB 这样的大小", s)
	}
	return int64(f * mult), nil
}

const reportHelp = `读取各单位报送的台账（工作簿或文件夹），校验、合并后生成汇总工作簿。

示例：
  duban report 收文/2024年12月                       汇总文件夹里的全部台账
  duban report --as-of 2024-12-20 -o 汇总.xlsx 收文   指定统计截止日和输出文件
  duban report --expect 交办清单.xlsx 收文            同时核对漏报事项和未报送单位
  duban report --since 督查事项汇总_20241120.xlsx 收文   与上期汇总比较，增加“变化情况”工作表
  duban report --docx --issue 16 收文                  同时生成本期督查通报（Word文档），刊头印“第16期”

加 --docx 时，在汇总工作簿旁边另写 <汇总工作簿名>_通报.docx：关于<年度>年度督查事项落实情况的通报，
总体情况与汇总表的文字摘要一致，存在问题列出逾期事项和未计入的情况，附件是逾期、临期和无明确时限的事项。

退出码：0 已生成且无错误；1 已生成，但有行或文件因错误被排除；
2 未生成（用法错误、没有可读的数据、加 --strict 时有错误、输出文件也是输入文件、
输出文件在生成后被手工修改过而未加 --force）。`

// reportCmd is duban report, and duban PATH....
type reportCmd struct {
	common
	output, expect, since string
	force                 bool // replace output workbooks edited after duban wrote them
	docx                  bool // --docx: also write the period's 通报
	issue                 int  // --issue: its 期号
}

func (c *reportCmd) flags(fs *pflag.FlagSet) {
	fs.StringVarP(&c.output, "output", "o", "", "`文件` 汇总工作簿（默认 督查事项汇总_<统计截止日>.xlsx）")
	fs.BoolVar(&c.force, "force", false, "覆盖生成后被修改过的汇总工作簿和核对工作簿（默认不覆盖，以免丢失手工修改）")
	c.register(fs, "有任何错误就不生成工作簿，退出码2")
	fs.StringVar(&c.expect, "expect", "", "`文件` 交办清单工作簿：核对漏报事项和未报送单位")
	fs.StringVar(&c.since, "since", "", "`文件` duban 上次生成的汇总工作簿：列出本期办结、新增逾期、本期未报等变化")
	fs.BoolVar(&c.docx, "docx", false, "同时生成本期督查通报（Word文档 <汇总工作簿名>_通报.docx）")
	fs.IntVar(&c.issue, "issue", 0, "`期号` 督查通报刊头的期号（与 --docx 同用；默认留空“第　期”）")
}

func (c *reportCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	l, code, ok := c.begin("report", e, fs, "请给出要汇总的工作簿或文件夹")
	if !ok {
		return code
	}
	o, files := l.Options, l.files

	out := c.output
	if out == "" {
		dir := "."
		if e.dropped {
			dir = filepath.Dir(filepath.Clean(fs.Arg(0)))
		}
		out = filepath.Join(dir, "督查事项汇总_"+o.AsOf.Format("20060102")+".xlsx")
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		fmt.Fprintf(stderr, "错误：输出文件 %s 应以 .xlsx 结尾\n", out)
		return exitNothing
	}
	if err := checkOutput(out); err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	if c.issue < 0 || c.issue > 0 && !c.docx {
		fmt.Fprintf(stderr, "错误：--issue 是督查通报的期号（正整数），请与 --docx 同用，如 --docx --issue 16\n")
		return exitNothing
	}
	targets := []string{out, sheets.CheckPath(out)}
	if c.docx {
		targets = append(targets, books.ReportBulletinPath(out))
	}
	// The previous report, the master list and the dictionary are not overwritten either.
	inputs := append(slices.Clip(files), c.since, c.expect, c.config)
	if refuseTargets(stderr, c.force, inputs, targets...) {
		return exitNothing
	}
	if !l.against(stderr, c.since, c.expect) {
		return exitNothing
	}
	o = l.Options // with the previous report and the master list
	r := l.build()
	printStderr(stderr, r, o)
	senderHint(stderr, o.Office, o.Quiet)

	if code, ok := l.writable(e, r, "汇总工作簿"); !ok {
		return code
	}
	var also []books.Output
	docx := ""
	if c.docx {
		docx = books.ReportBulletinPath(out)
		also = append(also, books.BulletinOutput(docx, books.ReportBulletin(r, o.Dict, c.issue)))
	}
	checkPath, err := books.WriteReport(out, r, also...)
	if err != nil {
		fmt.Fprintf(stderr, "错误：未能写出汇总工作簿：%v\n", err)
		return exitNothing
	}
	printReportOutput(stdout, r, o, out, checkPath, docx)
	return exitCode(r)
}

// refuseTargets says on w why each of the targets of a run may not be written (books.
// CheckTargets: one of the inputs, a file duban did not write, one saved since without
// force), and reports whether any may not. All are checked before any is written.
func refuseTargets(w io.Writer, force bool, inputs []string, targets ...string) bool {
	errs := books.CheckTargets(targets, inputs, force)
	for _, err := range errs {
		fmt.Fprintln(w, "错误："+err.Error())
	}
	return len(errs) > 0
}

// checkOutput refuses an output path in a missing folder, or that is a folder.
func checkOutput(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("输出文件夹 %s 不存在，请先创建或用 -o 指定其他位置", dir)
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return fmt.Errorf("输出路径 %s 是一个文件夹，请用 -o 指定文件名", out)
	}
	return nil
}
