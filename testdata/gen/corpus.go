package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/xuri/excelize/v2"
)

// Benchmark corpora, written with StreamWriter.

// aliases of the 11 corpus columns; the first is the canonical name.
var corpusCols = []struct {
	key     string
	headers []string
}{
	{"seq", []string{"序号"}},
	{"cat", []string{"类别", "事项类别", "事项来源", "会议类型"}},
	{"meeting", []string{"会议", "会议名称", "来源", "交办来源"}},
	{"mdate", []string{"会议日期", "会议时间", "交办日期"}},
	{"content", []string{"事项内容", "议定事项", "工作任务", "督办事项", "具体事项"}},
	{"lead", []string{"牵头单位", "责任单位", "承办单位"}},
	{"leader", []string{"责任领导", "分管领导"}},
	{"deadline", []string{"完成时限", "办结时限", "时限要求", "截止日期"}},
	{"status", []string{"落实状态", "办理状态", "完成情况", "进度状态"}},
	{"finished", []string{"完成日期", "办结时间", "实际完成时间"}},
	{"progress", []string{"进展情况", "工作进展", "进展"}},
}

var corpusWeights = []int{10, 25, 10, 25, 15, 15} // per category, in order

func corpus(dir string, files, rows int, seed uint64, stdout io.Writer) error {
	results := make([][]*item, files)
	errs := make([]error, files)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = corpusFile(dir, i, rows, seed)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	var all []*item
	for _, r := range results {
		all = append(all, r...)
	}
	fmt.Fprintf(stdout, "已生成基准数据 %s：%d个工作簿 × %d行。\n", dir, files, rows)
	summarize(stdout, all)
	return nil
}

func corpusFile(dir string, i, rows int, seed uint64) ([]*item, error) {
	g := newGen(seed, uint64(i)+100)
	r := g.r
	u := units[i%len(units)]
	file := fmt.Sprintf("%04d_%s.xlsx", i+1, u.name)

	sh := &sheet{name: "台账", dl: dlDate, dateFmts: []string{pick(r, []string{fmtISO, fmtCN, fmtSlash, fmtShort})},
		names: pick(r, []nameStyle{nsPlain, nsCN, nsParen}), vocab: pick(r, vocabs)}
	switch x := r.Float64(); {
	case x < 0.25:
		sh.dl, sh.textDates = dlText, r.Float64() < 0.5
	case x < 0.4:
		sh.dl = dlMixed
	}
	for _, c := range corpusCols {
		h := c.headers[0]
		if r.Float64() < 0.4 {
			h = pick(r, c.headers)
		}
		sh.cols = append(sh.cols, col{c.key, h})
	}
	if r.Float64() < 0.3 {
		a, b := 1+r.IntN(len(sh.cols)-1), 1+r.IntN(len(sh.cols)-1)
		sh.cols[a], sh.cols[b] = sh.cols[b], sh.cols[a]
	}
	if r.Float64() < 0.5 {
		sh.title = fmt.Sprintf("%s%d年度督查事项落实情况台账", u.name, year)
		sh.unitLine = unitLine(u.name, "2024年12月18日")
	}
	if r.Float64() < 0.5 {
		sh.footer = []string{filler("张三", "0551-6"+fmt.Sprintf("%07d", r.IntN(10000000)), "李四")}
	}
	total := 0
	for _, w := range corpusWeights {
		total += w
	}
	items := make([]*item, 0, rows)
	for j := range rows {
		n := r.IntN(total)
		c := categories[0]
		for k, w := range corpusWeights {
			if n < w {
				c = categories[k]
				break
			}
			n -= w
		}
		it := &item{cat: c, lead: u.name, leader: u.leader, num: 1}
		if c.kind != kindTask {
			it.num = 1 + r.IntN(c.count)
		}
		obj := pick(r, u.objects)
		it.content = fmt.Sprintf("%s%s（%04d-%04d）", pick(r, verbs), obj, i+1, j+1)
		g.plan(it)
		g.render(it, sh)
		items = append(items, it)
	}
	return items, writeStream(filepath.Join(dir, file), sh, items, r)
}

func writeStream(path string, sh *sheet, items []*item, r *rand.Rand) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "督查室", Created: "2024-12-18T09:00:00Z",
		Modified: "2024-12-18T17:30:00Z"}); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", sh.name); err != nil {
		return err
	}
	st, err := newStyler(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	ncol := len(sh.cols)
	for c, cl := range sh.cols {
		if err := sw.SetColWidth(c+1, c+1, widths[cl.key]); err != nil {
			return err
		}
	}
	row := 1
	banner := func(text string, style int) error {
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: style, Value: text}}); err != nil {
			return err
		}
		err := sw.MergeCell(cellName(1, row), cellName(ncol, row))
		row++
		return err
	}
	if sh.title != "" {
		if err := banner(sh.title, st.title); err != nil {
			return err
		}
		if err := banner(sh.unitLine, st.line); err != nil {
			return err
		}
	}
	hdr := make([]any, ncol)
	for c, cl := range sh.cols {
		hdr[c] = excelize.Cell{StyleID: st.header, Value: cl.header}
	}
	if err := sw.SetRow(cellName(1, row), hdr); err != nil {
		return err
	}
	row++
	for j, it := range items {
		if j > 0 && r.IntN(50) == 0 {
			row++ // a blank row
		}
		vals := make([]any, ncol)
		for c, cl := range sh.cols {
			var v any = it.raw[cl.key]
			if cl.key == "seq" {
				v = j + 1
			}
			switch x := v.(type) {
			case dateCell:
				id, err := st.date(x.fmt)
				if err != nil {
					return err
				}
				vals[c] = excelize.Cell{StyleID: id, Value: x.t}
			case string:
				if x != "" {
					vals[c] = excelize.Cell{StyleID: st.body, Value: x}
				}
			case nil:
			default:
				vals[c] = excelize.Cell{StyleID: st.body, Value: x}
			}
		}
		if err := sw.SetRow(cellName(1, row), vals); err != nil {
			return err
		}
		row++
	}
	row++
	for _, text := range sh.footer {
		if err := sw.SetRow(cellName(1, row), []any{text}); err != nil {
			return err
		}
		row++
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return save(f, path)
}

// save writes f to path as an ordinary (non-executable) file; excelize's SaveAs uses mode 0755.
func save(f *excelize.File, path string) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteTo(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
