package kubeconfig

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeMany writes a kubeconfig with n contexts, with names like EKS ARNs.
func writeMany(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: Config\ncurrent-context: \"ctx-0\"\nclusters:\n")
	for i := range n {
		fmt.Fprintf(&b, "- name: c%d\n  cluster: {server: \"https://10.0.%d.%d:6443\"}\n", i, i/250, i%250)
	}
	b.WriteString("users:\n- name: u\n  user: {token: t}\ncontexts:\n")
	for i := range n {
		name := fmt.Sprintf("arn:aws:eks:eu-west-1:1234:cluster/team-%d ü", i)
		if i == 0 {
			name = "ctx-0"
		}
		fmt.Fprintf(&b, "- name: %q\n  context: {cluster: c%d, user: u, namespace: ns%d}\n", name, i, i)
	}
	p := filepath.Join(tb.TempDir(), "config")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestLoad500Contexts(t *testing.T) {
	p := writeMany(t, 500)
	snap := Load([]string{p})
	if len(snap.Contexts) != 500 {
		t.Fatalf("contexts = %d, want all 500 (peers cut lists at 63)", len(snap.Contexts))
	}
	if c, ok := snap.Context("arn:aws:eks:eu-west-1:1234:cluster/team-499 ü"); !ok || c.Namespace != "ns499" {
		t.Errorf("last context = %+v", c)
	}
}

// BenchmarkLoad500Contexts is reading and merging a 500-context kubeconfig,
// what listing contexts costs after an edit (unchanged files are cached).
func BenchmarkLoad500Contexts(b *testing.B) {
	p := writeMany(b, 500)
	for b.Loop() {
		Load([]string{p})
	}
}

// BenchmarkKubectlGetContexts500 is `kubectl config get-contexts` on the same
// file, for the ratio.
func BenchmarkKubectlGetContexts500(b *testing.B) {
	if _, err := exec.LookPath("kubectl"); err != nil {
		b.Skip("kubectl is not installed")
	}
	p := writeMany(b, 500)
	for b.Loop() {
		if out, err := exec.Command("kubectl", "--kubeconfig", p, "config", "get-contexts").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// BenchmarkSwitchContext500 is what switching context costs in the store:
// a cached snapshot and the lookup of the chosen context.
func BenchmarkSwitchContext500(b *testing.B) {
	s := NewStore([]string{writeMany(b, 500)})
	s.Snapshot()
	i := 0
	for b.Loop() {
		snap, _ := s.Snapshot()
		if _, ok := snap.Context(fmt.Sprintf("arn:aws:eks:eu-west-1:1234:cluster/team-%d ü", 1+i%499)); !ok {
			b.Fatal("context not found")
		}
		i++
	}
}
