// Command duban reads the supervision ledgers sent by responsible units, validates and merges
// them, and writes one consolidated, print-ready workbook. See README.md and SPEC.md.
package main

import "os"

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	// Started by a double-click (no arguments: the hint and the usage) or by dropping files
	// onto duban.exe, the window would close before anything could be read.
	if len(os.Args) == 1 || isDropped(os.Args[1]) {
		pauseIfOwnConsole(os.Stderr)
	}
	os.Exit(code)
}
