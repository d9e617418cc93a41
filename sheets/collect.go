package sheets

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Source lists the workbook files named by paths: files, or folders searched recursively in
// sorted order. In a folder, .xlsx .xlsm .xltx .xltm and OpenDocument .ods .ots are taken, and
// so are legacy .xls and .et files, so that ReadFile can tell the user how to convert them
// (each is read by its content, whatever its extension says); any other file gets a notice
// naming it. Office lock files (~$*) and hidden files and folders (.*, or marked
// hidden on Windows) are skipped silently. A file named explicitly is returned unless it is a
// lock file or duban's own temporary file; a path that does not exist is an error. A file reached twice is listed once.
func Source(paths []string) (files []string, probs []Problem) {
	seen := map[string]bool{}
	add := func(p string) {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			probs = append(probs, Problem{Pos: Pos{File: root}, Scope: ScopeFile, Level: Error, Kind: NoSuchPath, Msg: msgNoSuchPath})
			continue
		}
		if fi.Mode().Type()&specialModes != 0 {
			probs = append(probs, Problem{Pos: Pos{File: filepath.Base(root)}, Scope: ScopeFile, Level: Notice, Kind: NotRegular, Msg: msgNotRegular})
			continue
		}
		if !fi.IsDir() {
			// Named one by one (a shell's *.xlsx), lock files and duban's own unfinished
			// temporary files are still not workbooks to read.
			if base := filepath.Base(root); !strings.HasPrefix(base, "~$") && !strings.HasPrefix(base, ".duban-") {
				add(root)
			}
			continue
		}
		_ = filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				probs = append(probs, Problem{Pos: Pos{File: p}, Scope: ScopeFile, Level: Error, Kind: FolderUnreadable, Msg: fmt.Sprintf(msgUnreadable, sysErrText(err))})
				if de != nil && de.IsDir() && p != root {
					return fs.SkipDir
				}
				return nil
			}
			name := de.Name()
			shown := name // a skipped file is named as the files read are: with its subfolder
			if rel, err := filepath.Rel(root, p); err == nil {
				shown = filepath.ToSlash(rel)
			}
			if p != root && (isHiddenName(name) || hiddenAttr(p)) {
				if de.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if de.IsDir() {
				return nil
			}
			if special(p, de) {
				// A named pipe or a device is never opened: reading one can wait forever.
				probs = append(probs, Problem{Pos: Pos{File: shown}, Scope: ScopeFile, Level: Notice, Kind: NotRegular, Msg: msgNotRegular})
				return nil
			}
			switch strings.ToLower(filepath.Ext(name)) {
			case ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".et", ".ods", ".ots":
				add(p)
			default:
				probs = append(probs, Problem{Pos: Pos{File: shown}, Scope: ScopeFile, Level: Notice, Kind: NotWorkbook, Msg: msgNotWorkbook})
			}
			return nil
		})
	}
	return files, probs
}

// special reports whether a folder entry is a named pipe, socket or device, or a symbolic
// link to one.
func special(p string, de fs.DirEntry) bool {
	t := de.Type()
	if t&fs.ModeSymlink != 0 {
		fi, err := os.Stat(p)
		if err != nil {
			return false // a broken link: opening it says so
		}
		t = fi.Mode().Type()
	}
	return t&specialModes != 0
}

// specialModes are the file types that are not read: opening a named pipe can wait forever.
const specialModes = fs.ModeNamedPipe | fs.ModeSocket | fs.ModeDevice | fs.ModeCharDevice | fs.ModeIrregular

// isHiddenName reports whether a folder entry is skipped without a word: hidden (.*), an
// Office lock file (~$*), or a file Windows keeps in folders on its own.
func isHiddenName(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return true
	}
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini":
		return true
	}
	return false
}

// Names returns how each file is named in problems, in 来源 and on the terminal when the
// folders they were found in are not known: NamesFrom(nil, files).
func Names(files []string) []string { return NamesFrom(nil, files) }

// NamesFrom returns how each of files, found among paths (Source), is named in problems, in
// 来源 and on the terminal: its path from the folder given that holds it, joined with "/", so
// that a file in a subfolder is named with it (催办/市交通运输局.xlsx) and the clerk can find it;
// a file given by itself, by its base name. Where two names are alike (two folders given, each
// with a 市财政局.xlsx), each takes as many more of the folders above it as tell them apart.
func NamesFrom(paths, files []string) []string {
	var roots []string
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			roots = append(roots, p)
		}
	}
	parts := make([][]string, len(files))
	depth := make([]int, len(files))
	names := make([]string, len(files))
	for i, f := range files {
		parts[i] = strings.Split(filepath.ToSlash(filepath.Clean(f)), "/")
		depth[i] = 1
		for _, root := range roots {
			if rel, err := filepath.Rel(root, f); err == nil && filepath.IsLocal(rel) {
				depth[i] = max(depth[i], len(strings.Split(filepath.ToSlash(rel), "/")))
			}
		}
	}
	for {
		byName := map[string][]int{}
		for i, p := range parts {
			names[i] = strings.Join(p[len(p)-min(depth[i], len(p)):], "/")
			byName[names[i]] = append(byName[names[i]], i)
		}
		grew := false
		for _, same := range byName {
			if len(same) < 2 {
				continue
			}
			for _, i := range same {
				if depth[i] < len(parts[i]) {
					depth[i]++
					grew = true
				}
			}
		}
		if !grew {
			return names
		}
	}
}
