package xlsxout

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ---- the VML part ----

const newVML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
</xml>`

const (
	nsV = "urn:schemas-microsoft-com:vml"
	nsO = "urn:schemas-microsoft-com:office:office"
	nsX = "urn:schemas-microsoft-com:office:excel"
)

// fitShapes makes the VML part hold exactly one Note shape per comment of cs: the cells in
// touched get a new box sized to their text, other comments keep theirs, boxes without a
// comment and second boxes of a cell go.
func (p *zipPackage) fitShapes(part string, vml []byte, cs *comments, touched map[[2]int]bool) ([]byte, error) {
	v, o, x, vml := vmlPrefixes(vml)
	reShape := regexp.MustCompile(`(?s)<` + regexp.QuoteMeta(v) + `shape\b[^>]*?(?:/>|>.*?</` + regexp.QuoteMeta(v) + `shape\s*>)`)
	reRow := regexp.MustCompile(`<` + regexp.QuoteMeta(x) + `Row>\s*(\d+)\s*<`)
	reCol := regexp.MustCompile(`<` + regexp.QuoteMeta(x) + `Column>\s*(\d+)\s*<`)
	reNote := regexp.MustCompile(`ObjectType\s*=\s*["']Note["']`)

	want := map[[2]int]bool{}
	for _, c := range cs.list {
		want[cellKey(c.ref)] = true
	}
	have := map[[2]int]bool{}
	var cut [][2]int
	for _, m := range reShape.FindAllIndex(vml, -1) {
		sh := vml[m[0]:m[1]]
		if !reNote.Match(sh) {
			continue
		}
		r, c := reRow.FindSubmatch(sh), reCol.FindSubmatch(sh)
		if r == nil || c == nil {
			cut = append(cut, [2]int{m[0], m[1]})
			continue
		}
		row, _ := strconv.Atoi(string(r[1]))
		col, _ := strconv.Atoi(string(c[1]))
		key := [2]int{row + 1, col + 1}
		if touched[key] || have[key] || !want[key] {
			cut = append(cut, [2]int{m[0], m[1]})
			continue
		}
		have[key] = true
	}
	for i := len(cut) - 1; i >= 0; i-- {
		vml = splice(vml, cut[i][0], cut[i][1], "")
	}

	blocks := p.ownBlocks(part, vml)
	var add strings.Builder
	if !regexp.MustCompile(`<` + regexp.QuoteMeta(v) + `shapetype\b[^>]*\bid\s*=\s*["']_x0000_t202["']`).Match(vml) {
		fmt.Fprintf(&add, `<%[1]sshapetype id="_x0000_t202" coordsize="21600,21600" %[2]sspt="202" path="m,l,21600r21600,l21600,xe">`+
			`<%[1]sstroke joinstyle="miter"/><%[1]spath gradientshapeok="t" %[2]sconnecttype="rect"/></%[1]sshapetype>`, v, o)
	}
	z := 1
	for _, c := range cs.list {
		key := cellKey(c.ref)
		if key[0] == 0 || have[key] {
			continue
		}
		id, newBlock := p.nextShapeID(part, &blocks)
		if newBlock {
			vml = setIDMap(vml, v, o, blocks)
		}
		lines := strings.Count(c.text, "\n") + 1 + len([]rune(plainText(c.text)))/24
		fmt.Fprintf(&add, "\n"+`<%[1]sshape id="_x0000_s%[4]d" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:%[5]dpt;height:%[6]dpt;z-index:%[7]d;visibility:hidden" fillcolor="#ffffe1" %[2]sinsetmode="auto">`+
			`<%[1]sfill color2="#ffffe1"/><%[1]sshadow on="t" color="black" obscured="t"/><%[1]spath %[2]sconnecttype="none"/>`+
			`<%[1]stextbox style="mso-direction-alt:auto"><div style="text-align:left"></div></%[1]stextbox>`+
			`<%[3]sClientData ObjectType="Note"><%[3]sMoveWithCells/><%[3]sSizeWithCells/><%[3]sAnchor>%[8]s</%[3]sAnchor>`+
			`<%[3]sAutoFill>False</%[3]sAutoFill><%[3]sRow>%[9]d</%[3]sRow><%[3]sColumn>%[10]d</%[3]sColumn></%[3]sClientData></%[1]sshape>`,
			v, o, x, id, 240, min(40+12*lines, 400), z, anchor(key, lines), key[0]-1, key[1]-1)
		z++
	}
	if len(blocks) > 0 && !reIDMap.Match(vml) {
		vml = setIDMap(vml, v, o, blocks)
	}
	ends := regexp.MustCompile(`(?i)</xml\s*>`).FindAllIndex(vml, -1)
	if len(ends) == 0 {
		return nil, errors.New("no </xml>")
	}
	at := ends[len(ends)-1][0]
	return splice(vml, at, at, add.String()+"\n"), nil
}

// anchor places a note's box to the right of its cell, as Excel does: columns and rows
// with offsets in pixels.
func anchor(key [2]int, lines int) string {
	row, col := key[0]-1, key[1]-1
	top := max(row-1, 0)
	return fmt.Sprintf("%d, 15, %d, 10, %d, 15, %d, 4", col+1, top, col+5, top+min(3+lines, 25))
}

var reTags = regexp.MustCompile(`<[^>]*>`)

func plainText(s string) string { return reTags.ReplaceAllString(s, "") }

// vmlPrefixes returns the prefixes ("v:", "o:", "x:") the VML part binds its namespaces to,
// declaring the missing ones on the root.
func vmlPrefixes(vml []byte) (v, o, x string, out []byte) {
	out = vml
	var missing strings.Builder
	find := func(ns, std string) string {
		m := regexp.MustCompile(`xmlns:([\w.-]+)\s*=\s*["']` + regexp.QuoteMeta(ns) + `["']`).FindSubmatch(vml)
		if m != nil {
			return string(m[1]) + ":"
		}
		fmt.Fprintf(&missing, ` xmlns:%s="%s"`, std, ns)
		return std + ":"
	}
	v, o, x = find(nsV, "v"), find(nsO, "o"), find(nsX, "x")
	if missing.Len() > 0 {
		if m := regexp.MustCompile(`(?i)<xml\b`).FindIndex(out); m != nil {
			out = splice(out, m[1], m[1], missing.String())
		}
	}
	return v, o, x, out
}

// ownBlocks lists the id blocks the VML part may allocate in: its own, used by no other part.
func (p *zipPackage) ownBlocks(part string, vml []byte) []int {
	var out []int
	for _, b := range vmlBlocks(vml) {
		if owner, ok := p.blockOwner[b]; !ok || strings.EqualFold(owner, part) {
			out = append(out, b)
			p.blockOwner[b] = part
		}
	}
	return out
}

// nextShapeID returns an unused shape id in one of blocks, adding a block no part uses when
// they are full.
func (p *zipPackage) nextShapeID(part string, blocks *[]int) (int, bool) {
	for _, b := range *blocks {
		if b <= 0 {
			continue
		}
		last := b*shapesInBlock + shapesInBlock
		for id := max(b*shapesInBlock+1, p.freeFrom[b]); id <= last; id++ {
			if !p.usedIDs[id] {
				p.usedIDs[id] = true
				p.freeFrom[b] = id + 1
				return id, false
			}
		}
		p.freeFrom[b] = last + 1
	}
	b := 1
	for ; ; b++ {
		if _, ok := p.blockOwner[b]; !ok {
			break
		}
	}
	p.blockOwner[b] = part
	*blocks = append(*blocks, b)
	id := b*shapesInBlock + 1
	p.usedIDs[id] = true
	return id, true
}

// setIDMap writes the part's o:idmap, adding one when it has none.
func setIDMap(vml []byte, v, o string, blocks []int) []byte {
	var ids []string
	for _, b := range blocks {
		if b > 0 {
			ids = append(ids, strconv.Itoa(b))
		}
	}
	data := strings.Join(ids, ",")
	if m := reIDMap.FindSubmatchIndex(vml); m != nil {
		return splice(vml, m[2], m[3], data)
	}
	layout := fmt.Sprintf(`<%[2]sshapelayout %[1]sext="edit"><%[2]sidmap %[1]sext="edit" data="%[3]s"/></%[2]sshapelayout>`, v, o, data)
	if m := regexp.MustCompile(`(?i)<xml\b[^>]*>`).FindIndex(vml); m != nil {
		return splice(vml, m[1], m[1], "\n"+layout)
	}
	return vml
}
