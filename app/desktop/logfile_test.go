package desktop

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func waitABit() { time.Sleep(10 * time.Millisecond) }

func TestLogDirPerOS(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"XDG_STATE_HOME": "/xdg/state"}, "/xdg/state/kubedeck"},
		{"linux", map[string]string{}, "/home/u/.local/state/kubedeck"},
		{"linux", map[string]string{"XDG_STATE_HOME": "relative/state"}, "/home/u/.local/state/kubedeck"},
		{"freebsd", map[string]string{}, "/home/u/.local/state/kubedeck"},
		{"darwin", map[string]string{"XDG_STATE_HOME": "/xdg/state"}, "/home/u/Library/Logs/Kubedeck"},
		{"windows", map[string]string{"LocalAppData": `C:\Users\u\AppData\Local`}, filepath.Join(`C:\Users\u\AppData\Local`, "kubedeck", "logs")},
	}
	for _, c := range cases {
		got, err := LogDir(c.goos, env(c.env), "/home/u")
		if err != nil || got != filepath.FromSlash(c.want) && got != c.want {
			t.Errorf("LogDir(%s, %v) = %q, %v; want %q", c.goos, c.env, got, err, c.want)
		}
	}
	if _, err := LogDir("windows", env(nil), "/home/u"); err == nil {
		t.Error("windows without %LocalAppData%: want an error")
	}
}

// The log is rotated at its size limit, and one old file is kept.
func TestLogFileRotatesKeepingOneOldFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "kubedeck")
	lf, err := OpenLogFile(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if lf.Path != filepath.Join(dir, "kubedeck.log") {
		t.Errorf("path %q", lf.Path)
	}
	line := bytes.Repeat([]byte("x"), 1023)
	line = append(line, '\n')
	for range 3 * 1024 { // 3 MiB through a 1 MiB limit: two rotations
		if _, err := lf.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lf.Write([]byte("last line\n")); err != nil {
		t.Fatal(err)
	}
	if err := lf.Close(); err != nil {
		t.Fatal(err)
	}
	// Old files are removed in the background: wait for that, bounded.
	var entries []os.DirEntry
	for range 200 {
		entries, _ = os.ReadDir(dir)
		if len(entries) == 2 {
			break
		}
		waitABit()
	}
	if len(entries) != 2 {
		t.Fatalf("log folder has %d files, want the log and one old one", len(entries))
	}
	for _, e := range entries {
		fi, _ := e.Info()
		if fi.Size() > 1<<20 {
			t.Errorf("%s is %d bytes, over the limit", e.Name(), fi.Size())
		}
	}
	cur, _ := os.ReadFile(lf.Path)
	if !strings.HasSuffix(string(cur), "last line\n") {
		t.Error("the current log does not end with the last line")
	}
}

func TestAboutAndHelpShowTheLogFile(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	s.opts.LogFile = filepath.Join("/home/u/.local/state/kubedeck", LogFileName)
	s.about()
	s.openLogFolder()
	if len(fw.calls) != 2 || !strings.Contains(fw.calls[0], "Log file: /home/u/.local/state/kubedeck/kubedeck.log") ||
		fw.calls[1] != "open file:///home/u/.local/state/kubedeck" {
		t.Errorf("calls %q", fw.calls)
	}
	if got := folderURL(`C:/Users/u/AppData/Local/kubedeck/logs`); got != "file:///C:/Users/u/AppData/Local/kubedeck/logs" {
		t.Errorf("windows folder URL %q", got)
	}
}
