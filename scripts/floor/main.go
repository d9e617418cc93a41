// Command floor measures the physical limit of a `duban report` run, the cost no reader or
// writer can avoid: inflating every worksheet of the inputs and deflating every part of the
// output — the report and its check file (SPEC §7). scripts/bench.sh runs it beside duban on
// the same corpus.
//
//	go run ./scripts/floor -out REPORT.xlsx -out REPORT_核对.xlsx INPUT_DIR...
//
// Inputs are inflated with one goroutine per CPU, as duban reads files in parallel; the
// output's parts are inflated untimed, then deflated at archive/zip's level (5). It prints
// one line of key=value pairs: times in seconds, sizes in bytes.
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fset := flag.NewFlagSet("floor", flag.ContinueOnError)
	var outs []string
	fset.Func("out", "a workbook duban wrote whose parts are deflated (repeat for the report and its check file)", func(v string) error {
		outs = append(outs, v)
		return nil
	})
	if err := fset.Parse(args); err != nil {
		return err
	}
	var files []string
	for _, root := range fset.Args() {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".xlsx") && !strings.HasPrefix(d.Name(), "~$") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(files) == 0 {
		return errors.New("no .xlsx inputs")
	}

	start := time.Now()
	var inflated atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range next {
				n, err := inflateSheets(p)
				inflated.Add(n)
				if err != nil {
					mu.Lock()
					firstErr = cmpErr(firstErr, fmt.Errorf("%s: %w", p, err))
					mu.Unlock()
				}
			}
		})
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	inflate := time.Since(start)

	var deflate time.Duration
	var outBytes int64
	if len(outs) > 0 {
		var parts [][]byte
		for _, out := range outs {
			p, err := readParts(out)
			if err != nil {
				return err
			}
			parts = append(parts, p...)
		}
		start = time.Now()
		w, _ := flate.NewWriter(io.Discard, 5)
		for _, b := range parts {
			w.Reset(io.Discard)
			if _, err := w.Write(b); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			outBytes += int64(len(b))
		}
		deflate = time.Since(start)
	}
	fmt.Fprintf(stdout, "files=%d inflate_bytes=%d inflate_s=%.3f deflate_bytes=%d deflate_s=%.3f floor_s=%.3f\n",
		len(files), inflated.Load(), inflate.Seconds(), outBytes, deflate.Seconds(), (inflate + deflate).Seconds())
	return nil
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// inflateSheets reads every worksheet part of a workbook to the end and returns its size.
func inflateSheets(path string) (int64, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	var n int64
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return n, err
		}
		m, err := io.Copy(io.Discard, rc)
		rc.Close()
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// readParts returns the uncompressed contents of every part of a workbook.
func readParts(path string) ([][]byte, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var parts [][]byte
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		_, err = io.Copy(&b, rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		parts = append(parts, b.Bytes())
	}
	return parts, nil
}
