package main

import (
	"fmt"
	"io"
)

// hintNoOffice says how to set the 制表单位 that every document duban writes names as its
// sender (SPEC §8), when the dictionary has none.
const hintNoOffice = "提示：词典中没有设置制表单位，生成的汇总表、会议通报、催办单上没有发文单位。" +
	"设置方法：用 duban config -o 导出词典工作簿，在其“设置”工作表填写制表单位（以及联系人、联系电话），以后运行时加 --config 指定该工作簿"

// senderHint says once on w, after everything else a run puts on stderr, how to set the
// 制表单位 when the dictionary has none; nothing with -q.
func senderHint(w io.Writer, office string, quiet bool) {
	if office != "" || quiet {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, hintNoOffice)
}
