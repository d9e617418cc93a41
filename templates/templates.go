// Package templates holds duban's built-in dictionary as reviewable text (the forms handed to
// units are written by package books).
package templates

import _ "embed"

// Dictionary is the built-in dictionary (SPEC §8) in the text form read by sheets.ParseDict.
//
//go:embed dictionary.txt
var Dictionary string
