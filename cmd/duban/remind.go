package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/books"
	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
	"github.com/spf13/pflag"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

const remindHelp = `为每个有逾期、临期或无明确时限事项的牵头单位生成一份催办单（<单位>_催办单_<统计截止日>.xlsx）。
催办单是预填好的报送表：列出该单位的这些事项、上次报送的落实状态和进展情况、逾期天数；
单位填写新的落实状态、完成日期、进展情况，没有完成时限的事项填写承诺的完成时限，原文件报回即可。
报回的催办单放进收文文件夹，和其他台账一起汇总。
加 --since 上期汇总表或 --expect 交办清单（含义与 duban report 相同）时，本期没有报送台账的单位也生成催办单：
标题下注明“贵单位本期未报送督查事项台账”，列出其在上期汇总表（或交办清单）中的全部事项，
预填上期的落实状态、完成时限、完成日期和进展情况，以及按本次统计截止日计算的预警；单位填好报回，即作为其本期台账汇总。
词典中应报送为“是”而未报送的单位，也生成一份催办单，要求其报送。

示例：
  duban remind --out-dir 催办 收文                              为各单位生成催办单
  duban remind --out-dir 催办 --reply-by 2024-12-31 收文         注明“请于2024年12月31日前反馈”
  duban remind --out-dir 催办 --as-of 2024-12-20 --config 配置.xlsx 收文
  duban remind --out-dir 催办 --since 督查事项汇总_20241120.xlsx 收文   未报送的单位也生成催办单，列出其上期事项

屏幕上逐行列出每个单位和催办的事项数，未报送的单位注明“未报送”和上期事项数。
与汇总工作簿一样，duban 生成后未经修改的催办单可以直接覆盖；
单位填写过、在Excel或WPS中保存过的催办单不会被覆盖（一份也不生成），除非加 --force。
催办单文件夹不能放在收文文件夹之内：报回的催办单优先于单位的其他报送，未填写的催办单混入收文会盖住新报的内容。

退出码：0 已生成（或没有需要催办的事项）且无错误；1 已生成，但有行或文件因错误被排除；
2 未生成（用法错误、没有可读的数据、加 --strict 时有错误、已有的催办单在生成后被修改过而未加 --force）。`

// remindCmd is duban remind: one reminder form per lead unit (SPEC §9.2).
type remindCmd struct {
	common
	outDir, replyBy string
	expect, since   string // as report's: the units expected and not heard from are reminded too
	force           bool
}

func (c *remindCmd) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.outDir, "out-dir", "", "`文件夹` 催办单写到此文件夹（不存在时自动创建）")
	fs.StringVar(&c.replyBy, "reply-by", "", "`日期` 请各单位于此日期前反馈，如 2024-12-31（默认统计截止日后7天）")
	c.register(fs, "有任何错误就不生成催办单，退出码2")
	fs.BoolVar(&c.force, "force", false, "覆盖生成后被修改过的催办单（默认不覆盖，以免丢失单位填写的内容）")
	fs.StringVar(&c.since, "since", "", "`文件` duban 上次生成的汇总工作簿：本期未报送的单位也生成催办单，列出其上期事项")
	fs.StringVar(&c.expect, "expect", "", "`文件` 交办清单工作簿：未报送的单位也生成催办单，列出其交办事项")
}

func (c *remindCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	if strings.TrimSpace(c.outDir) == "" && fs.NArg() > 0 {
		fmt.Fprintln(stderr, "错误：请用 --out-dir 指定催办单写到哪个文件夹，如 --out-dir 催办")
		return exitNothing
	}
	l, code, ok := c.begin("remind", e, fs, "请给出各单位台账所在的工作簿或文件夹")
	if !ok {
		return code
	}
	o := l.Options
	replyBy, defaultReply, err := replyDate(c.replyBy, o.AsOf)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	if in := inputFolderOf(c.outDir, fs.Args()); in != "" {
		fmt.Fprintf(stderr, "错误：催办单文件夹 %s 在输入文件夹 %s 之内，未填写的催办单下次会被当作各单位报回的催办单汇总；请另选文件夹\n", c.outDir, in)
		return exitNothing
	}
	if !l.against(stderr, c.since, c.expect) {
		return exitNothing
	}
	o = l.Options
	r, code, ok := l.collect(e)
	if !ok {
		return code
	}
	senderHint(stderr, o.Office, o.Quiet)
	rems := sheets.Reminders(r)
	if len(rems) == 0 {
		fmt.Fprintln(stdout, "没有需要催办的事项")
		printBalance(stdout, r)
		return exitCode(r)
	}
	n := books.Notice{Office: o.Office, AsOf: r.AsOf, ReplyBy: replyBy, Contact: o.Dict.Contact, Phone: o.Dict.Phone}
	sent, err := books.WriteReminders(c.outDir, o.Dict, rems, n, append(slices.Clip(l.files), c.config, c.since, c.expect), c.force)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	printSent(stdout, sent)
	items := 0
	for _, s := range sent {
		items += s.Items()
	}
	fmt.Fprintf(stdout, "已在 %s 写出%d份催办单，共%d项事项\n", c.outDir, len(sent), items)
	if defaultReply {
		fmt.Fprintf(stdout, "未指定 --reply-by，催办单请各单位于%s前反馈（统计截止日后%d天）；另定日期请加 --reply-by\n", sheets.CNDate(replyBy), defaultReplyDays)
	}
	printBalance(stdout, r)
	return exitCode(r)
}

// printSent lists the units sent a reminder by name (in pinyin order, as Excel and WPS sort
// Chinese), in aligned columns: unit, items, file.
func printSent(w io.Writer, sent []books.Sent) {
	sent = slices.Clone(sent)
	pinyin := collate.New(language.Chinese)
	slices.SortStableFunc(sent, func(a, b books.Sent) int { return pinyin.CompareString(a.Unit, b.Unit) })
	uw, cw := 0, 0
	for _, s := range sent {
		uw = max(uw, min(zhtext.Width(s.Unit), maxAlign))
		cw = max(cw, zhtext.Width(s.Counts()))
	}
	for _, s := range sent {
		fmt.Fprintln(w, pad(s.Unit, uw)+"  "+pad(s.Counts(), cw)+"  "+s.Path)
	}
}

// replyDate reads --reply-by (flag, "" when not given): not before the as-of date; by default
// the as-of date + defaultReplyDays, which the caller says on stdout (isDefault).
func replyDate(flag string, asOf time.Time) (t time.Time, isDefault bool, err error) {
	if flag == "" {
		return asOf.AddDate(0, 0, defaultReplyDays), true, nil // SPEC §2
	}
	t, err = sheets.ParseDate(flag, false)
	if err != nil || t.IsZero() {
		return t, false, fmt.Errorf("--reply-by “%s”不是有效日期，应写成 2024-12-31", flag)
	}
	if t.Before(asOf) {
		return t, false, fmt.Errorf("--reply-by %s 早于统计截止日 %s", t.Format(time.DateOnly), asOf.Format(time.DateOnly))
	}
	return t, false, nil
}

// defaultReplyDays is how many days after the as-of date units answer a reminder when
// --reply-by is not given (SPEC §2).
const defaultReplyDays = 7

// inputFolderOf returns the input folder among paths that holds dir (or is dir), else "". A
// returned reminder wins over the unit's other rows, so reminders written among the inputs
// would, unfilled, override what the units send next.
func inputFolderOf(dir string, paths []string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			continue
		}
		a, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(a, d); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return p
		}
	}
	return ""
}
