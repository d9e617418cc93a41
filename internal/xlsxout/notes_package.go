package xlsxout

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// ---- the package ----

type zipPackage struct {
	names []string          // in their order in the zip
	parts map[string][]byte // by name
	lower map[string]string // lower-case name → name
	// VML shape ids and id blocks in use, and which part holds each block
	usedIDs    map[int]bool
	blockOwner map[int]string
	freeFrom   map[int]int // by block: every id below it is used
}

func openPackage(b []byte) (*zipPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	p := &zipPackage{parts: map[string][]byte{}, lower: map[string]string{}}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		p.put(zf.Name, data)
	}
	return p, nil
}

func (p *zipPackage) put(name string, data []byte) {
	if _, ok := p.parts[name]; !ok {
		p.names = append(p.names, name)
		p.lower[strings.ToLower(name)] = name
	}
	p.parts[name] = data
}

func (p *zipPackage) get(name string) ([]byte, bool) {
	n, ok := p.lower[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return p.parts[n], true
}

func (p *zipPackage) bytes() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range p.names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.parts[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// freeName returns the first name made by format from 1, 2, … that no part has.
func (p *zipPackage) freeName(format string) string {
	for i := 1; ; i++ {
		n := fmt.Sprintf(format, i)
		if _, ok := p.get(n); !ok {
			return n
		}
	}
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels reads the relationships of part (nil when it has none).
func (p *zipPackage) rels(part string) ([]relationship, error) {
	b, ok := p.get(relsPart(part))
	if !ok {
		return nil, nil
	}
	var r struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", relsPart(part), err)
	}
	return r.Rels, nil
}

// addRel adds a relationship of part to target (a part name) and returns its id.
func (p *zipPackage) addRel(part, typ, target string) (string, error) {
	rels, err := p.rels(part)
	if err != nil {
		return "", err
	}
	taken := map[string]bool{}
	for _, r := range rels {
		taken[r.ID] = true
	}
	id := ""
	for i := len(rels) + 1; ; i++ {
		if id = "rId" + strconv.Itoa(i); !taken[id] {
			break
		}
	}
	rel := fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, id, typ, relTarget(part, target))
	name := relsPart(part)
	b, ok := p.get(name)
	if !ok {
		p.put(name, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rel+`</Relationships>`))
		return id, nil
	}
	at := bytes.LastIndex(b, []byte("</Relationships>"))
	if at < 0 {
		return "", fmt.Errorf("%s: no </Relationships>", name)
	}
	p.put(p.lower[strings.ToLower(name)], splice(b, at, at, rel))
	return id, nil
}

var (
	reCTEntry = regexp.MustCompile(`<(?:[\w.-]+:)?(Default|Override)\b[^>]*>`)
	reCTAttr  = regexp.MustCompile(`\b(Extension|PartName|ContentType)\s*=\s*["']([^"']*)["']`)
)

// ensureContentType makes part's content type typ: a part declared by neither an Override
// nor a Default of its extension gets one (by extension when byExt), and one declared with
// another type gets an Override (both make Excel repair the workbook; other programs leave
// a VML part undeclared).
func (p *zipPackage) ensureContentType(part, typ string, byExt bool) error {
	const name = "[Content_Types].xml"
	b, ok := p.get(name)
	if !ok {
		return errors.New("no [Content_Types].xml")
	}
	ext := strings.TrimPrefix(path.Ext(part), ".")
	def := ""
	for _, m := range reCTEntry.FindAllSubmatchIndex(b, -1) {
		attrs := map[string]string{}
		for _, a := range reCTAttr.FindAllSubmatch(b[m[0]:m[1]], -1) {
			attrs[string(a[1])] = string(a[2])
		}
		switch string(b[m[2]:m[3]]) {
		case "Override":
			if strings.EqualFold(strings.TrimPrefix(attrs["PartName"], "/"), part) {
				if attrs["ContentType"] == typ {
					return nil
				}
				p.put(p.nameOf(name), splice(b, m[0], m[1], fmt.Sprintf(`<Override PartName="/%s" ContentType="%s"/>`, part, typ)))
				return nil
			}
		case "Default":
			if strings.EqualFold(attrs["Extension"], ext) {
				def = attrs["ContentType"]
			}
		}
	}
	if def == typ {
		return nil
	}
	decl := fmt.Sprintf(`<Override PartName="/%s" ContentType="%s"/>`, part, typ)
	if byExt && def == "" && ext != "" {
		decl = fmt.Sprintf(`<Default Extension="%s" ContentType="%s"/>`, ext, typ)
	}
	at := bytes.LastIndex(b, []byte("</Types>"))
	if at < 0 {
		return errors.New("[Content_Types].xml: no </Types>")
	}
	p.put(p.nameOf(name), splice(b, at, at, decl))
	return nil
}

// sheetParts maps each sheet's name to its part.
func (p *zipPackage) sheetParts() (map[string]string, error) {
	wbPart := "xl/workbook.xml"
	root, err := p.rels("")
	if err != nil {
		return nil, err
	}
	for _, r := range root {
		if r.Type == relOfficeDoc {
			wbPart = resolve("", r.Target)
		}
	}
	b, ok := p.get(wbPart)
	if !ok {
		return nil, fmt.Errorf("no %s", wbPart)
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(b, &wb); err != nil {
		return nil, fmt.Errorf("%s: %w", wbPart, err)
	}
	rels, err := p.rels(wbPart)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		for _, r := range rels {
			if r.ID == s.RID {
				out[s.Name] = resolve(path.Dir(wbPart), r.Target)
			}
		}
	}
	return out, nil
}

var (
	reShapeID = regexp.MustCompile(`_x0000_s(\d+)`)
	reIDMap   = regexp.MustCompile(`(?s)<[\w.-]*:?idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']`)
)

// scanShapes notes the VML shape ids and id blocks every VML part of the package uses.
func (p *zipPackage) scanShapes() {
	p.usedIDs, p.blockOwner, p.freeFrom = map[int]bool{}, map[int]string{}, map[int]int{}
	for _, n := range p.names {
		if !strings.HasSuffix(strings.ToLower(n), ".vml") {
			continue
		}
		for _, b := range vmlBlocks(p.parts[n]) {
			if _, ok := p.blockOwner[b]; !ok {
				p.blockOwner[b] = n
			}
		}
		for _, m := range reShapeID.FindAllSubmatch(p.parts[n], -1) {
			if id, err := strconv.Atoi(string(m[1])); err == nil {
				p.usedIDs[id] = true
			}
		}
	}
}

// vmlBlocks lists the id blocks a VML part reserves (o:idmap) or uses (its shape ids).
func vmlBlocks(b []byte) []int {
	var out []int
	for _, m := range reIDMap.FindAllSubmatch(b, -1) {
		for f := range strings.SplitSeq(string(m[1]), ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n >= 0 {
				out = append(out, n)
			}
		}
	}
	for _, m := range reShapeID.FindAllSubmatch(b, -1) {
		if id, err := strconv.Atoi(string(m[1])); err == nil && id > 0 {
			out = append(out, (id-1)/shapesInBlock)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ---- paths ----

func splice(b []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(s))
	out = append(out, b[:from]...)
	out = append(out, s...)
	return append(out, b[to:]...)
}

// relsPart is the relationships part of part ("" for the package).
func relsPart(part string) string {
	if part == "" {
		return "_rels/.rels"
	}
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// resolve resolves a relationship target against the folder of its source part.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Clean(path.Join(dir, target))
}

// relTarget is the relative target from part's folder to target.
func relTarget(part, target string) string {
	from := strings.Split(path.Dir(part), "/")
	to := strings.Split(target, "/")
	if path.Dir(part) == "." {
		from = nil
	}
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}
