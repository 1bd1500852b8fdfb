package debug

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func webPod() *corev1.Pod {
	probe := &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"true"}}}}
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "web-7d4b9c", Namespace: "team-a", Labels: map[string]string{"app": "web"},
			OwnerReferences: []metav1.OwnerReference{{Kind: "ReplicaSet", Name: "web"}}},
		Spec: corev1.PodSpec{NodeName: "kwok-node-0", Containers: []corev1.Container{
			{Name: "nginx", Image: "nginx:1.27", LivenessProbe: probe, ReadinessProbe: probe},
			{Name: "sidecar", Image: "envoy"},
		}, EphemeralContainers: []corev1.EphemeralContainer{{EphemeralContainerCommon: corev1.EphemeralContainerCommon{Name: "old"}}}},
	}
}

func TestACopyIsLooseFromItsOwnersAndNode(t *testing.T) {
	cp, container, err := CopyPod(webPod(), Request{Image: DefaultImage})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(cp.Name, "web-7d4b9c-debug-") || cp.Namespace != "team-a" || !IsDebugPod(cp.Labels) || cp.Labels["app"] != "" ||
		len(cp.OwnerReferences) != 0 || cp.Annotations[AnnotationSource] != "web-7d4b9c" {
		t.Errorf("copy metadata %+v", cp.ObjectMeta)
	}
	if cp.Spec.NodeName != "" || cp.Spec.ShareProcessNamespace == nil || !*cp.Spec.ShareProcessNamespace || len(cp.Spec.EphemeralContainers) != 0 {
		t.Errorf("copy spec node %q, share %v, ephemeral %d", cp.Spec.NodeName, cp.Spec.ShareProcessNamespace, len(cp.Spec.EphemeralContainers))
	}
	if n := len(cp.Spec.Containers); n != 3 || cp.Spec.Containers[0].LivenessProbe != nil || cp.Spec.Containers[0].ReadinessProbe != nil {
		t.Errorf("%d containers, probes kept: %+v", n, cp.Spec.Containers[0])
	}
	dc := cp.Spec.Containers[2]
	if dc.Name != container || !strings.HasPrefix(container, "debugger-") || dc.Image != DefaultImage || !dc.Stdin || !dc.TTY {
		t.Errorf("debug container %+v (attach to %q)", dc, container)
	}
	if webPod().Spec.Containers[0].LivenessProbe == nil {
		t.Fatal("the original was changed")
	}
}

func TestACopyCanChangeAContainer(t *testing.T) {
	cp, container, err := CopyPod(webPod(), Request{Target: "nginx", Image: "busybox", Command: []string{"sh"}})
	if err != nil {
		t.Fatal(err)
	}
	c := cp.Spec.Containers[0]
	if container != "nginx" || len(cp.Spec.Containers) != 2 || c.Image != "busybox" || strings.Join(c.Command, " ") != "sh" || c.Args != nil || !c.Stdin {
		t.Errorf("changed container %+v", c)
	}
	if _, _, err := CopyPod(webPod(), Request{Target: "nope"}); err == nil {
		t.Error("an unknown container to change was accepted")
	}
}

func TestNodeShellPodIsWhatTheREADMESays(t *testing.T) {
	p := NodeShellPod("kwok-node-1", "kube-system", "busybox:1.37")
	c := p.Spec.Containers[0]
	switch {
	case !strings.HasPrefix(p.Name, "node-shell-kwok-node-1-") || len(p.Name) > 63 || p.Labels[LabelDebug] != KindNodeShell:
		t.Errorf("metadata %+v", p.ObjectMeta)
	case p.Spec.NodeName != "kwok-node-1" || !p.Spec.HostPID || !p.Spec.HostNetwork || !p.Spec.HostIPC:
		t.Errorf("not pinned to the node or not in its namespaces: %+v", p.Spec)
	case c.SecurityContext == nil || c.SecurityContext.Privileged == nil || !*c.SecurityContext.Privileged || c.Image != "busybox:1.37":
		t.Errorf("container %+v", c)
	case *p.Spec.AutomountServiceAccountToken || *p.Spec.ActiveDeadlineSeconds != nodeShellLifetime || p.Spec.Tolerations[0].Operator != corev1.TolerationOpExists:
		t.Errorf("token, deadline or tolerations: %+v", p.Spec)
	}
	long := NodeShellPod(strings.Repeat("n", 80), "ns", "i")
	if len(long.Name) > 63 {
		t.Errorf("name %q is longer than 63", long.Name)
	}
}

func TestLeftoversAreOtherProcessesDeadEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug-pods.json")
	mine, next := NewLedger(path), NewLedger(path)
	if err := mine.Add(Entry{Context: "c", Namespace: "kube-system", Name: "node-shell-a", Kind: KindNodeShell}); err != nil {
		t.Fatal(err)
	}
	if left, _ := mine.Leftovers("c"); len(left) != 0 {
		t.Errorf("a process's own pods are leftovers: %v", left)
	}
	// Another instance in this (live) process does not count it as left.
	if left, _ := next.Leftovers("c"); len(left) != 0 {
		t.Errorf("a live process's pods are leftovers: %v", left)
	}
	// The same entry from a process that died is.
	b, _ := os.ReadFile(path)
	dead := strings.Replace(string(b), `"pid": `+strconv.Itoa(os.Getpid()), `"pid": 2147483646`, 1)
	if err := os.WriteFile(path, []byte(dead), 0o600); err != nil {
		t.Fatal(err)
	}
	left, err := next.Leftovers("c")
	if err != nil || len(left) != 1 || left[0].Name != "node-shell-a" {
		t.Fatalf("leftovers = %v, %v", left, err)
	}
	if other, _ := next.Leftovers("other-context"); len(other) != 0 {
		t.Errorf("another context's leftovers: %v", other)
	}
	if err := next.Remove("c", "kube-system", "node-shell-a"); err != nil {
		t.Fatal(err)
	}
	if left, _ := next.Leftovers("c"); len(left) != 0 {
		t.Errorf("removed entry still left: %v", left)
	}
}

func TestTheLedgerMakesItsFolder(t *testing.T) {
	// A first start: the config folder does not exist yet.
	path := filepath.Join(t.TempDir(), "config", "kubedeck", "debug-pods.json")
	l := NewLedger(path)
	if err := l.Add(Entry{Context: "c", Namespace: "kube-system", Name: "node-shell-a", Kind: KindNodeShell}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), "node-shell-a") || !l.Owned("c", "kube-system", "node-shell-a") {
		t.Errorf("the entry was not kept: %s %v", b, err)
	}
}

func TestADamagedLedgerIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug-pods.json")
	_ = os.WriteFile(path, []byte("{nope"), 0o600)
	if _, err := NewLedger(path).Leftovers("c"); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v", err)
	}
}

func TestRefusalsAreExplained(t *testing.T) {
	gr := schema.GroupResource{Resource: "pods"}
	ps := apierrors.NewForbidden(gr, "node-shell-x", errors.New(`violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true, hostPID=true), privileged (container "shell" must not set securityContext.privileged=true)`))
	if got := Explain(ps, "team-a").Error(); !strings.Contains(got, `enforces the Pod Security level "baseline"`) || !strings.Contains(got, "privileged (container") {
		t.Errorf("PodSecurity: %s", got)
	}
	rbac := apierrors.NewForbidden(schema.GroupResource{Resource: "pods/ephemeralcontainers"}, "web", errors.New("User \"viewer\" cannot patch resource \"pods/ephemeralcontainers\""))
	if got := Explain(rbac, "team-a").Error(); !strings.Contains(got, "patch pods/ephemeralcontainers") || !strings.Contains(got, "copy") {
		t.Errorf("RBAC: %s", got)
	}
	plain := errors.New("dial tcp: refused")
	if Explain(plain, "x") != plain {
		t.Error("a non-API error was changed")
	}
}
