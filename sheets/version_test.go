package sheets

import (
	"testing"
	"time"
)

// File names as units send successive versions of their ledger. The version words are those
// of office practice: 征求意见稿 → 送审稿 → 修改稿 → 定稿/终稿 (e.g. 《党政机关公文处理工作条例》
// drafting stages), and clerks' own 初稿/二稿/最终版, v1/v2, and a date in the name.
func TestLedgerVersionFamily(t *testing.T) {
	t.Parallel()
	same := [][]string{
		{"市财政局-初稿.xlsx", "市财政局终稿.xlsx", "市财政局（修改版）.xlsx", "市财政局.xlsx", "2024/市财政局_v2.xlsx"},
		{"市水利局（初稿）.xlsx", "市水利局（终稿）.xlsx", "市水利局 20241220.xlsx", "市水利局2024年12月20日.xls", "市水利局第二稿.xlsx"},
	}
	for _, names := range same {
		want := LedgerVersion(names[0], "", time.Time{}, false).Family
		for _, n := range names[1:] {
			if got := LedgerVersion(n, "", time.Time{}, false).Family; got != want {
				t.Errorf("%s: family %q, want %q (as %s)", n, got, want, names[0])
			}
		}
	}
	if a, b := LedgerVersion("市财政局.xlsx", "", time.Time{}, false), LedgerVersion("市税务局.xlsx", "", time.Time{}, false); a.SameLedger(b) {
		t.Errorf("市财政局 and 市税务局 taken for one ledger")
	}
	// The 填报单位 line names the unit whatever the file is called.
	a := LedgerVersion("台账（初稿）.xlsx", "市财政局", time.Time{}, false)
	b := LedgerVersion("财政局最终版.xlsx", "市财政局", time.Time{}, false)
	if !a.SameLedger(b) {
		t.Errorf("two files whose 填报单位 line is 市财政局 are not one ledger: %q %q", a.Family, b.Family)
	}
}

func TestLedgerVersionOrder(t *testing.T) {
	t.Parallel()
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	// Each list is in version order, earliest first.
	orders := [][]Version{
		{
			LedgerVersion("市财政局（初稿）.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局（修改版）.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局（终稿）.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局_催办单_20241227.xlsx", "", time.Time{}, false),
		},
		{LedgerVersion("市财政局v1.xlsx", "", time.Time{}, false), LedgerVersion("市财政局v2.xlsx", "", time.Time{}, false)},
		{LedgerVersion("市财政局二稿.xlsx", "", time.Time{}, false), LedgerVersion("市财政局第三稿.xlsx", "", time.Time{}, false)},
		{LedgerVersion("市财政局20241130.xlsx", "", time.Time{}, false), LedgerVersion("市财政局20241220.xlsx", "", time.Time{}, false)},
		{LedgerVersion("甲.xlsx", "市财政局", d("2024-12-01"), false), LedgerVersion("乙.xlsx", "市财政局", d("2024-12-18"), false)},
		{LedgerVersion("市财政局.xlsx", "", time.Time{}, false), LedgerVersion("市财政局.xlsx", "", time.Time{}, true)},
	}
	for _, o := range orders {
		for i := 1; i < len(o); i++ {
			if c := o[i-1].Compare(o[i]); c >= 0 {
				t.Errorf("%+v not before %+v (Compare %d)", o[i-1], o[i], c)
			}
			if c := o[i].Compare(o[i-1]); c <= 0 {
				t.Errorf("%+v not after %+v (Compare %d)", o[i], o[i-1], c)
			}
		}
	}
	if c := LedgerVersion("a/市财政局.xlsx", "", time.Time{}, false).Compare(LedgerVersion("b/市财政局.xlsx", "", time.Time{}, false)); c != 0 {
		t.Errorf("two plain copies ordered %d; nothing tells them apart", c)
	}
}

func FuzzLedgerVersion(f *testing.F) {
	for _, s := range []string{"市财政局（初稿）.xlsx", "v", "第稿", "2024-13-45.xlsx", "市局v99999999999999999999.xlsx", "二〇稿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		v := LedgerVersion(name, "", time.Time{}, false)
		if v.Compare(v) != 0 {
			t.Errorf("%q: a version is not equal to itself", name)
		}
	})
}
