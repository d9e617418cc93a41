package books

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// editConfig opens a config workbook, lets edit change it, and saves it in place.
func editConfig(t *testing.T, path string, edit func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// findCell returns the reference of the cell on sheet whose text is v.
func findCell(t *testing.T, f *excelize.File, sheet, v string) string {
	t.Helper()
	cells, err := f.SearchSheet(sheet, v)
	if err != nil || len(cells) == 0 {
		t.Fatalf("%s: no cell %q (%v)", sheet, v, err)
	}
	return cells[0]
}

func TestConfigRoundTrip(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	path := filepath.Join(t.TempDir(), "配置.xlsx")
	if err := WriteConfig(path, d); err != nil {
		t.Fatal(err)
	}
	got, err := sheets.ReadConfig(path, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got.Categories, d.Categories, func(a, b sheets.Category) bool {
		return a.Name == b.Name && a.Kind == b.Kind && slices.Equal(a.Aliases, b.Aliases) && slices.Equal(a.Keywords, b.Keywords)
	}) {
		t.Errorf("categories differ after the round trip:\n got %v\nwant %v", got.Categories, d.Categories)
	}
	for s := range d.Statuses {
		if !slices.Equal(got.Statuses[s], d.Statuses[s]) {
			t.Errorf("statuses of %s: got %v, want %v", sheets.Status(s), got.Statuses[s], d.Statuses[s])
		}
	}
	for f := sheets.Field(0); f < sheets.NumFields; f++ {
		if !slices.Equal(got.Columns[f], d.Columns[f]) {
			t.Errorf("column %s: got %v, want %v", f, got.Columns[f], d.Columns[f])
		}
	}
	if !slices.Equal(got.NoDeadline, d.NoDeadline) || got.WarnDays != d.WarnDays {
		t.Errorf("no-deadline %v warn %d, want %v %d", got.NoDeadline, got.WarnDays, d.NoDeadline, d.WarnDays)
	}
	// The 通报's settings: 刊名, the four paragraphs of 下一步工作要求.
	if got.Journal != "督查通报" || got.Mark != "" || got.Contact != "" || len(d.Requirements) != 4 || !slices.Equal(got.Requirements, d.Requirements) {
		t.Errorf("通报 settings %q %q %q %q, want %q", got.Journal, got.Mark, got.Contact, got.Requirements, d.Requirements)
	}
}

// TestConfigBulletin: the office sets its 刊名, mark and contact in 设置 and rewrites the
// requirements; a 刊名 left empty is the default.
func TestConfigBulletin(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "配置.xlsx")
	if err := WriteConfig(path, testDict(t)); err != nil {
		t.Fatal(err)
	}
	editConfig(t, path, func(f *excelize.File) {
		for name, v := range map[string]string{sheets.SettingJournal: "政务督查", sheets.SettingMark: "内部资料　注意保存",
			sheets.SettingContact: "王敏", sheets.SettingPhone: "0910-1234567"} {
			at := findCell(t, f, sheets.SectionSettings, name)
			f.SetCellValue(sheets.SectionSettings, "B"+at[1:], v)
		}
		at := findCell(t, f, sheets.SectionSettings, sheets.SettingNext) // the first paragraph
		f.SetCellValue(sheets.SectionSettings, "B"+at[1:], "狠抓整改落实。各单位要……")
	})
	d, err := sheets.ReadConfig(path, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Journal != "政务督查" || d.Mark != "内部资料　注意保存" || d.Contact != "王敏" || d.Phone != "0910-1234567" ||
		len(d.Requirements) != 4 || d.Requirements[0] != "狠抓整改落实。各单位要……" {
		t.Errorf("通报 settings %q %q %q %q %q", d.Journal, d.Mark, d.Contact, d.Phone, d.Requirements)
	}
	editConfig(t, path, func(f *excelize.File) {
		at := findCell(t, f, sheets.SectionSettings, sheets.SettingJournal)
		f.SetCellValue(sheets.SectionSettings, "B"+at[1:], "")
	})
	if d, err := sheets.ReadConfig(path, sheets.ReadOptions{}); err != nil || d.Journal != sheets.DefaultJournal {
		t.Errorf("empty 刊名: %q, %v", d.Journal, err)
	}
	b := ReportBulletin(testReport(), d, 5)
	if b.Name != "政务督查" || b.Mark != "内部资料　注意保存" || b.Issue != 5 || len(b.Requirements) != 5 ||
		b.Requirements[0].Heading != "狠抓整改落实。" || b.Requirements[4].Text != "联系人：王敏，联系电话：0910-1234567。" {
		t.Errorf("bulletin masthead and requirements: %q %d %+v", b.Name, b.Issue, b.Requirements)
	}
}

func TestConfigCountyRename(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "配置.xlsx")
	if err := WriteConfig(path, testDict(t)); err != nil {
		t.Fatal(err)
	}
	editConfig(t, path, func(f *excelize.File) {
		ref := findCell(t, f, sheets.SectionCategories, "市政府常务会议")
		row := strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
		f.SetCellValue(sheets.SectionCategories, "A"+row, "县政府常务会议")
		f.SetCellValue(sheets.SectionCategories, "C"+row, "政府常务会议、常务会议")
		f.SetCellValue(sheets.SectionCategories, "D"+row, "县政府常务会、常务会")
		f.SetCellValue(sheets.SectionSettings, "B3", 5) // a number, as Excel stores a typed 5
	})
	d, err := sheets.ReadConfig(path, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := d.Category("县政府常务会议"); !ok || c.Name != "县政府常务会议" || c.Kind != sheets.KindMeeting {
		t.Errorf("Category(县政府常务会议) = %v, %v", c, ok)
	}
	if _, ok := d.Category("市政府常务会议"); ok {
		t.Errorf("the old name 市政府常务会议 is still known")
	}
	for _, m := range []string{"县政府第五次常务会议", "第5次常务会议"} {
		if c, ok := d.CategoryOf(m); !ok || c.Name != "县政府常务会议" {
			t.Errorf("CategoryOf(%s) = %v, %v; want 县政府常务会议", m, c, ok)
		}
	}
	if d.WarnDays != 5 {
		t.Errorf("WarnDays = %d, want 5", d.WarnDays)
	}
}

// TestConfigOffice: the 制表单位 row is written empty, set by the office in Excel, and read back;
// a name on two lines or longer than 40 characters is refused at its cell.
func TestConfigOffice(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "配置.xlsx")
	if err := WriteConfig(path, testDict(t)); err != nil {
		t.Fatal(err)
	}
	var at string
	editConfig(t, path, func(f *excelize.File) {
		at = findCell(t, f, sheets.SectionSettings, sheets.SettingOffice)
		if v, _ := f.GetCellValue(sheets.SectionSettings, "B"+at[1:]); v != "" {
			t.Errorf("制表单位 written as %q, want empty", v)
		}
		f.SetCellValue(sheets.SectionSettings, "B"+at[1:], " x市人民政府办公室 ")
	})
	if at != "A4" {
		t.Errorf("制表单位 at %s, want A4", at)
	}
	d, err := sheets.ReadConfig(path, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Office != "x市人民政府办公室" || d.WarnDays != 7 {
		t.Errorf("Office %q, WarnDays %d", d.Office, d.WarnDays)
	}
	for v, want := range map[string]string{
		"x市人民政府\n办公室":           "配置.xlsx!设置!B4：制表单位“x市人民政府 办公室”应写在一行内",
		strings.Repeat("办", 41): "配置.xlsx!设置!B4：制表单位“" + strings.Repeat("办", 41) + "”有41个字，过长（不超过40个字）",
	} {
		editConfig(t, path, func(f *excelize.File) { f.SetCellValue(sheets.SectionSettings, "B4", v) })
		if _, err := sheets.ReadConfig(path, sheets.ReadOptions{}); err == nil || err.Error() != "词典配置有误："+want {
			t.Errorf("office %q: %v", v, err)
		}
	}
	// A control character cannot come through a workbook cell, but can through the text form.
	_, err = sheets.ParseDict("[类别]\n市政府常务会议\t会议\n[设置]\n制表单位\tx市\x01人民政府办公室\n")
	if want := "词典第4行：制表单位“x市人民政府办公室”含有不可见的控制字符，请重新输入"; err == nil || err.Error() != want {
		t.Errorf("office with a control character: %v", err)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		edit func(t *testing.T, f *excelize.File)
		want string
	}{
		{"bad kind", func(t *testing.T, f *excelize.File) {
			f.SetCellValue(sheets.SectionCategories, "B4", "会")
		}, "配置.xlsx!类别!B4：类别“书记专题会议”的种类“会”无效，应为 会议、批示、任务 或 建议"},
		{"bad status class", func(t *testing.T, f *excelize.File) {
			f.SetCellValue(sheets.SectionStatuses, "A4", "进行中")
		}, "配置.xlsx!落实状态!A4：落实状态类别“进行中”无效"},
		{"bad column", func(t *testing.T, f *excelize.File) {
			f.SetCellValue(sheets.SectionColumns, "A5", "类型")
		}, "配置.xlsx!列名!A5：“类型”不是标准列名"},
		{"bad warn days", func(t *testing.T, f *excelize.File) {
			f.SetCellValue(sheets.SectionSettings, "B3", "七天")
		}, "配置.xlsx!设置!B3：临期天数“七天”应为 0 到 366 之间的整数"},
		{"unknown setting", func(t *testing.T, f *excelize.File) {
			f.SetCellValue(sheets.SectionSettings, "A4", "预警天数")
			f.SetCellValue(sheets.SectionSettings, "B4", "3")
		}, "配置.xlsx!设置!A4：未知设置“预警天数”"},
		{"missing sheet", func(t *testing.T, f *excelize.File) {
			f.DeleteSheet(sheets.SectionColumns)
		}, "配置.xlsx：缺少工作表“列名”"},
		{"missing header", func(t *testing.T, f *excelize.File) {
			f.SetCellValue(sheets.SectionCategories, "A2", "")
		}, "配置.xlsx!类别：找不到表头行"},
		{"inserted line above the header", func(t *testing.T, f *excelize.File) {
			f.InsertRows(sheets.SectionCategories, 1, 1)
			f.SetCellValue(sheets.SectionCategories, "B5", "会")
		}, "配置.xlsx!类别!B5：类别“书记专题会议”的种类“会”无效"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "配置.xlsx")
			if err := WriteConfig(path, testDict(t)); err != nil {
				t.Fatal(err)
			}
			editConfig(t, path, func(f *excelize.File) { tc.edit(t, f) })
			_, err := sheets.ReadConfig(path, sheets.ReadOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadConfig error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestConfigNotAWorkbook(t *testing.T) {
	t.Parallel()
	_, err := sheets.ReadConfig(filepath.Join(t.TempDir(), "没有.xlsx"), sheets.ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "无法打开词典配置 没有.xlsx") {
		t.Errorf("error = %v", err)
	}
}

// The note of each sheet is merged across the header's columns; a one-column table has no
// merge at all (Excel never writes a one-cell merge such as A1:A1).
func TestConfigNoteMerges(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "配置.xlsx")
	if err := WriteConfig(path, testDict(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{
		sheets.SectionCategories: "A1:D1", sheets.SectionStatuses: "A1:B1", sheets.SectionColumns: "A1:B1",
		sheets.SectionNoDeadline: "", sheets.SectionUnits: "A1:C1", sheets.SectionSettings: "A1:B1",
	}
	for _, ct := range sheets.ConfigTables() {
		ms, err := f.GetMergeCells(ct.Section)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		if w := want[ct.Section]; strings.Join(got, " ") != w {
			t.Errorf("%s merges = %v, want %q", ct.Section, got, w)
		}
	}
}
