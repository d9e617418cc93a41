package sheets

// User-facing messages of validation and merging, kept together so that the wording can be
// reviewed in one place. The reader's and writer's labels live beside their code.
const (
	msgExcluded          = "（该行已排除，未计入统计，请修改后重新报送）"
	msgRequired          = "%s为空，请填写（该行其他列已填写）"
	msgNoCategory        = "无法确定类别：类别为空，会议名称“%s”中也没有可识别的会议类型，请填写类别（如 市政府常务会议、市长批示件）"
	msgStatusEmpty       = "落实状态为空，请填写 已落实、推进中 或 未启动"
	msgBadStatus         = "落实状态“%s”无法识别，应为 已落实、推进中 或 未启动（或词典中的其他写法）"
	msgUnknownCategory   = "类别“%s”不在词典中，按原样单独统计；如是笔误请改为词典中的类别名称"
	msgUnknownUnit       = "牵头单位“%s”不在词典的单位名单中，请核对单位名称"
	msgNoMeeting         = "会议名称为空，该事项无法归入具体会议"
	msgYearInferred      = "完成时限“%s”未写年份，按%s的年份%d年理解为%s"
	msgLeadFromFile      = "牵头单位为空，按填报单位（或文件名）取为“%s”"
	msgDoneMissing       = "落实状态为“%s”（已落实），但未填写完成日期"
	msgDoneFuture        = "完成日期%s晚于统计截止日%s，请核实"
	msgDoneBeforeMeeting = "完成日期%s早于会议日期%s，请核实"
	msgOpenWithDone      = "落实状态为“%s”（未落实），却填写了完成日期%s，请核实状态"
	msgDupSameSheet      = "与本表第%d行是同一事项（类别、会议、事项内容、牵头单位相同），只计一次"
	msgDupConflict       = "与 %s 是同一事项，但落实状态不同（此处“%s”，彼处“%s”），按更进一步的“%s”（来源 %s）计"
	msgDupSame           = "与 %s 是同一事项，重复报送，只计一次"
)
