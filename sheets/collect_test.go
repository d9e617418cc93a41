package sheets

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Names names every file by its path from the folder holding them all: a file in a subfolder
// with its subfolder, whether or not another shares its base name (QA: with reminder forms in
// S/催办/, 市教育局.xlsx was named without 催办/ and could not be found), never with "..".
func TestNames(t *testing.T) {
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ files, want []string }{
		{[]string{"S/s5/市交通运输局.xlsx", "S/催办/市交通运输局.xlsx", "S/催办/市教育局.xlsx", "S/市财政局.xlsx"},
			[]string{"s5/市交通运输局.xlsx", "催办/市交通运输局.xlsx", "催办/市教育局.xlsx", "市财政局.xlsx"}},
		{[]string{"收文/一月/市财政局.xlsx", "收文/二月/市财政局.xlsx", "收文/市商务局.xlsx"},
			[]string{"一月/市财政局.xlsx", "二月/市财政局.xlsx", "市商务局.xlsx"}},
		{[]string{"收文/一月/市财政局.xlsx", "收文/二月/市商务局.xlsx"}, []string{"一月/市财政局.xlsx", "二月/市商务局.xlsx"}},
		{[]string{"收文/一月/市财政局.xlsx"}, []string{"市财政局.xlsx"}},
		{[]string{"收文/市财政局.xlsx", "收文/市商务局.xlsx"}, []string{"市财政局.xlsx", "市商务局.xlsx"}},
		{[]string{"a/x/市林业局.xlsx", "b/x/市林业局.xlsx", "市林业局.xlsx"}, []string{"a/x/市林业局.xlsx", "b/x/市林业局.xlsx", "市林业局.xlsx"}},
		{[]string{"../上期/市林业局.xlsx", "市林业局.xlsx"}, []string{"上期/市林业局.xlsx", filepath.Base(cwd) + "/市林业局.xlsx"}},
	} {
		if got := Names(c.files); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Names(%q) = %q, want %q", c.files, got, c.want)
		}
	}
}
