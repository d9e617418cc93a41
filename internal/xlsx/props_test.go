package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"
)

func TestReadProps(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		// A byte-order mark, as .NET writers put it, and a namespace prefix on every element.
		"docProps/app.xml": "\xEF\xBB\xBF<?xml version=\"1.0\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">" +
			"<Application> WPS 表格 </Application></Properties>",
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` +
			`<dc:creator>督查室</dc:creator><cp:lastModifiedBy>张三</cp:lastModifiedBy><dc:description>duban-report</dc:description>` +
			`<dcterms:created>2024-12-20T08:00:00Z</dcterms:created><dcterms:modified>2024-12-21T09:30:00Z</dcterms:modified></cp:coreProperties>`,
		"xl/workbook.xml": "<workbook/>",
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p, err := ReadProps(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	want := Props{Application: "WPS 表格", Creator: "督查室", LastModifiedBy: "张三",
		Created: "2024-12-20T08:00:00Z", Modified: "2024-12-21T09:30:00Z", Description: "duban-report"}
	if err != nil || p != want {
		t.Errorf("ReadProps = %+v, %v, want %+v", p, err, want)
	}

	// No properties at all: nothing, no error. Not a zip: ErrNotWorkbook.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	zw.Create("xl/workbook.xml")
	zw.Close()
	if p, err := ReadProps(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil || p != (Props{}) {
		t.Errorf("no properties: %+v, %v", p, err)
	}
	text := []byte("类别,事项内容\n")
	if _, err := ReadProps(bytes.NewReader(text), int64(len(text))); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("plain text: %v, want ErrNotWorkbook", err)
	}
}
