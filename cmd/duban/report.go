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

	"github.com/duban/duban/sheets"
	"github.com/duban/duban/templates"
	"github.com/spf13/pflag"
)

// Options are what report and check were asked for on the command line: the pipeline's
// options and how much to print.
type Options struct {
	sheets.Options
	Quiet bool // print only errors
	// Verbose lists every notice (提示) one by one (SPEC §2, -v); every notice is listed today
	// whether or not it is set.
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
		fmt.Fprintln(e.stderr, "错误：", err)
		return o, exitNothing, false
	}
	so.Progress = progress(e.stderr, c.quiet)
	return Options{Options: so, Quiet: c.quiet, Verbose: c.verbose, Strict: c.strict}, exitOK, true
}

// options turns the flags into pipeline options.
func (c *common) options() (sheets.Options, error) {
	var o sheets.Options
	d, err := loadDict(c.config)
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
	o.Read.Password = c.password
	n, err := parseSize(c.maxUnzip)
	if err != nil {
		return o, err
	}
	o.Read.MaxUnzip = n
	return o, nil
}

// loadDict returns the built-in dictionary, or the one in a config workbook.
func loadDict(path string) (*sheets.Dict, error) {
	if path == "" {
		return sheets.ParseDict(templates.Dictionary)
	}
	return sheets.ReadConfig(path)
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
	if err != nil || mult == 0 || f <= 0 {
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

退出码：0 已生成且无错误；1 已生成，但有行或文件因错误被排除；
2 未生成（用法错误、没有可读的数据、加 --strict 时有错误、输出文件也是输入文件）。`

// reportCmd is duban report, and duban PATH....
type reportCmd struct {
	common
	output, expect, since string
}

func (c *reportCmd) flags(fs *pflag.FlagSet) {
	fs.StringVarP(&c.output, "output", "o", "", "`文件` 汇总工作簿（默认 督查事项汇总_<统计截止日>.xlsx）")
	c.register(fs, "有任何错误就不生成工作簿，退出码2")
	fs.StringVar(&c.expect, "expect", "", "`文件` 交办清单工作簿：核对漏报事项和未报送单位")
	fs.StringVar(&c.since, "since", "", "`文件` duban 上次生成的汇总工作簿：列出本期办结、新增逾期、本期未报等变化")
}

func (c *reportCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	o, code, ok := c.parse("report", e, fs, "请给出要汇总的工作簿或文件夹")
	if !ok {
		return code
	}
	files, probs := sheets.Source(fs.Args())
	limitMemory(files)

	out := c.output
	if out == "" {
		dir := "."
		if e.dropped {
			dir = filepath.Dir(filepath.Clean(fs.Arg(0)))
		}
		out = filepath.Join(dir, "督查事项汇总_"+o.AsOf.Format("20060102")+".xlsx")
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		fmt.Fprintf(stderr, "错误： 输出文件 %s 应以 .xlsx 结尾\n", out)
		return exitNothing
	}
	inputs := files
	if c.since != "" {
		inputs = append(slices.Clip(files), c.since) // the previous report is not overwritten either
	}
	if err := checkOutput(out, inputs); err != nil {
		fmt.Fprintln(stderr, "错误：", err)
		return exitNothing
	}
	var prev *sheets.Previous
	if c.since != "" {
		p, err := sheets.ReadPrevious(c.since)
		if err != nil {
			fmt.Fprintln(stderr, "错误：", err)
			return exitNothing
		}
		prev = p
	}

	r := sheets.Build(files, o.Options)
	r.Problems = append(probs, r.Problems...)
	sheets.SortProblems(r.Problems)
	if c.expect != "" {
		rec, err := sheets.Reconcile(c.expect, r, o.Options)
		if err != nil {
			fmt.Fprintln(stderr, "错误：", err)
			return exitNothing
		}
		r.Expect = rec
	}
	if prev != nil {
		sheets.AddSince(r, prev)
	}
	printProblems(stderr, r.Problems, o)

	errs := sheets.Count(r.Problems, sheets.Error)
	if r.Files == 0 || r.RowsRead == 0 {
		fmt.Fprintln(stderr, "错误：没有读取到任何台账数据，未生成汇总工作簿")
		return exitNothing
	}
	if o.Strict && errs > 0 {
		fmt.Fprintf(stderr, "错误：发现%d个错误，按 --strict 要求未生成汇总工作簿\n", errs)
		return exitNothing
	}
	checkPath, err := sheets.WriteReport(out, r)
	if err != nil {
		fmt.Fprintln(stderr, "错误：写入汇总工作簿失败：", err)
		return exitNothing
	}
	if !o.Quiet {
		printSummary(stdout, r)
		fmt.Fprintf(stdout, "汇总工作簿：%s\n", out)
		fmt.Fprintf(stdout, "核对工作簿：%s\n", checkPath)
		if n := len(r.Problems); n > 0 {
			fmt.Fprintf(stdout, "发现问题%d条：错误%d条，警告%d条，提示%d条，已列入核对工作簿的“校验问题”工作表\n", n, errs,
				sheets.Count(r.Problems, sheets.Warning), sheets.Count(r.Problems, sheets.Notice))
		}
		printBalance(stdout, r)
	}
	if errs > 0 {
		return exitErrors
	}
	return exitOK
}

// checkOutput refuses an output path that is one of the inputs or lies in a missing folder.
func checkOutput(out string, inputs []string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		a, err := filepath.Abs(in)
		if err == nil && (a == abs || sameFile(a, abs)) {
			return fmt.Errorf("输出文件 %s 也是输入文件，不能覆盖；请用 -o 指定另一个文件名", out)
		}
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

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// printProblems writes one line per problem: 文件!工作表!单元格: 级别: 说明. Every notice is
// listed, with or without o.Verbose, until the terminal output counts them (SPEC §2).
func printProblems(w io.Writer, ps []sheets.Problem, o Options) {
	for _, p := range ps {
		if o.Quiet && p.Level != sheets.Error {
			continue
		}
		fmt.Fprintln(w, p.String())
	}
}

// printSummary writes the short table per category and the narrative.
func printSummary(w io.Writer, r *sheets.Report) {
	fmt.Fprintf(w, "督查事项汇总（统计截止：%s）\n", r.AsOf.Format("2006年1月2日"))
	rows := [][]string{{"类别", "会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期", "落实率"}}
	line := func(c sheets.CategoryStats, meetings string) []string {
		return []string{c.Name, meetings, strconv.Itoa(c.Items), strconv.Itoa(c.Done), strconv.Itoa(c.InProgress),
			strconv.Itoa(c.NotStarted), strconv.Itoa(c.Overdue), strconv.Itoa(c.DueSoon), sheets.Percent(c.Done, c.Items)}
	}
	for _, c := range r.Categories {
		m := ""
		if c.Kind == sheets.KindMeeting {
			m = strconv.Itoa(c.Meetings)
		}
		rows = append(rows, line(c, m))
	}
	rows = append(rows, line(r.Total, strconv.Itoa(r.Total.Meetings)))
	printTable(w, rows)
	fmt.Fprintln(w)
	fmt.Fprintln(w, r.Narrative)
	fmt.Fprintln(w)
}

// printBalance writes the row-count proof that ends stdout (SPEC §5).
func printBalance(w io.Writer, r *sheets.Report) {
	fmt.Fprintf(w, "行数核对：读取%d行 = 明细%d项 + 重复合并%d行 + 错误排除%d行\n",
		r.RowsRead, len(r.Items), r.Duplicates, r.Excluded)
}

// printTable aligns columns by display width (a CJK character is two columns wide).
func printTable(w io.Writer, rows [][]string) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-displayWidth(c))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF) {
			n += 2
		} else {
			n++
		}
	}
	return n
}
