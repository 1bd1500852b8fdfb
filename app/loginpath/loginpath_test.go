package loginpath

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMerge(t *testing.T) {
	if got := Merge("/usr/bin:/bin", "/home/u/bin:/usr/bin:/opt/x"); got != "/usr/bin:/bin:/home/u/bin:/opt/x" {
		t.Errorf("Merge = %q", got)
	}
}

func TestReadUsesTheLoginProfile(t *testing.T) {
	home := t.TempDir()
	// sh -l reads ~/.profile: a PATH set there must come back.
	if err := os.WriteFile(filepath.Join(home, ".profile"), []byte("echo noise\nPATH=\"$PATH:/opt/kubedeck-test/bin\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	got, err := Read(context.Background(), "/bin/sh")
	if err != nil {
		t.Fatal(err)
	}
	if p := got["PATH"]; filepath.Base(p) != "bin" || !contains(filepath.SplitList(p), "/opt/kubedeck-test/bin") {
		t.Errorf("login PATH = %q", p)
	}
}

// fakeShell is a login shell whose rc files print noise and whose
// environment is env; it records the flags it was started with.
func fakeShell(t *testing.T, env ...string) (shell, argsFile string) {
	t.Helper()
	dir := t.TempDir()
	shell, argsFile = filepath.Join(dir, "fakesh"), filepath.Join(dir, "args")
	script := `#!/bin/sh
printf '%s\n' "$@" > ` + argsFile + `
echo "Welcome! KUBECONFIG=/from/motd"
last=""
for a in "$@"; do last=$a; done
exec env -i ` + strings.Join(env, " ") + ` /bin/sh -c "$last"
`
	if err := os.WriteFile(shell, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return shell, argsFile
}

// The login shell is interactive (-i -l, so ~/.zshrc runs too), and gives
// KUBECONFIG, AWS_*, proxies and PATH, nothing else, through the rc noise.
func TestReadImportsKubeconfigAWSProxiesAndPath(t *testing.T) {
	shell, argsFile := fakeShell(t, "PATH=/usr/bin:/home/u/bin", "KUBECONFIG=/home/u/.kube/a:/home/u/.kube/b",
		"AWS_PROFILE=prod", "AWS_REGION=eu-west-1", "HTTPS_PROXY=http://proxy:3128", "no_proxy=.corp",
		"EDITOR=vim", "AWS=x")
	got, err := Read(context.Background(), shell)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"PATH": "/usr/bin:/home/u/bin", "KUBECONFIG": "/home/u/.kube/a:/home/u/.kube/b",
		"AWS_PROFILE": "prod", "AWS_REGION": "eu-west-1", "HTTPS_PROXY": "http://proxy:3128", "no_proxy": ".corp"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for _, k := range []string{"EDITOR", "AWS", "PWD", "SHLVL"} {
		if _, ok := got[k]; ok {
			t.Errorf("%s imported; only the listed variables are", k)
		}
	}
	args, _ := os.ReadFile(argsFile)
	if !strings.HasPrefix(string(args), "-i\n-l\n-c\n") {
		t.Errorf("shell started with %q, want -i -l -c", args)
	}
}

// What the process has (started from a terminal) wins; PATH is merged.
func TestPlanKeepsWhatTheProcessHas(t *testing.T) {
	cur := map[string]string{"PATH": "/usr/bin", "AWS_PROFILE": "dev", "HTTP_PROXY": ""}
	lookup := func(k string) (string, bool) { v, ok := cur[k]; return v, ok }
	got := Plan(lookup, map[string]string{"PATH": "/home/u/bin:/usr/bin", "AWS_PROFILE": "prod",
		"AWS_REGION": "eu-west-1", "HTTP_PROXY": "http://proxy", "KUBECONFIG": "/k", "EDITOR": "vim"})
	want := map[string]string{"PATH": "/usr/bin:/home/u/bin", "AWS_REGION": "eu-west-1", "KUBECONFIG": "/k"}
	if len(got) != len(want) {
		t.Errorf("Plan = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Plan[%s] = %q, want %q", k, got[k], v)
		}
	}
}

func TestParseKeepsMultiLineValues(t *testing.T) {
	got := Parse([]byte("noise\n" + marker + "AWS_CA_BUNDLE=a\nb\nPATH=/bin\n" + endMarker + "\nAWS_X=after"))
	if got["AWS_CA_BUNDLE"] != "a\nb" || got["PATH"] != "/bin" || got["AWS_X"] != "" {
		t.Errorf("Parse = %q", got)
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
