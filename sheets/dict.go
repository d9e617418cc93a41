package sheets

import (
	"bufio"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/duban/duban/internal/zhtext"
)

// Category is one category of supervised items (SPEC §4.1).
type Category struct {
	Name     string
	Kind     Kind
	Aliases  []string
	Keywords []string // recognise the category from a meeting name
}

// Unit is a known responsible unit with its other spellings.
type Unit struct {
	Name    string
	Aliases []string
	// Must is true when the unit must report every round (应报送 = 是): not heard from, it is
	// named on 汇总 as 未报送 (SPEC §7).
	Must bool
}

// Dict is the dictionary (SPEC §8): everything an office names its own way.
type Dict struct {
	Categories []Category          // in report order
	Statuses   [3][]string         // spellings per Status class, the class name itself excluded
	Columns    [NumFields][]string // aliases per canonical column
	NoDeadline []string            // words meaning 无明确时限
	Units      []Unit              // empty: units are not checked
	WarnDays   int
	// Office is the 制表单位 (e.g. x市人民政府办公室): the title line of reports, briefings and
	// reminders, and the author of notes in annotated copies. Empty in the built-in dictionary.
	Office string
	// The 通报's settings (SPEC §8, §9.4): its 刊名 (default 督查通报), the mark printed top
	// left (内部资料 注意保存; empty: none), the contact named on reminders and 通报, and the
	// paragraphs of 下一步工作要求, one row each.
	Journal, Mark  string
	Contact, Phone string
	Requirements   []string
	// OnTimeInSummary: the narrative gives 按期办结率 (设置 按期办结率入摘要 = 是; default 否).
	OnTimeInSummary bool

	category  map[string]int // normalised name or alias → index in Categories
	status    map[string]Status
	column    map[string]Field
	noDL      map[string]bool
	noDLStems []string // the keys of noDL, longest first
	unit      map[string]string
	keywords  []keyword // longest first
}

type keyword struct {
	word string
	cat  int
}

// Section names of the dictionary text and of the config workbook's sheets.
const (
	SectionCategories = "类别"
	SectionStatuses   = "落实状态"
	SectionColumns    = "列名"
	SectionNoDeadline = "无明确时限"
	SectionUnits      = "单位"
	SectionSettings   = "设置"
	SettingWarnDays   = "临期天数"
	SettingOffice     = "制表单位"
	SettingJournal    = "刊名"
	SettingMark       = "密级标注"
	SettingContact    = "联系人"
	SettingPhone      = "联系电话"
	SettingNext       = "下一步工作要求"
	SettingOnTime     = "按期办结率入摘要"
)

// DefaultJournal is the 通报's 刊名 when the dictionary names none.
const DefaultJournal = "督查通报"

// DictLine is one line of a dictionary table with the place it came from, used to report
// mistakes in a config workbook by cell.
type DictLine struct {
	Cells []string
	Where string // e.g. 配置.xlsx!类别!A3, or dictionary.txt:12
}

// ParseDict reads the dictionary text form (templates/dictionary.txt).
func ParseDict(text string) (*Dict, error) {
	tables := map[string][]DictLine{}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		if strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") {
			section = strings.TrimSpace(trim[1 : len(trim)-1])
			tables[section] = tables[section][:0:0]
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("词典第%d行：不在任何一节中（缺少 [类别] 这样的节名）", n)
		}
		tables[section] = append(tables[section], DictLine{Cells: strings.Split(line, "\t"), Where: fmt.Sprintf("词典第%d行", n)})
	}
	return BuildDict(tables)
}

// BuildDict builds a dictionary from its tables, keyed by section name.
func BuildDict(tables map[string][]DictLine) (*Dict, error) {
	d := &Dict{WarnDays: 7, Journal: DefaultJournal}
	cell := func(l DictLine, i int) string {
		if i < len(l.Cells) {
			return strings.TrimSpace(l.Cells[i])
		}
		return ""
	}
	for _, l := range tables[SectionCategories] {
		name := cell(l, 0)
		if name == "" {
			continue
		}
		c := Category{Name: name, Aliases: SplitList(cell(l, 2)), Keywords: SplitList(cell(l, 3))}
		switch cell(l, 1) {
		case "会议", "":
			c.Kind = KindMeeting
		case "批示":
			c.Kind = KindDoc
		case "任务":
			c.Kind = KindTask
		default:
			return nil, fmt.Errorf("%s：类别“%s”的种类“%s”无效，应为 会议、批示 或 任务", l.Where, name, cell(l, 1))
		}
		d.Categories = append(d.Categories, c)
	}
	if len(d.Categories) == 0 {
		return nil, fmt.Errorf("词典没有任何类别（[%s] 一节为空）", SectionCategories)
	}
	for _, l := range tables[SectionStatuses] {
		class := cell(l, 0)
		if class == "" {
			continue
		}
		s, ok := statusClass(class)
		if !ok {
			return nil, fmt.Errorf("%s：落实状态类别“%s”无效，应为 已落实、推进中 或 未启动", l.Where, class)
		}
		d.Statuses[s] = append(d.Statuses[s], SplitList(cell(l, 1))...)
	}
	for _, l := range tables[SectionColumns] {
		name := cell(l, 0)
		if name == "" {
			continue
		}
		f, ok := FieldByLabel(zhtext.Normalize(name))
		if !ok {
			return nil, fmt.Errorf("%s：“%s”不是标准列名（应为 %s 之一）", l.Where, name, strings.Join(fieldLabels[:], "、"))
		}
		d.Columns[f] = append(d.Columns[f], SplitList(cell(l, 1))...)
	}
	for _, l := range tables[SectionNoDeadline] {
		d.NoDeadline = append(d.NoDeadline, SplitList(cell(l, 0))...)
	}
	for _, l := range tables[SectionUnits] {
		if name := cell(l, 0); name != "" {
			must, ok := mustReport(cell(l, 2))
			if !ok {
				return nil, fmt.Errorf("%s：单位“%s”的应报送“%s”无效，应填 是 或 否（留空为否）", l.Where, name, cell(l, 2))
			}
			d.Units = append(d.Units, Unit{Name: name, Aliases: SplitList(cell(l, 1)), Must: must})
		}
	}
	for _, l := range tables[SectionSettings] {
		switch cell(l, 0) {
		case SettingWarnDays:
			n, err := strconv.Atoi(cell(l, 1))
			if err != nil || n < 0 || n > 366 {
				return nil, fmt.Errorf("%s：临期天数“%s”应为 0 到 366 之间的整数", l.Where, cell(l, 1))
			}
			d.WarnDays = n
		case SettingOffice:
			office, err := officeName(cell(l, 1))
			if err != nil {
				return nil, fmt.Errorf("%s：%w", l.Where, err)
			}
			d.Office = office
		case SettingJournal, SettingMark, SettingContact, SettingPhone, SettingNext:
			if err := d.bulletinSetting(cell(l, 0), cell(l, 1)); err != nil {
				return nil, fmt.Errorf("%s：%w", l.Where, err)
			}
		case SettingOnTime:
			yes, ok := mustReport(cell(l, 1))
			if !ok {
				return nil, fmt.Errorf("%s：%s“%s”无效，应填 是 或 否（留空为否）", l.Where, SettingOnTime, cell(l, 1))
			}
			d.OnTimeInSummary = yes
		case "":
		default:
			return nil, fmt.Errorf("%s：未知设置“%s”（可用：%s）", l.Where, cell(l, 0), strings.Join(Settings(), "、"))
		}
	}
	if err := d.index(); err != nil {
		return nil, err
	}
	return d, nil
}

// Settings names the rows of 设置, in the order the config workbook lists them.
func Settings() []string {
	return []string{SettingWarnDays, SettingOffice, SettingJournal, SettingMark, SettingContact, SettingPhone, SettingOnTime, SettingNext}
}

// RequirementTopic tells what a paragraph of 下一步工作要求 is about, by its first sentence (up
// to the first 。): AlertNoDeadline when it names 无明确时限, AlertOverdue when it names 逾期,
// else "". The 通报 prints a paragraph about overdue items only when it names some, and one
// about items without a deadline only when there are some (加快办理逾期事项。… is left out of a
// 通报 that finds none overdue).
func RequirementTopic(p string) string {
	first, _, _ := strings.Cut(p, "。")
	switch {
	case strings.Contains(first, AlertNoDeadline):
		return AlertNoDeadline
	case strings.Contains(first, AlertOverdue):
		return AlertOverdue
	}
	return ""
}

// bulletinSetting takes a row of 设置 that the 通报 prints: one line each, but for the
// paragraphs of 下一步工作要求 (one row a paragraph; blank rows skipped).
func (d *Dict) bulletinSetting(name, value string) error {
	if name == SettingNext {
		if p := strings.Join(strings.Fields(value), ""); p != "" {
			d.Requirements = append(d.Requirements, p)
		}
		return nil
	}
	v, err := oneLine(name, value)
	if err != nil {
		return err
	}
	switch name {
	case SettingJournal:
		d.Journal = cmp.Or(v, DefaultJournal)
	case SettingMark:
		d.Mark = v
	case SettingContact:
		d.Contact = v
	case SettingPhone:
		d.Phone = v
	}
	return nil
}

// maxOffice is the longest 制表单位 taken, in characters: it heads every sheet and signs every
// note, and no office's name comes near it.
const maxOffice = 40

// officeName checks the 制表单位 of the settings: one line of at most maxOffice characters.
func officeName(s string) (string, error) {
	return oneLine(SettingOffice, s)
}

// oneLine checks a setting printed on one line (制表单位, 刊名, 联系人…): no line breaks or
// control characters, at most maxOffice characters.
func oneLine(name, s string) (string, error) {
	if strings.ContainsAny(s, "\r\n\t") {
		return "", fmt.Errorf("%s“%s”应写在一行内", name, strings.Join(strings.Fields(s), " "))
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", fmt.Errorf("%s“%s”含有不可见的控制字符，请重新输入", name, strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, s))
	}
	if n := len([]rune(s)); n > maxOffice {
		return "", fmt.Errorf("%s“%s”有%d个字，过长（不超过%d个字）", name, s, n, maxOffice)
	}
	return s, nil
}

// mustReport reads the 应报送 cell of the 单位 table: 是 (or √, Y, 1, 应报送), 否 (or ×, N, 0)
// or blank for no.
func mustReport(s string) (must, ok bool) {
	switch strings.ToLower(zhtext.Normalize(s)) {
	case "是", "应报送", "√", "✓", "y", "yes", "1", "true":
		return true, true
	case "", "否", "×", "✗", "n", "no", "0", "false":
		return false, true
	}
	return false, false
}

func statusClass(s string) (Status, bool) {
	for _, c := range []Status{Done, InProgress, NotStarted} {
		if zhtext.Normalize(s) == c.String() {
			return c, true
		}
	}
	return 0, false
}

// index builds the lookup maps; two entries claiming one spelling is an error.
func (d *Dict) index() error {
	d.category = map[string]int{}
	d.status = map[string]Status{}
	d.column = map[string]Field{}
	d.noDL = map[string]bool{}
	d.unit = map[string]string{}
	d.keywords = nil
	for i, c := range d.Categories {
		for _, s := range append([]string{c.Name}, c.Aliases...) {
			k := TrimPunct(zhtext.Normalize(s))
			if j, dup := d.category[k]; dup && j != i {
				return fmt.Errorf("词典：写法“%s”同时属于类别“%s”和“%s”", s, d.Categories[j].Name, c.Name)
			}
			d.category[k] = i
		}
		for _, w := range c.Keywords {
			if w = zhtext.Normalize(w); w != "" {
				d.keywords = append(d.keywords, keyword{w, i})
			}
		}
	}
	// Longest keyword first, so 书记专题会 wins over 专题会; ties keep dictionary order.
	for i := 1; i < len(d.keywords); i++ {
		for j := i; j > 0 && len([]rune(d.keywords[j].word)) > len([]rune(d.keywords[j-1].word)); j-- {
			d.keywords[j], d.keywords[j-1] = d.keywords[j-1], d.keywords[j]
		}
	}
	for _, s := range []Status{Done, InProgress, NotStarted} {
		for _, w := range append([]string{s.String()}, d.Statuses[s]...) {
			k := TrimPunct(zhtext.Normalize(w))
			if c, dup := d.status[k]; dup && c != s {
				return fmt.Errorf("词典：落实状态写法“%s”同时属于“%s”和“%s”", w, c, s)
			}
			d.status[k] = s
		}
	}
	for f := Field(0); f < NumFields; f++ {
		for _, w := range append([]string{f.String()}, d.Columns[f]...) {
			k := zhtext.Normalize(w)
			if g, dup := d.column[k]; dup && g != f {
				return fmt.Errorf("词典：列名“%s”同时属于“%s”和“%s”", w, g, f)
			}
			d.column[k] = f
		}
	}
	d.noDLStems = nil
	for _, w := range d.NoDeadline {
		if k := TrimPunct(zhtext.Normalize(w)); k != "" && !d.noDL[k] {
			d.noDL[k] = true
			d.noDLStems = append(d.noDLStems, k)
		}
	}
	// Longest first, so that the word reported is the one the clerk wrote (长期坚持, not 长期).
	slices.SortStableFunc(d.noDLStems, func(a, b string) int { return len(b) - len(a) })
	for _, u := range d.Units {
		for _, w := range append([]string{u.Name}, u.Aliases...) {
			d.unit[zhtext.Normalize(w)] = u.Name
		}
	}
	return nil
}

// Category returns the category named s (by name or alias).
func (d *Dict) Category(s string) (*Category, bool) {
	i, ok := d.category[TrimPunct(zhtext.Normalize(s))]
	if !ok {
		return nil, false
	}
	return &d.Categories[i], true
}

// CategoryOf recognises the category from a meeting name by the dictionary's keywords
// (the longest keyword found wins), or by a category name or alias it contains.
func (d *Dict) CategoryOf(meeting string) (*Category, bool) {
	m := zhtext.Normalize(meeting)
	if m == "" {
		return nil, false
	}
	for _, k := range d.keywords {
		if strings.Contains(m, k.word) {
			return &d.Categories[k.cat], true
		}
	}
	return nil, false
}

// CategoryIndex returns the position of the named category in dictionary order, or
// len(Categories) for a category the dictionary does not know.
func (d *Dict) CategoryIndex(name string) int {
	if i, ok := d.category[TrimPunct(zhtext.Normalize(name))]; ok {
		return i
	}
	return len(d.Categories)
}

// Status returns the class of a 落实状态 spelling. The spelling is matched whole, after
// Normalize and TrimPunct (已完成。 is 已完成; 未完成 is never 完成).
func (d *Dict) Status(s string) (Status, bool) {
	c, ok := d.status[TrimPunct(zhtext.Normalize(s))]
	return c, ok
}

// Column returns the canonical field a header text names: the whole text, else its core name
// — the text before a line break or a bracketed hint, as forms print them: 落实状态\n（已完成/
// 推进中/未启动）, 完成时限（年月日）, 进展情况(200字以内) (SPEC §3).
func (d *Dict) Column(header string) (Field, bool) {
	if f, ok := d.column[zhtext.Normalize(header)]; ok {
		return f, true
	}
	core := coreName(header)
	if core == "" {
		return 0, false
	}
	f, ok := d.column[core]
	return f, ok
}

// coreName is the normalised text of a header cell before its first line break or bracket
// (（ ( 【 [ 〔), or "" when the cell has no such hint or nothing before it.
func coreName(header string) string {
	header = strings.TrimSpace(header)
	i := strings.IndexAny(header, "\n\r（(【[〔")
	if i <= 0 {
		return ""
	}
	return zhtext.Normalize(header[:i])
}

// IsNoDeadline reports whether s is, whole, a word meaning 无明确时限. A 完成时限 cell is read
// with NoDeadlineWord, which also takes the phrasings that begin with such a word.
func (d *Dict) IsNoDeadline(s string) bool { return d.noDL[TrimPunct(zhtext.Normalize(s))] }

// NoDeadlineWord returns the no-deadline word a 完成时限 text begins with (the longest, after
// Normalize and TrimPunct), or "" when it begins with none; dated reports that the rest of
// the text names a date or period (持续推进，2024年6月底前完成), which the caller must not
// read as 无明确时限. No-deadline words are stems only here: a 落实状态 is matched whole.
func (d *Dict) NoDeadlineWord(s string) (word string, dated bool) {
	k := TrimPunct(zhtext.Normalize(s))
	for _, w := range d.noDLStems {
		if strings.HasPrefix(k, w) {
			return w, mentionsDate(k[len(w):])
		}
	}
	return "", false
}

// mentionsDate reports whether s names a date or period: a digit, or a Chinese numeral before
// 年, 月, 日, 号 or 季, or a period word such as 年底, 月底, 上半年, 季度. A recurring rhythm —
// what follows 每 up to the next punctuation, as in 每季度通报 or 每月10日前报送 — is no deadline.
func mentionsDate(s string) bool {
	for _, part := range strings.FieldsFunc(s, unicode.IsPunct) {
		if i := strings.Index(part, "每"); i >= 0 {
			part = part[:i]
		}
		if partMentionsDate(part) {
			return true
		}
	}
	return false
}

func partMentionsDate(s string) bool {
	prevNumeral := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			return true
		case strings.ContainsRune("年月日号季", r) && prevNumeral:
			return true
		}
		prevNumeral = strings.ContainsRune("〇零一二两三四五六七八九十廿卅", r)
	}
	for _, w := range datePeriodWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// datePeriodWords name a period in a deadline without a numeral.
var datePeriodWords = []string{"年底", "年末", "年内", "年前", "月底", "月末", "月前", "半年", "季度", "年度内"}

// TrimPunct removes leading and trailing punctuation and spaces (已完成。 办理中； “推进中”),
// which never change a value (SPEC §4.2). A text of punctuation only is kept as it is, so
// that a cell holding just “/” is not taken for a blank one.
func TrimPunct(s string) string {
	t := strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || r == 0x3000 || r == 0xFEFF || r == 0x200B
	})
	if t == "" {
		return s
	}
	return t
}

// Unit returns the canonical name of a unit and whether the dictionary knows it. With no
// units in the dictionary every unit is known as written.
func (d *Dict) Unit(s string) (string, bool) {
	if len(d.Units) == 0 {
		return strings.TrimSpace(s), true
	}
	if u, ok := d.unit[zhtext.Normalize(s)]; ok {
		return u, true
	}
	return strings.TrimSpace(s), false
}

// SplitList splits a cell listing several spellings separated by 、 , ， ; ； or line breaks.
func SplitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '\n' || r == '\r'
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
