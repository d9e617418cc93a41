package sheets

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/internal/zhtext"
)

// Several units in one 牵头单位 cell (SPEC §3.1). Task-breakdown documents list the units of a
// task together — 市住建局、市自然资源局; 市城管局（牵头）、市住建局; 市水利局牵头，市财政局配合 —
// and say which one leads: the one marked 牵头, else the first listed ("责任分解中，列第一位的
// 责任单位为牵头单位或汇总单位", https://z.hangzhou.com.cn/2020/hzrmzfgb/content/content_7745055.html).

// unitRole is what a cell says of one unit's part in a task.
type unitRole int

const (
	roleNone unitRole = iota // named without a role
	roleLead                 // marked 牵头
	roleCo                   // marked 配合, 协办, 参与 …
)

// unitMention is one unit named in a 牵头单位 or 配合单位 cell.
type unitMention struct {
	name string
	role unitRole
}

// leadSplit is a 牵头单位 cell read as units: the lead, the others (in the order listed, each
// once, the lead excluded) and how the lead was chosen.
type leadSplit struct {
	lead   string
	others []string
	marked int // how many units the cell marks 牵头
}

// several reports whether the cell named more than one unit.
func (s leadSplit) several() bool { return len(s.others) > 0 }

// splitLead reads a 牵头单位 cell: the unit marked 牵头 leads (the first of them, if several
// are), else the first unit not marked 配合, else the first listed.
func splitLead(cell string) leadSplit { return splitLeadKnown(cell, nil) }

// leadOf is the lead unit of a 牵头单位 cell as the row rules read it: units separated by
// spaces split where the parts are units d knows or that end like one (SPEC §3.1).
func (d *Dict) leadOf(cell string) string { return splitLeadKnown(cell, d.knownUnit).lead }

// splitLeadKnown is splitLead where known tells the units the dictionary lists, which may be
// separated by spaces whatever their names end with.
func splitLeadKnown(cell string, known func(string) bool) leadSplit {
	units := parseUnitsKnown(cell, known)
	if len(units) == 0 {
		return leadSplit{lead: strings.TrimSpace(cell)}
	}
	lead, marked := -1, 0
	for i, u := range units {
		if u.role == roleLead {
			if marked == 0 {
				lead = i
			}
			marked++
		}
	}
	if lead < 0 {
		for i, u := range units {
			if u.role != roleCo {
				lead = i
				break
			}
		}
	}
	if lead < 0 {
		lead = 0
	}
	s := leadSplit{lead: units[lead].name, marked: marked}
	for _, u := range units {
		s.others = addUnit(s.others, s.lead, u.name)
	}
	return s
}

// mergeCo returns the 配合单位 of a row whose 牵头单位 cell also named others: those units
// first, then the units of the 配合单位 cell not already named, none of them the lead.
func mergeCo(lead string, others []string, coCell string) string {
	co := others
	for _, u := range parseUnits(coCell) {
		co = addUnit(co, lead, u.name)
	}
	return strings.Join(co, "、")
}

// addUnit appends unit to list unless it is the lead or already listed (spaces and full-width
// forms aside).
func addUnit(list []string, lead, unit string) []string {
	k := zhtext.Normalize(unit)
	if k == "" || k == zhtext.Normalize(lead) {
		return list
	}
	for _, u := range list {
		if zhtext.Normalize(u) == k {
			return list
		}
	}
	return append(list, unit)
}

// Role words as a cell writes them: a label before the units (牵头单位：…), a word after a
// group of units (…牵头, …配合), or a bracket after one unit (…（牵头）).
var (
	unitLabels = []struct {
		label string
		role  unitRole
	}{
		{"牵头单位", roleLead}, {"牵头部门", roleLead}, {"主办单位", roleLead}, {"牵头", roleLead},
		{"配合单位", roleCo}, {"配合部门", roleCo}, {"协办单位", roleCo}, {"参与单位", roleCo},
		{"配合", roleCo}, {"协办", roleCo}, {"责任单位", roleNone}, {"责任部门", roleNone},
	}
	leadWords = []string{"牵头负责", "牵头"}
	coWords   = []string{"按职责分工负责", "按职责分工落实", "按职责分工配合", "按职责负责", "配合落实", "配合", "协助", "协办", "参与"}
	leadMarks = []string{"牵头", "牵头单位", "主办", "主办单位"}
	coMarks   = []string{"配合", "配合单位", "协办", "协办单位", "参与"}
)

// parseUnits splits a unit cell into units. Groups are separated by ，,；;。 or line breaks,
// units within a group by 、 — never inside brackets, so 各县（市、区）政府 stays one unit, and
// never at /, since 市委/政府办 is one office. A role word after a group applies to all its
// units (A、B牵头，C配合), a bracket only to its unit (A、B（牵头）). A trailing 等 is dropped.
func parseUnits(cell string) []unitMention { return parseUnitsKnown(cell, nil) }

// parseUnitsKnown is parseUnits where units may also be separated by spaces (市发改委 市财政局)
// when each part is a unit: one that known reports, or a name that ends as units' names do
// (spacedUnits).
func parseUnitsKnown(cell string, known func(string) bool) []unitMention {
	var out []unitMention
	for _, g := range splitOutside(cell, "，,；;。\n\r") {
		g = strings.TrimSpace(g)
		g, role := cutLabel(g)
		if rest, ok := cutSuffix(g, leadWords); ok {
			g, role = rest, roleLead
		} else if rest, ok := cutSuffix(g, coWords); ok {
			g, role = rest, roleCo
		}
		for _, u := range spacedUnits(splitOutside(g, "、"), known) {
			u = strings.TrimSpace(u)
			u = strings.TrimSpace(strings.TrimSuffix(u, "等"))
			r := role
			if name, mark, ok := cutMark(u); ok {
				u, r = name, mark
			}
			if u != "" {
				out = append(out, unitMention{name: u, role: r})
			}
		}
	}
	return out
}

// splitOutside splits s at any of the runes in seps that stand outside brackets.
func splitOutside(s, seps string) []string {
	var parts []string
	depth, start := 0, 0
	// A Chinese character, most of a cell, is no bracket and, unless seps has one, no separator.
	hanSeps := strings.ContainsFunc(seps, isHan)
	for i, r := range s {
		if !hanSeps && isHan(r) {
			continue
		}
		switch {
		case strings.ContainsRune("（(【[〔《{", r):
			depth++
		case strings.ContainsRune("）)】]〕》}", r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune(seps, r):
			parts = append(parts, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(parts, s[start:])
}

// isHan reports whether r is in the block of the common Chinese characters (U+4E00–U+9FFF).
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// cutLabel removes a label such as 牵头单位： from the start of a group and returns the role
// it gives the group's units.
func cutLabel(g string) (string, unitRole) {
	for _, l := range unitLabels {
		rest, ok := strings.CutPrefix(g, l.label)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if r, ok := strings.CutPrefix(rest, "："); ok {
			return strings.TrimSpace(r), l.role
		}
		if r, ok := strings.CutPrefix(rest, ":"); ok {
			return strings.TrimSpace(r), l.role
		}
	}
	return g, roleNone
}

// cutSuffix removes a role word such as 牵头 from the end of a group that names a unit before it.
func cutSuffix(g string, words []string) (string, bool) {
	for _, w := range words {
		if rest, ok := strings.CutSuffix(g, w); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return g, false
}

// cutMark removes a role in brackets, （牵头） or (配合), from the end of a unit.
func cutMark(u string) (string, unitRole, bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"（", ")"}, {"(", "）"}} {
		rest, ok := strings.CutSuffix(u, p[1])
		if !ok {
			continue
		}
		i := strings.LastIndex(rest, p[0])
		if i < 0 {
			continue
		}
		name, mark := strings.TrimSpace(rest[:i]), strings.TrimSpace(rest[i+len(p[0]):])
		if name == "" {
			continue
		}
		for _, m := range leadMarks {
			if mark == m {
				return name, roleLead, true
			}
		}
		for _, m := range coMarks {
			if mark == m {
				return name, roleCo, true
			}
		}
	}
	return u, roleNone, false
}

// spacedUnits splits each of parts at spaces (half-width, full-width, several) when every
// piece is a unit: one known reports, or one whose name ends as a unit's does (unitEnds).
// 市发展和改革委员会 市财政局 is two units; 市 财政局 (spaced for alignment) and
// 市住建局 牵头 are not.
func spacedUnits(parts []string, known func(string) bool) []string {
	if !slices.ContainsFunc(parts, hasSpace) {
		return parts // nothing to split: no copy on every row
	}
	var out []string
	for _, p := range parts {
		pieces := strings.Fields(p)
		if len(pieces) < 2 {
			out = append(out, p)
			continue
		}
		all := true
		for _, q := range pieces {
			name, _, _ := cutMark(strings.TrimSuffix(q, "等"))
			if !(known != nil && known(name)) && !unitLike(name) {
				all = false
				break
			}
		}
		if all {
			out = append(out, pieces...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

func hasSpace(s string) bool { return strings.ContainsFunc(s, unicode.IsSpace) }

// unitEnds are the ends of units' names: 局, 委, 办, 中心, 公司, 镇, 乡, 街道 (SPEC §3.1), and the
// longer forms of a few (委员会, 办公室, 管委会).
var unitEnds = []string{"局", "委", "委员会", "管委会", "办", "办公室", "中心", "公司", "集团", "镇", "乡", "街道", "厅", "政府"}

// unitLike reports whether a name ends as a unit's name does and has more before that end.
func unitLike(name string) bool {
	for _, e := range unitEnds {
		if rest, ok := strings.CutSuffix(name, e); ok && utf8.RuneCountInString(rest) >= 1 {
			return true
		}
	}
	return false
}
