package execplugin

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func wrap(t *testing.T, timeout time.Duration, script string) (Report, bool, int, string) {
	t.Helper()
	dir := t.TempDir()
	report := filepath.Join(dir, "report.json")
	var stdout, stderr bytes.Buffer
	args := Args(report, timeout, "/bin/sh", []string{"-c", script})
	code := Run(args[1:], strings.NewReader(""), &stdout, &stderr)
	rep, ok := ReadReport(report)
	return rep, ok, code, stdout.String()
}

func TestRunPassesStdoutAndLeavesNoReportOnSuccess(t *testing.T) {
	rep, ok, code, out := wrap(t, 5*time.Second, `echo '{"kind":"ExecCredential"}'; echo note >&2`)
	if code != 0 || ok || out != "{\"kind\":\"ExecCredential\"}\n" {
		t.Errorf("code %d, report %+v (%v), stdout %q", code, rep, ok, out)
	}
}

func TestRunReportsExitCodeAndStderrTail(t *testing.T) {
	rep, ok, code, _ := wrap(t, 5*time.Second, `head -c 9000 /dev/zero | tr '\0' y >&2; printf '\nlast hint\n' >&2; exit 3`)
	if !ok || code != 3 || rep.Outcome != OutcomeExit || rep.ExitCode != 3 {
		t.Fatalf("code %d, report %+v", code, rep)
	}
	if !strings.HasSuffix(rep.Stderr, "last hint") || len(rep.Stderr) > StderrLimit+len("…") {
		t.Errorf("stderr tail is %d bytes, ends %q", len(rep.Stderr), rep.Stderr[max(0, len(rep.Stderr)-20):])
	}
}

func TestRunStopsAHangingPlugin(t *testing.T) {
	t0 := time.Now()
	rep, ok, code, _ := wrap(t, 300*time.Millisecond, `echo waiting >&2; sleep 30`)
	if !ok || code == 0 || rep.Outcome != OutcomeTimeout || rep.Timeout != "300ms" || rep.Stderr != "waiting" {
		t.Errorf("code %d, report %+v", code, rep)
	}
	if took := time.Since(t0); took > 5*time.Second {
		t.Errorf("took %v", took)
	}
}

func TestRunReportsAMissingProgram(t *testing.T) {
	report := filepath.Join(t.TempDir(), "r.json")
	args := Args(report, time.Second, "kubedeck-no-such-plugin", nil)
	if code := Run(args[1:], nil, &bytes.Buffer{}, &bytes.Buffer{}); code != 127 {
		t.Errorf("code %d", code)
	}
	if rep, ok := ReadReport(report); !ok || rep.Outcome != OutcomeNotFound {
		t.Errorf("report %+v", rep)
	}
	if _, err := os.Stat(report + ".tmp"); err == nil {
		t.Error("temporary report left behind")
	}
}
