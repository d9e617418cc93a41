package sheets

import (
	"reflect"
	"testing"
)

func TestNames(t *testing.T) {
	t.Parallel()
	got := Names([]string{"收文/一月/市财政局.xlsx", "收文/二月/市财政局.xlsx", "收文/市商务局.xlsx", "a/x/市林业局.xlsx", "b/x/市林业局.xlsx", "市林业局.xlsx"})
	want := []string{"一月/市财政局.xlsx", "二月/市财政局.xlsx", "市商务局.xlsx", "a/x/市林业局.xlsx", "b/x/市林业局.xlsx", "市林业局.xlsx"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Names = %v, want %v", got, want)
	}
}
