package sheets

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// NamesFrom names a file found in a folder given by its path from that folder: with its
// subfolder whether or not another file shares its base name (QA: with reminder forms in
// S/催办/, 市教育局.xlsx was named without 催办/ and could not be found); a file given by itself
// by its base name; names alike across two folders given, with as many folders above as tell
// them apart. Without the folders given (Names), base names, made distinct the same way.
func TestNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, a, b, other := filepath.Join(dir, "S"), filepath.Join(dir, "一月"), filepath.Join(dir, "二月"), filepath.Join(dir, "下载")
	for _, d := range []string{filepath.Join(s, "s5"), filepath.Join(s, "催办"), a, b, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	extra := filepath.Join(other, "市文化广电旅游局.xlsx")
	for _, c := range []struct{ paths, files, want []string }{
		{[]string{s}, []string{filepath.Join(s, "s5", "市交通运输局.xlsx"), filepath.Join(s, "催办", "市交通运输局.xlsx"), filepath.Join(s, "催办", "市教育局.xlsx"), filepath.Join(s, "市财政局.xlsx")},
			[]string{"s5/市交通运输局.xlsx", "催办/市交通运输局.xlsx", "催办/市教育局.xlsx", "市财政局.xlsx"}},
		{[]string{s, extra}, []string{filepath.Join(s, "市财政局.xlsx"), filepath.Join(s, "催办", "市教育局.xlsx"), extra},
			[]string{"市财政局.xlsx", "催办/市教育局.xlsx", "市文化广电旅游局.xlsx"}},
		{[]string{a, b}, []string{filepath.Join(a, "市财政局.xlsx"), filepath.Join(b, "市财政局.xlsx"), filepath.Join(b, "市商务局.xlsx")},
			[]string{"一月/市财政局.xlsx", "二月/市财政局.xlsx", "市商务局.xlsx"}},
		{nil, []string{"收文/一月/市财政局.xlsx", "收文/二月/市财政局.xlsx", "收文/市商务局.xlsx", "a/x/市林业局.xlsx", "b/x/市林业局.xlsx", "市林业局.xlsx"},
			[]string{"一月/市财政局.xlsx", "二月/市财政局.xlsx", "市商务局.xlsx", "a/x/市林业局.xlsx", "b/x/市林业局.xlsx", "市林业局.xlsx"}},
	} {
		if got := NamesFrom(c.paths, c.files); !reflect.DeepEqual(got, c.want) {
			t.Errorf("NamesFrom(%q, %q) = %q, want %q", c.paths, c.files, got, c.want)
		}
	}
}
