package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// devcluster builds this command once per test binary.
func devcluster(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a real control plane")
	}
	bin := filepath.Join(t.TempDir(), "devcluster")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// readyLine reads the first line of r and checks the ready line's contract.
func readyLine(t *testing.T, r io.Reader) Ready {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("no ready line: %v (%q)", err, line)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &raw); err != nil {
		t.Fatalf("ready line is not JSON: %v\n%s", err, line)
	}
	for _, k := range []string{"kubeconfig", "server", "dir", "contexts", "tokens", "auditLog", "helm"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("ready line lacks %q: %s", k, line)
		}
	}
	var rd Ready
	if err := json.Unmarshal([]byte(line), &rd); err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(rd.Dir) || rd.Kubeconfig != filepath.Join(rd.Dir, "kubeconfig") || !strings.HasPrefix(rd.Server, "https://127.0.0.1:") {
		t.Errorf("ready line: %+v", rd)
	}
	if st, err := os.Stat(rd.Helm); err != nil || st.Mode()&0o111 == 0 || filepath.Base(rd.Helm) != "helm" {
		t.Errorf("ready line's helm %q is not the helm binary: %v", rd.Helm, err)
	}
	want := map[string]string{"admin": "kubedeck-admin", "viewer": "kubedeck-viewer", "developer": "kubedeck-developer"}
	for role, name := range want {
		if rd.Contexts[role] != name || len(rd.Tokens[role]) < 32 {
			t.Errorf("role %s: context %q token %q", role, rd.Contexts[role], rd.Tokens[role])
		}
	}
	if len(rd.Contexts) != 3 || len(rd.Tokens) != 3 || len(rd.Pids) != 5 {
		t.Errorf("want exactly 3 contexts, 3 tokens, 5 pids: %s", line)
	}
	return rd
}

// gone waits until none of pids runs (they are not our children: poll).
func gone(t *testing.T, pids []int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for _, pid := range pids {
		for syscall.Kill(pid, 0) == nil {
			if time.Now().After(deadline) {
				t.Fatalf("process %d still runs after %v", pid, limit)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func TestUpPrintsOneLineAndStopsOnSIGINT(t *testing.T) {
	bin := devcluster(t)
	cmd := exec.Command(bin, "up", "--seed", "none")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	rd := readyLine(t, stdout)
	out, err := exec.Command("kubectl", "--kubeconfig", rd.Kubeconfig, "get", "nodes").CombinedOutput()
	if err != nil || strings.Count(string(out), " Ready ") != 3 {
		t.Errorf("get nodes:\n%s%v", out, err)
	}
	// ClusterRole view has no nodes: the viewer sees namespaced objects only.
	out, err = exec.Command("kubectl", "--kubeconfig", rd.Kubeconfig, "--context", "kubedeck-viewer", "get", "pods", "-A").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No resources found") {
		t.Errorf("viewer get pods -A (seed none: no pods):\n%s%v", out, err)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stdout)
	if err := cmd.Wait(); err != nil {
		t.Errorf("up after SIGINT: %v", err)
	}
	if len(rest) > 0 {
		t.Errorf("stdout had more than the ready line: %q", rest)
	}
	gone(t, rd.Pids, time.Second)
	if _, err := os.Stat(rd.Dir); !os.IsNotExist(err) {
		t.Errorf("temporary folder %s left: %v", rd.Dir, err)
	}
}

func TestUpStopsOnStdinEOF(t *testing.T) {
	bin := devcluster(t)
	dir := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(bin, "up", "--seed", "none", "--exit-on-stdin-eof", "--dir", dir)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	rd := readyLine(t, stdout)
	if rd.Dir != dir {
		t.Errorf("dir = %q, want %q", rd.Dir, dir)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Errorf("up after stdin EOF: %v", err)
	}
	gone(t, rd.Pids, time.Second)
	if _, err := os.Stat(filepath.Join(dir, "logs", "kube-apiserver.log")); err != nil {
		t.Errorf("--dir is kept: %v", err)
	}
}

// A parent killed with SIGKILL cannot stop devcluster; devcluster notices
// that it was re-parented and stops its components itself.
func TestUpStopsWhenItsParentDies(t *testing.T) {
	bin := devcluster(t)
	tmp := t.TempDir()
	outFile := filepath.Join(tmp, "ready")
	parent := exec.Command("sh", "-c", `"$0" up --seed none --dir "$1" > "$2" & wait`, bin, filepath.Join(tmp, "data"), outFile)
	parent.Stderr = os.Stderr
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	var line []byte
	for deadline := time.Now().Add(10 * time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if line, _ = os.ReadFile(outFile); len(line) > 0 && line[len(line)-1] == '\n' {
			break
		}
	}
	rd := readyLine(t, strings.NewReader(string(line)))
	if err := parent.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = parent.Wait()
	gone(t, rd.Pids, 15*time.Second)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		left := mentioning(tmp)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still running: %v", left)
		}
	}
}

// mentioning lists the processes whose command line contains s.
func mentioning(s string) []string {
	var out []string
	files, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), s) {
			out = append(out, strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
	return out
}
