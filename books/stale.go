package books

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Temporary files a run leaves behind when it is killed (kill -9, a closed console window, a
// power cut) are removed by the next run that writes into the same folder (SPEC §2.1). A
// temporary file of duban's is named .duban-<pid>-<random><ext>: it is stale when the process
// that made it has ended, or, whatever its name says, when it is older than staleAge (a
// process id is reused in time). Files of other programs are never touched.

// staleAge is the age after which any temporary file of duban's is stale.
const staleAge = 24 * time.Hour

// cleaned records the folders cleaned by this process.
var cleaned sync.Map

// cleanStale removes the stale temporary files of duban's in dir, once per process.
func cleanStale(dir string) {
	if _, done := cleaned.LoadOrStore(dir, true); done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		pid, ok := tempPID(e.Name())
		if !ok || !e.Type().IsRegular() || pid == os.Getpid() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if now.Sub(info.ModTime()) > staleAge || pid > 0 && !processAlive(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempPID tells a temporary file's name of duban's: .duban-<pid>-<digits><ext>, or, as
// versions before the process id wrote it, .duban-<digits><ext> (pid 0). ok is false for
// any other name.
func tempPID(name string) (pid int, ok bool) {
	rest, found := strings.CutPrefix(name, tempPrefix)
	if !found {
		return 0, false
	}
	rest = strings.TrimSuffix(rest, filepath.Ext(rest))
	first, random, two := strings.Cut(rest, "-")
	if !digits(first) || two && !digits(random) {
		return 0, false
	}
	if !two {
		return 0, true
	}
	pid, err := strconv.Atoi(first)
	return pid, err == nil && pid > 0
}

func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
