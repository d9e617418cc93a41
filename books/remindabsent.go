package books

import (
	"fmt"

	"github.com/duban/duban/sheets"
)

// The reminder of a unit expected and not heard from (SPEC §7, §9.2) asks it to report: the
// same heading and form as any reminder, a line saying that its ledger did not come (or could
// not be read), and all its items as last known, pre-filled, so that the returned reminder
// merges as its ledger.

// Texts of the reminder of a unit not heard from.
const (
	unsentNone       = "%s：贵单位本期未报送督查事项台账"
	unsentUnreadable = "%s：贵单位本期报送的督查事项台账无法读取"
	unsentBy         = "，请于%s前报送。"
	unsentSoon       = "，请尽快报送。"
	unsentPrevious   = "上期汇总"
	unsentMaster     = "交办清单"
	unsentBoth       = "上期汇总和交办清单"
	unsentItems      = "下列为%s所列贵单位的%d项事项，请逐项更新落实状态、完成日期和进展情况，" +
		"没有完成时限的事项请填写承诺的完成时限，用本表报送。"
	unsentBlank = "请在本表中逐项填写贵单位的督查事项后报送。"

	unsentNot      = "未报送"
	unsentNotRead  = "台账无法读取"
	unsentCountHad = "%d项（%s，%s）"
)

// unsentLine is the line under the heading of the reminder of a unit not heard from: that its
// ledger did not come, by when to report, where its items come from, who asks.
func unsentLine(rem sheets.Reminder, n Notice) string {
	a := rem.Absent
	s := fmt.Sprintf(unsentNone, rem.Unit)
	if a.Unreadable {
		s = fmt.Sprintf(unsentUnreadable, rem.Unit)
	}
	if n.ReplyBy.IsZero() {
		s += unsentSoon
	} else {
		s += fmt.Sprintf(unsentBy, sheets.CNDate(n.ReplyBy))
	}
	from := unsentPrevious
	switch {
	case a.Assigned == len(rem.Items):
		from = unsentMaster
	case a.Assigned > 0:
		from = unsentBoth
	}
	if len(rem.Items) > 0 {
		s += fmt.Sprintf(unsentItems, from, len(rem.Items))
	} else {
		s += unsentBlank
	}
	return s + signature(n)
}

// unsentCounts is what stdout says of the reminder of a unit not heard from: 20项（未报送，上期
// 20项，其中逾期1项）.
func (s Sent) unsentCounts() string {
	why := unsentNot
	if s.Absent.Unreadable {
		why = unsentNotRead
	}
	if had := s.Absent.Had(); had != "" {
		return fmt.Sprintf(unsentCountHad, s.Items(), why, had)
	}
	return fmt.Sprintf(sentCount, s.Items(), why)
}
