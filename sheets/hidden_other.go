//go:build !windows

package sheets

// hiddenAttr reports whether the file at p is hidden by an attribute; outside Windows only
// names starting with a dot are hidden, which isHiddenName covers.
func hiddenAttr(string) bool { return false }
