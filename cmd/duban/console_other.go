//go:build !windows

package main

import "io"

// pauseIfOwnConsole does nothing outside Windows, where files are not dropped onto a console
// program.
func pauseIfOwnConsole(io.Writer) {}
