package main

import (
	"fmt"
	"os"

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

退出码：0 没有错误；1 有错误（加不加 --strict 都是1）；2 无法运行（用法错误、没有可读的文件、无法创建标注文件夹）；某个文件写不出批注副本时，它列为错误，退出码1。`

// checkCmd is duban check.
type checkCmd struct {
	common
	annotate string
	all      bool
}

func (c *checkCmd) flags(fs *pflag.FlagSet) {
	c.register(fs, "check 不生成工作簿，此选项不改变退出码（与 report 共用，便于改写命令）")
	fs.StringVar(&c.annotate, "annotate", "", "`文件夹` 把有错误的台账复制到此文件夹，问题单元格标红/标黄并加批注，附问题清单")
	fs.BoolVar(&c.all, "all", false, "与 --annotate 同用：只有警告的台账也写出批注副本")
}

func (c *checkCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	l, code, ok := c.begin("check", e, fs, "请给出要检查的工作簿或文件夹")
	if !ok {
		return code
	}
	l.NoGaps = true // a gap in session numbers is the report's concern, not one unit's
	o, files := l.Options, l.files
	r := l.build()
	written := -1
	if c.annotate != "" {
		opt := books.AnnotateOptions{Password: c.password, All: c.all, Office: o.Office}
		var aprobs []sheets.Problem
		var err error
		if written, aprobs, err = annotateFiles(c.annotate, files, r.Problems, opt); err != nil {
			fmt.Fprintln(stderr, "错误：", err)
			return exitNothing
		}
		r.Add(aprobs)
	}
	printStderr(stderr, r, o)
	printCheckOutput(stdout, r, o, c.annotate, written)
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
// warnings) into dir. A file that cannot be annotated is an error naming it, and the run goes
// on; it returns how many copies were written and the problems of annotating.
func annotateFiles(dir string, files []string, probs []sheets.Problem, opt books.AnnotateOptions) (int, []sheets.Problem, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err := books.MakeDir(dir); err != nil {
			return 0, nil, fmt.Errorf("无法创建标注文件夹 %s：%v", dir, err)
		}
	}
	limitMemoryForCopies()
	n := 0
	var out []sheets.Problem
	for i, name := range sheets.Names(files) {
		path, notes, err := books.Annotate(dir, files[i], name, probs, opt)
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
	return n, out, nil
}
