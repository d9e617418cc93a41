package bulletin

// The words the 通报 prints of its own (everything else comes from the caller).
const (
	defaultName       = "督查通报"
	blankIssue        = "第　期"
	issueFormat       = "第%d期"
	blankDate         = "　　年　月　日"
	annexLabel        = "附件"
	annexNoteFormat   = "附件：%s"
	defaultAnnexTitle = "督查事项落实情况表"

	headingOverview     = "总体情况"
	headingProblems     = "存在问题"
	headingRequirements = "下一步工作要求"
)

// The 附件 table's column labels, in order; 落实状态 on two lines of its narrow column.
var annexColumns = []string{"序号", "事项内容", "牵头单位", "完成时限", "落实\n状态", "预警"}

// titleTails are the closing words before which a title too long for one line breaks, as
// offices break it (紫阳县: 《2024年第五次县政府常务会议确定事项 落实情况的通报》), longest first.
var titleTails = []string{"落实情况的通报", "情况的通报", "的通报"}
