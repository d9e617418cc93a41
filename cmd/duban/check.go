package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/duban/duban/books"
	"github.com/duban/duban/sheets"
	"github.com/spf13/pflag"
)

const checkHelp = `只校验各单位的台账，不生成汇总工作簿：逐个文件说明读取结果，按文件列出错误（文件!工作表!单元格: 说明）
和警告，提示按类计数（加 -v 逐条列出）。

示例：
  duban check 收文/市财政局.xlsx        检查一个单位的台账
  duban check -q 收文                   只列出错误
  duban check --annotate 退回 收文      把有错误的台账标注后复制到“退回”文件夹，可直接发回单位（加 --all 也复制只有警告的）
  duban check --annotate 退回 --reply-by 2024-12-31 收文
                                        问题清单写明“请于2024年12月31日前改正后重新报送”（默认统计截止日后7天）

批注副本不会覆盖文件夹中不是duban写出的文件（如下一期的台账），也不会覆盖单位改过的批注副本（除非加 --force）；
有任何一份不能写出时，一份也不写。

退出码：0 没有错误；1 有错误（加不加 --strict 都是1）；2 无法运行（用法错误、没有可读的文件、无法创建标注文件夹）；某个文件写不出批注副本时，它列为错误，退出码1。`

// checkCmd is duban check.
type checkCmd struct {
	common
	annotate string
	all      bool
	force    bool // replace annotated copies saved since they were written
	replyBy  string
}

func (c *checkCmd) flags(fs *pflag.FlagSet) {
	c.register(fs, "check 不生成工作簿，此选项不改变退出码（与 report 共用，便于改写命令）")
	fs.StringVar(&c.annotate, "annotate", "", "`文件夹` 把有错误的台账复制到此文件夹，问题单元格标红/标黄并加批注，附问题清单")
	fs.BoolVar(&c.all, "all", false, "与 --annotate 同用：只有警告的台账也写出批注副本，问题清单也列出提示")
	fs.BoolVar(&c.force, "force", false, "与 --annotate 同用：覆盖生成后被修改过的批注副本（不是duban写出的文件从不覆盖）")
	fs.StringVar(&c.replyBy, "reply-by", "", "`日期` 与 --annotate 同用：请单位于此日期前改正后重新报送（默认统计截止日后7天）")
}

func (c *checkCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	l, code, ok := c.begin("check", e, fs, "请给出要检查的工作簿或文件夹")
	if !ok {
		return code
	}
	l.NoGaps = true // a gap in session numbers is the report's concern, not one unit's
	o, files := l.Options, l.files
	replyBy, defaultReply, err := replyDate(c.replyBy, o.AsOf)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	r := l.build()
	written := -1
	if c.annotate != "" {
		opt := books.AnnotateOptions{Password: c.password, All: c.all, Office: o.Office, Notices: c.all || o.Verbose, ReplyBy: replyBy}
		var aprobs []sheets.Problem
		var err error
		inputs := append(slices.Clip(files), c.config)
		if written, aprobs, err = annotateFiles(c.annotate, files, o.Names, r, opt, inputs, c.force); err != nil {
			fmt.Fprintln(stderr, "错误："+err.Error())
			return exitNothing
		}
		r.Add(aprobs)
	}
	printStderr(stderr, r, o)
	if c.annotate != "" { // the copies' notes are signed by the office
		senderHint(stderr, o.Office, o.Quiet)
	}
	printCheckOutput(stdout, r, o, c.annotate, written)
	if written > 0 && defaultReply {
		fmt.Fprintf(stdout, "未指定 --reply-by，批注副本请各单位于%s前改正后重新报送（统计截止日后%d天）；另定日期请加 --reply-by\n", sheets.CNDate(replyBy), defaultReplyDays)
	}
	errs := sheets.Count(r.Problems, sheets.Error)
	if r.Files == 0 {
		return exitNothing
	}
	if errs > 0 {
		return exitErrors
	}
	return exitOK
}

// annotateFiles writes an annotated copy of every input with errors (with opt.All, also with
// warnings) into dir, under the name the run gave it (names, sheets.NamesFrom: a file of a
// subfolder into that subfolder of dir). Every copy's path is checked first (books.CheckTargets: never a file of
// dir that duban did not write, such as the unit's later ledger of the same name); then a file
// that cannot be annotated is an error naming it, and the run goes on, but a run the system
// stops (disk full) takes back the copies it wrote. It returns how many copies were written and
// the problems of annotating.
func annotateFiles(dir string, files, names []string, r *sheets.Report, opt books.AnnotateOptions, inputs []string, force bool) (int, []sheets.Problem, error) {
	probs := r.Problems
	if len(names) != len(files) {
		names = sheets.Names(files)
	}
	var targets []string
	for i, name := range names {
		if t := books.AnnotateTarget(dir, files[i], name, probs, opt); t != "" {
			targets = append(targets, t)
		}
	}
	if errs := books.CheckFolderTargets(targets, inputs, force); len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return 0, nil, errors.New(strings.Join(msgs, "\n错误：") + "\n错误：以上批注副本不能写出，未写出任何批注副本")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err := books.MakeDir(dir); err != nil {
			return 0, nil, fmt.Errorf("无法创建标注文件夹 %s：%s", dir, books.OSErrorText(err))
		}
	}
	limitMemoryForCopies()
	units := map[string]string{}
	for _, f := range r.Inputs {
		units[f.File] = f.Unit
	}
	n := 0
	var out []sheets.Problem
	opt.Batch = new(books.Batch)
	for i, name := range names {
		opt.Unit = units[name]
		path, notes, err := books.Annotate(dir, files[i], name, probs, opt)
		var oe *books.OSError
		if errors.As(err, &oe) {
			return 0, nil, opt.Batch.Fail(err)
		}
		if err != nil {
			out = append(out, sheets.Problem{Pos: sheets.Pos{File: name}, Scope: sheets.ScopeFile, Level: sheets.Error, Kind: sheets.AnnotateFailed,
				Msg: fmt.Sprintf(books.MsgAnnotateFailed, err)})
			continue
		}
		out = append(out, notes...)
		if path != "" {
			n++
		}
	}
	opt.Batch.Commit()
	return n, out, nil
}
