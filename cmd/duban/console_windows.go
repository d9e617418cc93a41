//go:build windows

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"syscall"
	"unsafe"
)

// ownConsole reports whether duban has the console window to itself, i.e. it was started by
// double-clicking or dropping files onto duban.exe rather than from a command prompt. Then a
// start without arguments is a double-click, and run says first to drag a folder onto
// duban.exe (doubleClickHint). A variable, for tests.
var ownConsole = func() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	var ids [4]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}

// pauseIfOwnConsole keeps the window open until a key is pressed when duban owns the
// console, so that the summary and problems can be read before the window closes.
func pauseIfOwnConsole(w io.Writer) {
	if !ownConsole() {
		return
	}
	fmt.Fprint(w, "\n按回车键关闭窗口……")
	bufio.NewReader(os.Stdin).ReadString('\n')
}
