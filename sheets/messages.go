package sheets

// User-facing messages, kept together so that the wording can be reviewed in one place. The
// labels of the sheets duban writes (report, forms, config, annotated copies) live beside the
// code that lays them out.

import (
	"errors"
	"fmt"

	"github.com/duban/duban/internal/zhtext"
)

// Messages of validation and merging (SPEC §5, §6).
const (
	msgTakenBlank            = "，按未填写处理"
	msgExcluded              = "（该行已排除，未计入统计，请修改后重新报送）"
	msgMasterExcluded        = "（该行未能与各单位报送的事项核对，请修改交办清单）"
	msgRequired              = "%s为空，请填写（该行其他列已填写）"
	msgNoColumn              = "表中没有“%s”等列，无法统计该行；请按报送模板补上这一列"
	msgNoCategoryColumn      = "表中既没有“类别”列也没有“会议”列，无法确定类别；请按报送模板补上"
	msgUncalculated          = "%s是公式，但文件中没有保存计算结果（文件可能由程序生成），请用Excel或WPS打开、保存后重新报送"
	msgNoCategory            = "无法确定类别：类别为空，会议名称“%s”中也没有可识别的会议类型，请填写类别（如 市政府常务会议、市长批示件）"
	msgStatusEmpty           = "落实状态为空，请填写 已落实、推进中 或 未启动"
	msgBadStatus             = "落实状态“%s”无法识别，应为“已落实”“推进中”或“未启动”（或词典中的其他写法）"
	msgUnknownCategory       = "类别“%s”不在词典中，按原样单独统计；如是笔误请改为词典中的类别名称"
	msgUnknownUnit           = "牵头单位“%s”不在词典的单位名单中，请核对单位名称"
	msgNoMeeting             = "会议名称为空，该事项无法归入具体会议"
	msgYearInferred          = "完成时限“%s”未写年份，按%s的年份%d年理解为%s"
	msgDateYearInferred      = "%s“%s”未写年份，按%d年理解为%s"
	msgDateIgnored           = "%s“%s”%v，按未填写处理"
	msgYearInferredNext      = "完成时限“%s”未写年份，会议日期为%s，按其后最近的日期理解为%s"
	msgDeadlineBeforeMeeting = "完成时限%s早于会议日期%s，请核实"
	msgErrorValue            = "%s是错误值“%s”（公式出错），请改正后重新报送"
	msgLeadFromFile          = "牵头单位为空，按填报单位（或文件名）取为“%s”"
	msgDoneMissing           = "落实状态为“%s”%s，但未填写完成日期" // the word, and its class when it is not 已落实 itself
	msgDoneClass             = "（已落实）"
	msgDoneFuture            = "完成日期%s晚于统计截止日%s，请核实"
	msgDoneBeforeMeeting     = "完成日期%s早于会议日期%s，请核实"
	msgOpenWithDone          = "落实状态为“%s”（未落实），却填写了完成日期%s，请核实状态"
	msgDupSameSheet          = "与本表第%d行是同一事项（类别、会议、事项内容、牵头单位相同），只计一次"
	msgIDReused              = "编号“%s”在本表第%d行已用于另一事项，按两个事项统计；请改正编号"
	msgDupSameID             = "与本表第%d行的编号同为“%s”，按同一事项只计一次；如不是同一事项，请改正编号"
	msgDupByID               = "与 %s 编号同为“%s”（事项内容的写法不同），按同一事项只计一次"
	msgDupConflict           = "与 %s 是同一事项，但落实状态不同（此处“%s”，彼处“%s”），按更进一步的“%s”（来源 %s）计"
	msgDupLead               = "与 %s 是同一事项，但落实状态不同（此处“%s”，彼处“%s”），按牵头单位%s自己的报送（来源 %s）计"
	msgDupSame               = "与 %s 是同一事项，重复报送，只计一次"
)

// Messages of Source.
const (
	msgNoSuchPath  = "找不到此文件或文件夹，请检查路径"
	msgUnreadable  = "无法读取此文件夹（%s）"
	msgNotWorkbook = "不是Excel工作簿，已跳过"
	msgNotRegular  = "不是普通文件（命名管道或设备），已跳过，未打开"
)

// Messages of the reader (SPEC §2.1, §3).
const (
	msgDamaged       = "文件已损坏（%s），请重新导出或重新发送"
	msgLegacy        = "旧版Excel格式（.xls/.et），请用Excel或WPS打开后另存为.xlsx"
	msgEncrypted     = "文件已加密，请用 --password 提供密码，或请单位发送未加密的文件"
	msgEncryptedXLS  = "文件已加密，.xls文件的密码不受支持（--password 只用于.xlsx），请单位用Excel或WPS打开后另存为未加密的.xlsx再发送"
	msgWrongPassword = "文件已加密，--password 提供的密码打不开它，请核对密码，或请单位发送未加密的文件"
	msgTooBig        = "文件解压后超过%s（约%s），已拒绝读取；如确属正常文件，请用 --max-unzip 调大上限"
	msgCannotOpen    = "无法打开文件（%s），请确认文件存在且未被其他程序独占"
	msgOwnReport     = "这是duban生成的汇总表，不再重复汇总，已跳过"
	msgOwnOutput     = "这是duban生成的%s，不是单位报送的台账，已跳过"
	// a form or reminder duban wrote that no program saved since: sent out, not yet returned
	msgUnfilled         = "这是duban生成的%s，生成后没有被修改保存过，尚未填写，已跳过"
	msgAnnotatedUnsaved = "这是duban写出的批注副本（check --annotate），生成后没有被修改保存过，尚未填写，已跳过；单位改好保存后退回的副本会按其台账汇总"
	msgOwnAnnotated     = "这是duban写出的批注副本（check --annotate），原台账也在汇总之列，不再重复汇总，已跳过；如是单位改好后退回的文件，请用它替换原台账后再汇总"
	// an annotated copy without its original among the inputs: the unit's corrected return
	msgAnnotatedReturned = "这是duban写出的批注副本（check --annotate），按单位改好后退回的台账汇总（“问题清单”工作表不计）"
	msgBlankForm         = "未填报任何事项：这是下发的报送模板，台账中只有表头，请单位填写后重新报送"
	msgNoLedger          = "没有找到台账工作表（%s），请按报送模板填写后重新报送"
	msgHiddenSheet       = "工作表已隐藏，已跳过"
	msgSheetUnnamed      = "工作表没有名称（Excel不允许），按其位置称为“%s”，批注副本中也用此名"
	msgNotWorksheet      = "不是数据工作表（如图表页），已跳过"
	msgEmptySheet        = "工作表为空，已跳过"
	msgNoHeader          = "未找到表头（应含 事项内容、落实状态 等列），已跳过"
	msgUnknownCols       = "未识别的列：%s，已忽略"
	msgDupColumn         = "重复的列：%s（%s列、%s列），以%s列为准，该列为空时取另一列"
	msgFooter            = "表尾说明行，已跳过"
	msgHeading           = "分组标题行，已跳过（其下各行类别为空时按此标题归类）"
	msgHeaderAgain       = "重复的表头行，已跳过"
	msgNumberRow         = "列编号行（表头下方的1、2、3…），已跳过"
	msgOnlyUnknown       = "此行只在未识别的列中有内容，已跳过"

	// a column chosen by its values among several named for one field (SPEC §3)
	msgStatusChosen  = "“%s”列多为文字说明，“%s”列为落实状态，按“%s”列统计"
	msgStatusKept    = "；“%s”列作为进展情况"
	msgStatusIgnored = "；“%s”列已忽略"
	msgDateChosen    = "“%s”列多为日期，按“%s”列读取%s；“%s”列已忽略"
	msgParentChosen  = "“%s”列合并跨越多行，作为所属任务；“%s”列为事项内容，每行一项"
	msgParentOnce    = "“%s”列一格写在其下多行之上，作为所属任务；“%s”列为事项内容，每行一项"
	msgContinuation  = "续行：只有%s的内容，已并入第%d行的事项"
	msgSubHeading    = "子项标题行（其下为%s等子项），不是事项，已跳过"
	msgTicked        = "落实状态用“%s”勾选在“%s”列，duban无法据此统计；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送）"
	msgTickedNone    = "落实状态用勾选表示（%s列），本行未勾选，duban无法据此统计；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送）"
	msgYesNo         = "落实状态只用“%s”列的“%s”表示，duban无法据此区分推进中和未启动；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送）"

	// why a sheet was skipped, inside msgNoLedger
	whyHidden       = "“%s”已隐藏"
	whyNotWorksheet = "“%s”不是数据工作表"
	whyEmpty        = "“%s”是空的"
	whyNoHeader     = "“%s”没有表头，表头应含 事项内容、落实状态 等列"

	// details inside msgDamaged
	detNotZip     = "不是有效的xlsx文件，可能下载或复制不完整"
	detText       = "内容是纯文本（如CSV），不是xlsx工作簿"
	detEmpty      = "文件是空的"
	detNoEntries  = "压缩包中没有内容"
	detChecksum   = "%s 数据校验失败"
	detTruncated  = "%s 数据不完整"
	detCompressed = "%s 压缩数据错误"
	detXML        = "%s 的XML格式错误：%s"
	detNoWorkbook = "缺少工作簿目录 %s"
	detNoSheets   = "工作簿中没有工作表"
	detXLSCut     = "文件结构不完整，可能下载或复制不完整"
	detXLSRecord  = ".xls的%s数据流第%d字节附近记录损坏"
	detPanic      = "读取时发生异常：%v"

	detMissingPart   = "缺少 %s"
	detAmbiguousPart = "压缩包中有名称只差大小写的条目 %s，无法确定应读哪一个"
	detAtByte        = "第%d字节附近%s"
	detSyntax        = "格式错误"
	detEncoding      = "不支持的字符编码 %s"
	detTooLong       = "单个XML标记或文本超过16MiB"
	detRowOrder      = "行号无效或顺序错误"
	detCellRef       = "单元格引用无效或顺序错误"
	detSharedString  = "共享字符串编号无效"
)

// Explanations of an unreadable date or deadline; the caller prefixes the field and raw value.
const (
	msgDateUnknown     = "无法识别为日期，应写成 2023-06-30 或 2023年6月30日"
	msgDeadlineUnknown = "无法识别为日期或时限，应写成 2023-06-30、2023年6月底前、2023年底前，或写“长期”等表示无明确时限"
	msgDateNoYear      = "缺少年份，应写成 2023-06-30 或 2023年6月30日"
	msgDateYear        = "年份%d超出2000–2100的范围"
	msgDateSmallNumber = "是数字%s，不是日期；如指某月某日，请连同年份写成 2023-06-30"
	msgDateMonth       = "不是有效日期（没有%d月）"
	msgDateDay         = "不是有效日期（%d月没有%d日）"
	msgDateLeapDay     = "不是有效日期（%d年不是闰年，2月没有29日）"
	msgDateQuarter     = "不是有效时限（一年只有4个季度，没有第%d季度）"
)

// dateError words an error of zhtext.ParseDate or zhtext.ParsePeriod: unknown (errDateUnknown
// or errDeadlineUnknown) for a text of no date form, errDateNoYear for a day without its year,
// and the impossible part of a date that does not exist.
func dateError(err, unknown error) error {
	var re *zhtext.RangeError
	switch {
	case errors.Is(err, zhtext.ErrNoYear):
		return errDateNoYear
	case !errors.As(err, &re):
		return unknown
	}
	switch re.Field {
	case zhtext.FieldYear:
		return fmt.Errorf(msgDateYear, re.Year)
	case zhtext.FieldMonth:
		return fmt.Errorf(msgDateMonth, re.Month)
	case zhtext.FieldQuarter:
		return fmt.Errorf(msgDateQuarter, re.Quarter)
	case zhtext.FieldDay:
		if re.Month == 2 && re.Day == 29 {
			return fmt.Errorf(msgDateLeapDay, re.Year)
		}
		return fmt.Errorf(msgDateDay, re.Month, re.Day)
	}
	return unknown
}

// Messages about a master list.
const (
	msgMasterNoLead   = "牵头单位为空，无法分发到单位，请在交办清单中填写牵头单位"
	msgMasterUnusable = "交办清单 %s 无法读取：%s"
	msgMasterEmpty    = "交办清单 %s 中没有找到任何事项（表头应含 事项内容、牵头单位 等列）"
	msgMasterNoLeads  = "交办清单 %s 中没有任何事项填写了牵头单位，无法核对漏报（请加上牵头单位列）"
	// the line on 汇总, stdout and the 通报 naming the items of the master list not reported
	lineMasterList   = "交办清单"
	lineMasterReport = "上期汇总表"
	lineMissing      = "对照%s，漏报事项%d项"
	lineMissingUnit  = "%s%d项"
	lineMissingMore  = "等%d个单位"
	lineMissingSheet = "，见“%s”工作表。"
)

// Messages of the reader about stacked tables and the rows above the header, and the names of
// what becomes of a row (SPEC §3, §5).
const (
	msgNewHeader   = "另一张表的表头，以下各行按此行的列读取：%s"
	msgAboveHeader = "表头上方的数据行未能识别：此行在第%d行的表头之上，不属于任何一张表，无法读取；如是台账事项，请移到表头下方、按表头各列填写" + msgExcluded

	labelRowTitle    = "标题或说明行"
	labelRowHeading  = "分组标题行"
	labelRowHeader   = "表头行"
	labelRowData     = "数据行"
	labelRowFooter   = "表尾说明行"
	labelRowPassed   = "跳过的行"
	labelRowExcluded = "读取时排除的行"
)

// Messages about the words and units of ledgers as units really fill them (SPEC §3.1, §4.2,
// §4.3): status words that do not say which class an item is in, no-deadline words written
// with a date, several units in one 牵头单位 cell.
const (
	msgAmbiguousStatus = "落实状态“%s”%s，不能确定属于“已落实”“推进中”“未启动”中的哪一类；%s"

	// why a status word says nothing of the class, inside msgAmbiguousStatus
	whyPartial      = "只说明基本或部分完成，没有说明事项是否已全部完成"
	whyPercent      = "是进度百分比，没有说明事项是否已完成"
	whyPaused       = "表示事项暂缓（暂停）办理，没有说明其进度"
	whyCancelled    = "表示事项已撤销、取消或调整，没有说明其落实情况"
	whyNotDone      = "只说明尚未落实，没有说明是否已经开始办理"
	whyDeadlineWord = "是完成时限的写法，不是落实状态"

	// what to write instead, inside msgAmbiguousStatus
	advDoneOrOpen   = "已全部完成的请填“已落实”，仍有未完成部分的请填“推进中”，具体进度写在进展情况中"
	advPaused       = "请按实际填“推进中”或“未启动”，并在备注中写明暂缓的原因和依据"
	advCancelled    = "仍需办理的请填“推进中”或“未启动”；经批准撤销或调整的，请在备注中写明依据，并与督查部门确认是否从台账中删除"
	advStarted      = "已开始办理的请填“推进中”，尚未开始的请填“未启动”"
	advStatusColumn = "请填“已落实”“推进中”或“未启动”，“%s”应写在完成时限栏"

	// after 完成时限“…”
	msgNoDeadlineDated = "既有表示无明确时限的“%s”，又写了日期或期限，无法确定有没有完成时限；有明确时限的请只写时限（如 2024年6月底前），没有的请只写“%s”"

	msgLeadFirst  = "牵头单位栏列有%d个单位，按列第一位的“%s”为牵头单位统计，%s计入配合单位；如牵头单位不是它，请在牵头单位后注明（牵头）"
	msgLeadMarked = "牵头单位栏列有%d个单位，按标注牵头的“%s”为牵头单位统计，%s计入配合单位"
	msgLeadMarks  = "牵头单位栏列有%d个单位，其中%d个标注牵头，按其中列第一位的“%s”为牵头单位统计，%s计入配合单位"
)

// Messages and sentences of the office's cycle: the meeting briefing, reminders and the
// comparison with the previous report (SPEC §9.1–§9.3).
const (
	msgBriefNoName     = "请用 --meeting 指定会议，如 --meeting 市政府常务会议第14次，或只写类别 --meeting 常务会 表示最近一次"
	msgBriefNoCategory = "无法从“%s”识别会议类别；台账中的会议有：%s"
	msgBriefNoItems    = "“%s”属于%s，但台账中没有该类会议的事项；台账中的会议有：%s"
	msgBriefNotFound   = "台账中没有“%s”的事项；相近的会议有：%s"

	msgBriefCounts      = "%s议定事项%d项，已落实%d项"
	msgBriefAllDone     = "%s议定事项%d项，已全部落实。"
	msgBriefInProgress  = "正在推进%d项"
	msgBriefNotStarted  = "未启动%d项"
	msgBriefNoOverdue   = "；无逾期事项"
	msgBriefOverdue     = "；逾期%d项："
	msgBriefOverdueItem = "%s（%s），已逾期%d天"
	msgBriefDueSoon     = "；临期%d项："
	msgBriefDueSoonItem = "%s（%s），应于%s前完成"

	msgPrevUnreadable   = "上期汇总表 %s 无法读取：%s"
	msgPrevNotReport    = "%s 不是duban生成的汇总表（没有“%s”工作表），无法与上期比较"
	msgPrevNoHeader     = "上期汇总表 %s 的“%s”工作表中没有找到表头（事项内容、牵头单位等列）"
	msgRegressed        = "上期（%s）为%s，本期为%s，落实状态倒退，请核实"
	msgRegressedNote    = "上期%s，本期%s，请核实"
	msgUnreported       = "上期汇总表中的事项本期没有单位报送（牵头单位%s，%s），请核实是否漏报"
	msgUnreportedNote   = "上期有此事项，本期无单位报送，请核实"
	msgUnreportedFrom   = "（上期来源：%s）"
	msgNewAndOverdue    = "上期无此事项，已逾期%d天"
	msgOverdueDays      = "已逾期%d天"
	msgRateUp           = "落实率由%s升至%s"
	msgRateDown         = "落实率由%s降至%s"
	msgRateSame         = "落实率与上期持平（%s）"
	msgSinceCounts      = "，本期办结%d项，新增逾期%d项"
	msgSinceRegressed   = "，状态倒退%d项"
	msgSinceUnreported  = "，本期未报%d项"
	msgReminderUpdate   = "按催办单 %s 的反馈更新，同一事项只计一次"
	msgReminderDeadline = "；原无明确时限，按单位在催办单中承诺的完成时限%s计"
	// appended to a merge's message when the two rows give different deadlines
	msgDupDeadline = "；两处完成时限不同（此处%s，彼处%s），按彼处计；如属延期，请核实是否经批准"
)

// Messages and words of the context a row's category, meeting and year come from (SPEC §4.1,
// §4.2): the sheet's name, a 类别 cell naming the whole meeting, and where a yearless date
// found its year.
const (
	msgSheetCategory   = "工作表名“%s”指明了类别：本表%d行未写类别，按%s统计"
	msgCategoryMeeting = "类别“%s”是完整的会议名称，会议按%s统计"
	msgMeetingDay      = "%s以日期指明会议，会议日期按%s计"
	msgYearFrom        = "完成时限“%s”未写年份，按%s中的%d年理解为%s"
	msgYearOfRun       = "完成时限“%s”未写年份，按%s的年度%d年理解为%s"

	labelGroup          = "分组标题"
	labelSheet          = "工作表名"
	labelMeetingName    = "会议名称"
	yearFromMeetingDate = "会议日期"
	yearFromTitle       = "台账标题"
	yearFromDateLine    = "填报日期"
	yearFromFlag        = "--year指定"
	yearFromMeetings    = "多数事项会议日期所在"
	yearFromAsOf        = "统计截止日"
	yearFromReport      = "本次报告"
)

// How an error of the operating system is told to a clerk, inside msgCannotOpen, msgUnreadable
// and msgPrevUnreadable (sysErrText).
const (
	sysNotExist   = "文件或文件夹不存在"
	sysPermission = "没有访问权限"
	sysIsDir      = "这是一个文件夹，不是文件"
	sysCut        = "文件不完整"
	sysOther      = "系统无法读取"
	sysLocked     = "文件正被其他程序独占打开，请关闭后重试"
)

// The names of the kinds of problem (ProblemKind), as the terminal counts the notices:
// 提示81条：牵头单位按填报单位推断24条，完成时限补全年份18条，….
const kindNone = "其他"

var kindNames = [numProblemKinds]string{
	LeadFromFile:         "牵头单位按填报单位推断",
	DeadlineYearInferred: "完成时限补全年份",
	DateYearInferred:     "日期补全年份",
	CategoryFromSheet:    "类别按工作表名推断",
	CategoryIsMeeting:    "类别栏写了完整会议名称",
	DuplicateMerged:      "重复报送只计一次",
	ReminderUpdate:       "按催办单反馈更新",
	SeveralLeads:         "牵头单位栏有多个单位",
	FooterSkipped:        "跳过表尾说明行",
	HeadingSkipped:       "跳过分组标题行",
	HeaderRepeated:       "跳过重复表头行",
	NumberRowSkipped:     "跳过列编号行",
	UnknownOnlyRow:       "跳过只有未识别列的行",
	AnotherHeader:        "另一张表的表头",
	ColumnChosen:         "按内容选定的列",
	ParentTask:           "两级任务的所属任务",
	ContinuationRow:      "续行并入上一事项",
	SubHeadingSkipped:    "跳过子项标题行",
	UnknownColumns:       "忽略未识别的列",
	DuplicateColumn:      "重复的列",
	HiddenSheet:          "跳过隐藏工作表",
	NotWorksheet:         "跳过非数据工作表",
	EmptySheet:           "跳过空工作表",
	NoHeaderSheet:        "跳过无表头的工作表",
	OwnReport:            "跳过duban生成的汇总表",
	OwnAnnotated:         "跳过批注副本",
	AnnotatedReturned:    "批注副本按退回台账汇总",
	Unfilled:             "跳过尚未填写的模板或催办单",
	NotWorkbook:          "跳过非Excel文件",
	SheetRenamed:         "副本中工作表改名",
	StatusMeaning:        "落实状态按词义归类",
	NoDeadlineMeaning:    "完成时限按词义计为无明确时限",
	ColumnMeaning:        "列名按词义识别",
	MeetingByDate:        "会议按所写日期识别",
	SheetRepeated:        "跳过重复列出的工作表",
	FarCells:             "忽略远端列的单元格",
	NotRegular:           "跳过非普通文件",
	SheetUnnamed:         "无名称的工作表按位置命名",

	NoSuchPath:            "路径不存在",
	FolderUnreadable:      "文件夹无法读取",
	FileUnreadable:        "文件无法读取",
	NoLedger:              "没有台账工作表",
	BlankForm:             "未填报的报送模板",
	AboveHeader:           "表头上方的数据行",
	StatusTicked:          "落实状态无法统计",
	ColumnMissing:         "缺少必需的列",
	FormulaUnreadable:     "公式没有可用的结果",
	RowInvalid:            "填写有误的行",
	CategoryUnknown:       "类别不在词典中",
	DeadlineBeforeMeeting: "完成时限早于会议日期",
	MeetingMissing:        "会议名称为空",
	UnitUnknown:           "牵头单位不在词典中",
	DoneDateDoubtful:      "完成日期需核实",
	DateUnreadable:        "日期无法识别",
	DuplicateInSheet:      "同表重复事项",
	DuplicateConflict:     "重复报送状态不同",
	IDReused:              "编号重复",
	SessionGap:            "会议届次不连续",
	StatusRegressed:       "落实状态倒退",
	PreviousUnreported:    "本期未报",
	MasterNoLead:          "交办清单未填牵头单位",
	AnnotateFailed:        "无法写出批注副本",
	VersionDiffers:        "同一单位台账的版本不同",
	VersionOnlyEarlier:    "只见于较早版本的事项",
	UnitAbsent:            "应报送单位未报送",
	DeadlineExtended:      "延期",
	ScheduleColumn:        "进度列按内容识别",
	CheckFileMissing:      "上期核对工作簿无法使用",
	SuggestionDeadline:    "建议提案按默认办理时限",
	SuggestionValue:       "办理结果或满意度无法归类",
}

// The notice on an annotated copy whose sheet Excel would refuse by its name.
const msgSheetRenamed = "工作表名称“%s”不符合Excel的规定（最长31个字符，不含 []:*?/\\ 等），副本中改为“%s”"

// ownKindName names each kind of document duban writes in the notice that skips it.
var ownKindName = map[Mark]string{
	MarkReport: "汇总表", MarkCheck: "核对工作簿", MarkBrief: "会议通报", MarkBulletin: "通报",
	MarkForm: "报送模板", MarkReminder: "催办单", MarkAnnotated: "批注副本", MarkConfig: "词典工作簿",
}

// Messages of the reader for OpenDocument spreadsheets (.ods).
const (
	msgEncryptedODS = "文件已加密，.ods文件的密码不受支持（--password 只用于.xlsx），请单位用WPS或LibreOffice打开后另存为未加密的.xlsx或.ods再发送"
)

// Versions of one unit's ledger (SPEC §6): the later version counts; one warning per pair of
// files on the terminal, one per item in the check file.
const (
	msgVersionDiffers     = "与 %s 是同一事项，落实状态不同（此处“%s”，彼处“%s”）；%s 是同一单位台账的较新版本，按其计"
	msgVersionOnlyEarlier = "此事项只见于本文件，同一单位台账的较新版本 %s 中没有，仍计入统计；请向单位核实是否已删除"
	msgVersionPair        = "与 %s 是同一单位台账的两个版本：%s"
	msgPairDiffer         = "%d项落实状态不同，按本文件（较新版本）计"
	msgPairOnlyEarlier    = "%d项只见于较早版本，仍计入，请核实"
)

// Messages of what is read by meaning rather than by the letter of the dictionary (SPEC §3.1,
// §4.2, §4.3): each is a notice at its cell, so that the clerk sees it and can pin the word in
// the dictionary; and the errors of words that cannot be read at all.
const (
	msgStatusMeaning      = "落实状态“%s”按词义计为%s"
	msgStatusRemarkDate   = "，所写日期“%s”作为完成日期（%s）"
	msgNoDeadlineMeaning  = "完成时限“%s”按词义计为无明确时限"
	msgColumnMeaning      = "“%s”列按词义识别为%s"
	msgContentPlaceholder = "事项内容只写了“%s”，不是事项内容；请填写议定事项的具体内容（该行其他列已填写）"
	msgStatusByPercent    = "表中没有落实状态列，办理情况只用%s列的百分比“%s”表示，没有说明事项是否已完成，duban无法据此统计；请增加“落实状态”列，填写 已落实、推进中 或 未启动，进度写在进展情况中"
	msgStatusAllBlank     = "本表落实状态列全部为空，如是用底色、符号等标示办理情况，duban无法据此统计；请在落实状态列逐项填写 已落实、推进中 或 未启动"
	msgDecimalMonth       = "完成时限“%s”填在数字格式的单元格里，是一个小数：2024.1 和 2024.10 在数字格式下是同一个数，无法确定是几月；请写成 2024年10月底前 这样的文字，或填写日期"
)

// Units not heard from and units with excluded rows (SPEC §7, §9.3): the 注 on 汇总, the rows of
// 单位统计 and 报送情况, the warnings, and 变化情况.
const (
	resultUnsent        = "未报送"
	noteUnreadable      = "台账无法读取"
	msgAbsentBefore     = "上期%d项"
	msgAbsentOverdue    = "，其中逾期%d项"
	msgAbsentDue        = "应报事项%d项"
	limitUnsent         = "%s本期未报送台账"
	limitUnsentHad      = "%s本期未报送台账（%s）"
	msgAbsent           = "%s本期未报送台账%s，其事项未计入本次统计，请催报"
	msgAbsentUnreadable = "%s报送的台账无法读取，本期按未报送计%s，其事项未计入本次统计"
	noteExcluded        = "※ 有填写错误的行未计入，名次仅供参考：%s。"
	noteExcludedUnit    = "%s%d行"
	// 变化情况: the report's plain facts, and the check file's notes with sources
	msgGoneNote       = "本期未报送"
	msgRegressedFact  = "上期%s，本期%s"
	msgAbsentRow      = "%s本期未报送，%s"
	msgSilentRow      = "%s本期报送的台账中没有上期的%d项事项"
	msgAbsentItemNote = "该单位本期未报送台账"
	msgSilentItems    = "%s本期报送了台账，但上期的%d项事项本期均未报送（可能因填写错误被排除），请核实"
	msgSinceAbsent    = "；%s，未计入本期"
	msgSinceAbsentOne = "%s本期未报送（上期%d项）"
)

// msgUnsupportedEncryption is an encrypted .xlsx whose cipher (RC2, DES, 3DES, RC4) duban does
// not decrypt: no password helps.
const msgUnsupportedEncryption = "文件已加密，此加密方式不受支持（无论密码对错都无法读取），请单位用Excel或WPS打开后另存为未加密的文件再发送"

// A sheet that workbook.xml lists again for the part of an earlier one (issue 20).
const (
	msgRepeatSheet = "与工作表“%s”是同一份数据（工作簿目录把它列了两次），不再重复读取，已跳过"
	whyRepeat      = "“%s”重复列出另一工作表的数据"
)

// msgFarCells: cells right of column IV, kept apart by the reader (issue 20).
const msgFarCells = "%s列以右还有单元格（%d行，第一个在%s），远离表格，不属于任何一列，未读取；如是台账内容，请移到表格中"

// msgPastLimit: a worksheet with rows past 1,048,576 or cells past column XFD (issue 20).
const msgPastLimit = "工作表超出Excel的范围（超过1048576行或超过XFD列），Excel和WPS只能显示其中一部分，整个文件未读取；请单位在Excel中核对后另存再发送"

// Extensions (SPEC §4.2), progress against schedule (§4.3) and the on-time rate (§7).
const (
	msgExtended             = "经批准延期：完成时限由%s调整为%s，逾期按调整后时限计算"
	msgExtensionOnly        = "调整后时限“%s”：原无明确时限，按%s计算逾期"
	msgExtensionRequested   = "落实状态为“%s”，延期未经批准，按原定时限（%s）考核"
	msgExtensionNoDate      = "落实状态为“%s”，但未写明调整后的时限，按原定时限（%s）计算；请在调整后时限列或状态中写明，如 已延期（至2025年3月31日）"
	msgDecimalMonthExtended = "调整后时限“%s”填在数字格式的单元格里，是一个小数：2024.1 和 2024.10 在数字格式下是同一个数，无法确定是几月；请写成 2024年10月底前 这样的文字，或填写日期"
	msgScheduleNarrative    = "“%s”列填的不是超进度、达进度、滞后这样的进度词，按%s读取"
	msgScheduleChosen       = "“%s”列填的是超进度、达进度、滞后这样的进度词，按进度读取；落实状态按“%s”列读取"
	msgScheduleAsStatus     = "表中没有落实状态列，“%s”列填的是已完成、超进度、欠进度这样的状态词，按此列统计落实状态，超进度、达进度、欠进度记为进度"
	msgScheduleIgnored      = "“%s”列填的不是超进度、达进度、滞后这样的进度词，已有进展情况列，此列不读取"
	// an 已落实 item with a deadline and no 完成日期: in 应办结, not 按期办结
	msgDoneMissingOnTime = "；按期办结率中计为未按期办结"

	// the lines under 汇总's table (Report.SummaryNotes) and the narrative's rate
	lineOnTime             = "按期办结率%s（按期办结%d项，应办结%d项）。"
	lineOnTimeNone         = "按期办结率：暂无应办结事项。"
	lineOnTimeDue          = "应办结：有完成时限（经批准延期的按调整后时限）且时限已过或已落实的事项。"
	lineOnTimeDone         = "按期办结：应办结中完成日期不晚于时限的已落实事项；无明确时限的事项不计入。"
	lineExtended           = "经批准延期%d项（逾期按调整后时限计算）。"
	lineSchedule           = "推进中%d项，其中%s、滞后%d项。"
	lineScheduleOn         = "达到序时进度%d项"
	lineScheduleNoneBehind = "推进中%d项，其中%s。"
	lineScheduleAhead      = "（含超进度%d项）"
	lineScheduleRest       = "，其余%d项未说明进度。"
	narrativeOnTime        = "，按期办结率%s"
)

// The briefing's rows excluded by errors (SPEC §9.1): counted apart in the narrative read aloud,
// and what the clerk must check on the terminal.
const (
	msgBriefExcluded      = "另有%d项因填写有误未计入（%s），请单位更正。"
	msgBriefExcludedValue = "，%s“%s”"
	msgBriefExcludedBlank = "，%s未填写"
	msgBriefExcludedMore  = "等"
	msgBriefUnsent        = "另有%d项因%s未报送落实情况未计入，请单位及时报送。"
	// The same in the 通报's 存在问题, where the sentence stands on its own.
	msgBulletinExcluded  = "本次会议有%d项事项因填写有误未计入本通报（%s），已通知单位更正。"
	msgBulletinUnsent    = "本次会议有%d项事项因%s未报送落实情况未计入本通报，已通知单位报送。"
	msgBriefCheckCounted = "%s：%s的事项因填写错误未计入，通报中已另行说明，请退回单位更正"
	msgBriefCheckRow     = "%s：因填写错误被排除，无法判断是否属于本次会议，请核实"
	msgBriefCheckFile    = "%s：台账无法读取，其中如有本次会议的事项，未计入通报，请核实"
	msgBriefCheckRead    = "%s：%d行读取时被排除，无法判断是否属于本次会议，请核实"
	msgBriefCheckAbsent  = "%s本期未报送台账，其中如有本次会议的事项，未计入通报，请核实"
)

// Messages of a report used as the master list of the next round (SPEC §9.3).
const (
	msgCarryNoCheck     = "上期汇总表的核对工作簿%s，上期因填写错误未计入的事项无法列入模板；请把核对工作簿与汇总表放在同一文件夹后重新生成"
	msgCarryCheckAbsent = "不在汇总表旁"
	msgCarryNoSheet     = "中没有“%s”工作表"
	msgCarryCheckBad    = "无法读取（%s）"
)

// 建议提案 (SPEC §9.5): the default deadline, the values that fit no class, and the sentence of
// the narrative in the form offices publish (承办人大代表建议117件、政协委员提案89件，办复率100%，
// 满意率98.1%).
const (
	msgSatisfactionTicks    = "“满意”“基本满意”“不满意”各占一列，按打勾的一列读作满意度"
	msgHintCategory         = "工作表“%s”的标题或列名指明是建议提案：本表%d行按%s统计"
	msgSuggestionSession    = "建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（%s）"
	msgSuggestionBetween    = "建议提案未填写完成时限，%s，按闭会期间提出的建议提案，自交办日期（%s）起3个月内办复（%s）"
	msgSuggestionNoDate     = "建议提案未填写完成时限，%s，闭会期间提出的建议提案自交办日期起3个月内办复，但未填写交办日期，按无明确时限计；请补填交办日期或完成时限"
	msgBetweenByID          = "编号“%s”是闭会期间的编号"
	msgBetweenByNote        = "“%s”写明是闭会期间提出的"
	msgResultUnknown        = "办理结果“%s”不是A、B、C、D类之一（A类 已解决或采纳，B类 正在解决或列入计划，C类 列入规划逐步解决，D类 留作参考），按已办复计，未计入分类；请写明类别"
	msgSatisfactionBad      = "满意度“%s”不是 满意、基本满意 或 不满意，未计入满意率；请按代表、委员的反馈填写"
	sentenceSuggestions     = "承办%s，办复率%s"
	sentenceSatisfied       = "，满意率%s"
	sentenceSuggestionsLate = "，逾期未办复%d件"
	partSuggestion          = "%s%d件"
	LabelResult             = "办理结果"
)

// An excluded row a later version of its unit's ledger settles (SPEC §6): the problem stays in
// the check file, no longer an error.
const (
	msgSettledCorrected = "%s；已在同一单位台账的较新版本 %s 中更正，按其计"
	msgSettledRepeated  = "%s；同一行在同一单位台账的较新版本 %s 中仍有错误，只在彼处计一次"
)

// lineBalance is the row-count proof (SPEC §5: "in exactly this form").
const lineBalance = "行数核对：读取%d行 = 明细%d项 + 重复合并%d行 + 错误排除%d行"
