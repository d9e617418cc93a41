//go:build !windows

package main

import "io"

// ownConsole reports whether duban has a console window to itself; outside Windows, files
// are not dropped onto a console program, so never. A variable, for tests.
var ownConsole = func() bool { return false }

// pauseIfOwnConsole does nothing outside Windows.
func pauseIfOwnConsole(io.Writer) {}
