// Package templates holds duban's built-in dictionary as reviewable text and builds the
// submission forms handed to units.
package templates

import _ "embed"

// Dictionary is the built-in dictionary (SPEC §8) in the text form read by sheets.ParseDict.
//
//go:embed dictionary.txt
var Dictionary string
