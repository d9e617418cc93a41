package main

import (
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// goodLegacy is hostile.GoodLegacy, except under -short: then it starts no LibreOffice, writes
// nothing and returns hostile.ErrNoSoffice, as where LibreOffice is not installed.
func goodLegacy(dir string) ([]string, error) {
	if testing.Short() {
		return nil, hostile.ErrNoSoffice
	}
	return hostile.GoodLegacy(dir)
}
