package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/duban/duban/books"
	"github.com/duban/duban/sheets"
	"github.com/spf13/pflag"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

const templateHelp = `生成发给各单位的报送模板：“填报说明”工作表，“台账”工作表（标准表头，类别和落实状态为下拉列表，
日期列为日期格式，完成时限有填写提示，表头冻结，空白模板可直接用A4横向打印，预填了事项的模板用A3横向）。

示例：
  duban template -o 报送模板.xlsx                       生成空白报送模板
  duban template --unit 市财政局 -o 市财政局.xlsx        生成标明填报单位的模板
  duban template --from 交办清单.xlsx --out-dir 下发     按交办清单为每个牵头单位生成预填模板（下发/市财政局.xlsx …）
  duban template --config 配置.xlsx -o 报送模板.xlsx     按修改过的词典（类别名称等）生成

交办清单可以是任何能读取的台账格式，不需要落实状态列；预填模板中落实状态、完成日期、进展情况留给单位填写。
duban 生成后未经修改的模板可以直接覆盖；单位填写保存过的不会被覆盖，除非加 --force；不是duban生成的文件
（如交办清单、单位的台账）从不覆盖，加 --force 也不会。

退出码：0 已生成；1 已生成，但交办清单中有行因错误未列入；2 未生成。`

const configHelp = `把内置词典（类别、落实状态的写法、列名别名、无明确时限的写法、单位名单、临期天数、制表单位）写成可编辑的工作簿，
在“设置”表中填写本单位名称（制表单位）。
在Excel或WPS中修改后，用 --config 交给其他命令使用。

示例：
  duban config -o 配置.xlsx
  （把“类别”表中的 市政府常务会议 改为 县政府常务会议，识别关键词改为 县政府常务会、常务会）
  duban report --config 配置.xlsx 收文                 按修改后的词典汇总
  duban template --config 配置.xlsx -o 报送模板.xlsx    按修改后的词典生成报送模板

退出码：0 已生成；2 未生成。`

// configCmd is duban config.
type configCmd struct {
	output string
	force  bool
}

func (c *configCmd) flags(fs *pflag.FlagSet) {
	fs.StringVarP(&c.output, "output", "o", "配置.xlsx", "`文件` 要写入的词典工作簿")
	fs.BoolVar(&c.force, "force", false, "覆盖生成后被修改过的文件（不是duban生成的文件从不覆盖）")
}

func (c *configCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "错误：多余的参数 %s（输出文件请用 -o 指定）\n", strings.Join(fs.Args(), " "))
		return exitNothing
	}
	d, err := loadDict("", sheets.ReadOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	if err := checkOutput(c.output); err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	if refuseTargets(stderr, c.force, nil, c.output) {
		return exitNothing
	}
	if err := books.WriteConfig(c.output, d); err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	fmt.Fprintf(stdout, "词典工作簿：%s\n修改后用 --config %s 交给 report、check、brief、remind、template 使用。\n", c.output, c.output)
	return exitOK
}

// templateCmd is duban template.
type templateCmd struct {
	output, unit, config, from, outDir, password string
	force                                        bool
}

func (c *templateCmd) flags(fs *pflag.FlagSet) {
	fs.StringVarP(&c.output, "output", "o", "", "`文件` 要写入的报送模板（默认 报送模板.xlsx，或 <单位>.xlsx）")
	fs.StringVar(&c.unit, "unit", "", "`单位` 填报单位名称，写在模板标题中；与 --from 同用时只生成该单位的模板")
	fs.StringVar(&c.config, "config", "", "`文件` 使用 duban config 导出并修改过的词典工作簿")
	fs.StringVar(&c.from, "from", "", "`文件` 交办清单：按牵头单位拆分为预填模板")
	fs.StringVar(&c.outDir, "out-dir", "", "`文件夹` 与 --from 同用：预填模板写入的文件夹（不存在则创建）")
	fs.StringVar(&c.password, "password", "", "`密码` 交办清单加密时的密码")
	fs.BoolVar(&c.force, "force", false, "覆盖生成后被修改过的文件（不是duban生成的文件从不覆盖）")
}

func (c *templateCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "错误：多余的参数 %s（交办清单请用 --from 指定，输出文件用 -o）\n", strings.Join(fs.Args(), " "))
		return exitNothing
	}
	d, err := loadDict(c.config, sheets.ReadOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	if d.Office == "" {
		fmt.Fprintln(stderr, hintNoOffice) // the forms name their sender
	}
	unitName := strings.TrimSpace(c.unit)
	if c.from == "" {
		if c.outDir != "" {
			fmt.Fprintln(stderr, "错误：--out-dir 只能与 --from 一起使用；单个模板请用 -o 指定文件")
			return exitNothing
		}
		out := c.output
		if out == "" {
			out = "报送模板.xlsx"
			if unitName != "" {
				out, _ = books.FileName(unitName)
			}
		}
		if err := checkOutput(out); err != nil {
			fmt.Fprintln(stderr, "错误："+err.Error())
			return exitNothing
		}
		if refuseTargets(stderr, c.force, []string{c.config}, out) {
			return exitNothing
		}
		if err := books.SaveFile(out, func(w io.Writer) error { return books.Form(w, d, unitName, nil) }); err != nil {
			fmt.Fprintln(stderr, "错误："+err.Error())
			return exitNothing
		}
		fmt.Fprintf(stdout, "报送模板：%s\n", out)
		return exitOK
	}

	if c.output != "" {
		fmt.Fprintln(stderr, "错误：--from 为每个单位各写一个文件，请用 --out-dir 指定文件夹，而不是 -o")
		return exitNothing
	}
	if c.outDir == "" {
		fmt.Fprintln(stderr, "错误：请用 --out-dir 指定预填模板写入的文件夹，如 --out-dir 下发")
		return exitNothing
	}
	inputs := []string{c.from, c.config}
	return splitMasterList(c.from, c.outDir, unitName, d, sheets.ReadOptions{Password: c.password}, inputs, c.force, stdout, stderr)
}

// splitMasterList writes one pre-filled form per 牵头单位 of the master list into dir.
// Nothing is written when any form may not be (refuseTargets), and a run that fails part-way
// (disk full) takes back the forms it wrote.
func splitMasterList(from, dir, only string, d *sheets.Dict, ro sheets.ReadOptions, inputs []string, force bool, stdout, stderr io.Writer) int {
	units, probs, ok := sheets.SplitByUnit(from, d, ro)
	for _, p := range probs {
		if p.Level != sheets.Notice {
			fmt.Fprintln(stderr, p.String())
		}
	}
	if !ok {
		fmt.Fprintf(stderr, "错误：交办清单 %s 无法使用，未生成模板\n", from)
		return exitNothing
	}
	if only != "" {
		canon, _ := d.Unit(only)
		units = slices.DeleteFunc(units, func(u sheets.UnitRows) bool { return u.Unit != canon })
		if len(units) == 0 {
			fmt.Fprintf(stderr, "错误：交办清单中没有牵头单位为“%s”的事项\n", only)
			return exitNothing
		}
	}
	if len(units) == 0 {
		fmt.Fprintf(stderr, "错误：交办清单 %s 中没有找到任何事项，未生成模板\n", from)
		return exitNothing
	}
	// In pinyin order, as remind lists its units and as Excel and WPS sort Chinese.
	pinyin := collate.New(language.Chinese)
	slices.SortStableFunc(units, func(a, b sheets.UnitRows) int { return pinyin.CompareString(a.Unit, b.Unit) })
	if err := books.MakeDir(dir); err != nil {
		fmt.Fprintf(stderr, "错误：无法创建文件夹 %s：%v\n", dir, err)
		return exitNothing
	}
	// One file per unit, even for names that come out alike once made safe (A/B and A_B).
	names := make([]string, len(units))
	changed := make([]bool, len(units))
	for i, u := range units {
		names[i], changed[i] = books.FileName(u.Unit)
	}
	paths := make([]string, len(units))
	for i, name := range books.Unique(names) {
		u := units[i]
		paths[i] = filepath.Join(dir, name)
		if changed[i] {
			fmt.Fprintf(stderr, "提示：单位名称不能直接用作文件名（过长或含 \\/:*?\"<>| 等字符），“%s”的模板写为 %s\n", u.Unit, name)
		}
	}
	if errs := books.CheckFolderTargets(paths, inputs, force); len(errs) > 0 {
		for _, err := range errs {
			fmt.Fprintln(stderr, "错误："+err.Error())
		}
		fmt.Fprintln(stderr, "错误：以上文件不能覆盖，未生成任何模板")
		return exitNothing
	}
	total, failed := 0, 0
	var b books.Batch
	var lines []string
	for i, u := range units {
		p := paths[i]
		err := b.Save(p, func(w io.Writer) error { return books.Prefilled(w, d, u) })
		var oe *books.OSError
		if errors.As(err, &oe) {
			fmt.Fprintln(stderr, "错误："+b.Fail(err).Error())
			return exitNothing
		}
		if err != nil {
			fmt.Fprintf(stderr, "错误：“%s”的模板未能写出：%v\n", u.Unit, err)
			failed++
			continue
		}
		total += len(u.Rows)
		lines = append(lines, fmt.Sprintf("%s（%d项）", p, len(u.Rows)))
	}
	b.Commit()
	for _, l := range lines {
		fmt.Fprintln(stdout, l)
	}
	fmt.Fprintf(stdout, "已为%d个牵头单位生成预填模板，共%d项，位于 %s\n", len(units)-failed, total, dir)
	if failed == len(units) {
		return exitNothing
	}
	if failed > 0 || sheets.Count(probs, sheets.Error) > 0 {
		return exitErrors
	}
	return exitOK
}
