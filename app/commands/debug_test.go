package commands

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/debug"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/settings"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// debugFixture is commands whose debug ledger is the file at ledger.
func debugFixture(t *testing.T, c *testcluster.Cluster, ledger string) *Commands {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	store := kubeconfig.NewStore([]string{c.Kubeconfig})
	cmds := New(Deps{Version: "test", Clusters: cluster.NewManager(store, credentials.NewMemory(), "test", log), Log: log,
		Debug: debug.NewLedger(ledger), Settings: settings.New(filepath.Join(t.TempDir(), "settings.json"))})
	t.Cleanup(func() { Close(cmds) })
	return cmds
}

// kubectl runs kubectl on the test cluster as admin: the oracle.
func kubectl(t *testing.T, c *testcluster.Cluster, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command("kubectl", append([]string{"--kubeconfig", c.Kubeconfig, "--context", c.Context(testcluster.Admin)}, args...)...).CombinedOutput()
	return string(out), err
}

// podGone waits until kubectl no longer finds the pod.
func podGone(t *testing.T, c *testcluster.Cluster, namespace, name string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		out, err := kubectl(t, c, "get", "pod", "-n", namespace, name, "-o", "name", "--ignore-not-found")
		if err == nil && strings.TrimSpace(out) == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pod %s/%s is still there: %s %v", namespace, name, out, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// readTerminal reads a session's output until it holds want.
func readTerminal(t *testing.T, s *terminal.Session, want string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out strings.Builder
	for !strings.Contains(out.String(), want) {
		b, _, err := s.Read(ctx)
		if err != nil {
			t.Fatalf("waiting for %q: %v (output %q)", want, err, out.String())
		}
		out.Write(b)
	}
	return out.String()
}

// targetPod creates a pod in team-a for one test to debug, shaped like the
// demo's web pods (nginx and a log shipper), and deletes it when the test
// ends: an ephemeral container can never be removed from a pod, so tests
// must not add them to the demo pods other suites look at.
func targetPod(t *testing.T, cs kubernetes.Interface) corev1.Pod {
	t.Helper()
	ctx := context.Background()
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{GenerateName: "debug-target-", Namespace: "team-a", Labels: map[string]string{"app": "debug-target"}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{
			{Name: "nginx", Image: "docker.io/library/nginx:1.27"},
			{Name: "log-shipper", Image: "docker.io/library/busybox:1.37"},
		}},
	}
	made, err := cs.CoreV1().Pods("team-a").Create(ctx, p, metav1.CreateOptions{})
	if err != nil {
		t.Fatalf("create the pod to debug: %v", err)
	}
	t.Cleanup(func() {
		grace := int64(0)
		_ = cs.CoreV1().Pods("team-a").Delete(context.Background(), made.Name, metav1.DeleteOptions{GracePeriodSeconds: &grace})
	})
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := debug.WaitRunning(wctx, cs, "team-a", made.Name, "nginx", io.Discard); err != nil {
		t.Fatalf("the pod to debug does not run: %v", err)
	}
	got, err := cs.CoreV1().Pods("team-a").Get(ctx, made.Name, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return *got
}

func adminConn(t *testing.T, cmds *Commands, c *testcluster.Cluster) *cluster.Conn {
	t.Helper()
	conn, err := cmds.s.Clusters().Get(c.Context(testcluster.Admin))
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

func TestAnEphemeralDebugContainerRunsAShell(t *testing.T) {
	c := testcluster.Get(t)
	cmds := debugFixture(t, c, "")
	pod := targetPod(t, adminConn(t, cmds, c).Clientset)
	sess, err := cmds.DebugStart(c.Context(testcluster.Admin), debug.Request{
		Namespace: "team-a", Pod: pod.Name, Image: debug.DefaultImage, Target: "nginx", Cols: 80, Rows: 24,
	})
	if err != nil {
		t.Fatal(err)
	}
	if sess.Debug == nil || sess.Debug.Kind != "ephemeral" || !strings.HasPrefix(sess.Debug.Container, "debugger-") {
		t.Fatalf("created %+v", sess.Debug)
	}
	out, err := kubectl(t, c, "get", "pod", "-n", "team-a", pod.Name, "-o", "jsonpath={.spec.ephemeralContainers}")
	if err != nil {
		t.Fatal(out, err)
	}
	var ecs []corev1.EphemeralContainer
	if err := json.Unmarshal([]byte(out), &ecs); err != nil {
		t.Fatal(out, err)
	}
	found := false
	for _, ec := range ecs {
		if ec.Name == sess.Debug.Container {
			found = ec.Image == debug.DefaultImage && ec.TargetContainerName == "nginx" && ec.Stdin && ec.TTY
		}
	}
	if !found {
		t.Fatalf("kubectl does not show %s (image, target, stdin, tty): %s", sess.Debug.Container, out)
	}
	s, err := cmds.s.Terminals().Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	readTerminal(t, s, "Waiting for container "+sess.Debug.Container)
	marker := "dbg-" + strconv.Itoa(os.Getpid()) + "-ok"
	if _, err := cmds.TerminalInput(sess.ID, "echo "+marker+"\n"); err != nil {
		t.Fatal(err)
	}
	readTerminal(t, s, marker)
	if prefs, _ := cmds.Preferences(); len(prefs.DebugImages) == 0 || prefs.DebugImages[0] != debug.DefaultImage {
		t.Errorf("the image was not remembered: %v", prefs.DebugImages)
	}
}

func TestADebugCopyIsDeletedWhenItsTerminalCloses(t *testing.T) {
	c := testcluster.Get(t)
	cmds := debugFixture(t, c, filepath.Join(t.TempDir(), "ledger.json"))
	pod := targetPod(t, adminConn(t, cmds, c).Clientset)
	sess, err := cmds.DebugStart(c.Context(testcluster.Admin), debug.Request{
		Namespace: "team-a", Pod: pod.Name, Copy: true, Image: debug.DefaultImage, DeleteCopy: true, Cols: 80, Rows: 24,
	})
	if err != nil {
		t.Fatal(err)
	}
	made := sess.Debug
	out, err := kubectl(t, c, "get", "pod", "-n", "team-a", made.Pod, "-o", "json")
	if err != nil {
		t.Fatal(out, err)
	}
	var cp corev1.Pod
	_ = json.Unmarshal([]byte(out), &cp)
	if cp.Labels[debug.LabelDebug] != debug.KindCopy || cp.Labels["app"] != "" || len(cp.Spec.Containers) != len(pod.Spec.Containers)+1 {
		t.Errorf("kubectl shows the copy as %v with %d containers", cp.Labels, len(cp.Spec.Containers))
	}
	if _, err := cmds.TerminalClose(sess.ID); err != nil {
		t.Fatal(err)
	}
	podGone(t, c, "team-a", made.Pod)
	// Without DeleteCopy the copy stays, and is no leftover of ours.
	kept, err := cmds.DebugStart(c.Context(testcluster.Admin), debug.Request{
		Namespace: "team-a", Pod: pod.Name, Copy: true, Target: "nginx", Image: debug.DefaultImage, Command: []string{"sh"},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = cmds.TerminalClose(kept.ID)
	if out, err := kubectl(t, c, "get", "pod", "-n", "team-a", kept.Debug.Pod, "-o", "jsonpath={.spec.containers[0].image} {.spec.containers[0].command}"); err != nil || out != debug.DefaultImage+` ["sh"]` {
		t.Errorf("kept copy: %q %v", out, err)
	}
	if _, err := cmds.DebugPodDelete(c.Context(testcluster.Admin), "team-a", kept.Debug.Pod); err != nil {
		t.Fatal(err)
	}
	podGone(t, c, "team-a", kept.Debug.Pod)
	if _, err := cmds.DebugPodDelete(c.Context(testcluster.Admin), "team-a", pod.Name); err == nil {
		t.Error("DebugPodDelete deleted a pod Kubedeck did not create")
	}
}

func TestANodeShellIsPinnedPrivilegedAndGoneAfterClose(t *testing.T) {
	c := testcluster.Get(t)
	cmds := debugFixture(t, c, filepath.Join(t.TempDir(), "ledger.json"))
	ctx := c.Context(testcluster.Admin)
	sess, err := cmds.NodeShellStart(ctx, debug.NodeShellRequest{Node: "kwok-node-2", Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	made := sess.Debug
	out, err := kubectl(t, c, "get", "pod", "-n", debug.DefaultNodeShellNamespace, made.Pod, "-o", "json")
	if err != nil {
		t.Fatal(out, err)
	}
	var p corev1.Pod
	_ = json.Unmarshal([]byte(out), &p)
	sc := p.Spec.Containers[0].SecurityContext
	if p.Spec.NodeName != "kwok-node-2" || !p.Spec.HostPID || !p.Spec.HostNetwork || sc == nil || sc.Privileged == nil || !*sc.Privileged ||
		p.Spec.Containers[0].Image != debug.DefaultImage {
		t.Errorf("kubectl shows the node shell as %+v", p.Spec)
	}
	s, _ := cmds.s.Terminals().Get(sess.ID)
	readTerminal(t, s, "Waiting for container shell")
	if _, err := cmds.TerminalInput(sess.ID, "echo node-$((6*7))\n"); err != nil {
		t.Fatal(err)
	}
	readTerminal(t, s, "node-42")
	if _, err := cmds.TerminalClose(sess.ID); err != nil {
		t.Fatal(err)
	}
	podGone(t, c, made.Namespace, made.Pod)

	// App quit: closing the commands' session deletes its node shells.
	other := debugFixture(t, c, "")
	again, err := other.NodeShellStart(ctx, debug.NodeShellRequest{Node: "kwok-node-1", Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	Close(other)
	podGone(t, c, "default", again.Debug.Pod)
}

func TestANodeShellLeftByADeadAppIsFoundAtTheNextStart(t *testing.T) {
	c := testcluster.Get(t)
	ledger := filepath.Join(t.TempDir(), "ledger.json")
	first := debugFixture(t, c, ledger)
	ctx := c.Context(testcluster.Admin)
	sess, err := first.NodeShellStart(ctx, debug.NodeShellRequest{Node: "kwok-node-3", Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	// The process that made it dies: its entry now names a process that
	// does not run (the real kill is the e2e test's).
	b, _ := os.ReadFile(ledger)
	_ = os.WriteFile(ledger, []byte(strings.Replace(string(b), `"pid": `+strconv.Itoa(os.Getpid()), `"pid": 2147483646`, 1)), 0o600)
	next := debugFixture(t, c, ledger)
	left, err := next.DebugPods(ctx)
	if err != nil || len(left) != 1 || left[0].Name != sess.Debug.Pod || left[0].Kind != debug.KindNodeShell || left[0].Source != "kwok-node-3" {
		t.Fatalf("leftovers = %+v, %v", left, err)
	}
	if _, err := next.DebugPodDelete(ctx, "default", sess.Debug.Pod); err != nil {
		t.Fatal(err)
	}
	podGone(t, c, "default", sess.Debug.Pod)
	if left, _ := next.DebugPods(ctx); len(left) != 0 {
		t.Errorf("still left: %+v", left)
	}
}

func TestDebugRefusalsSayWhy(t *testing.T) {
	c := testcluster.Get(t)
	cmds := debugFixture(t, c, "")
	pod := targetPod(t, adminConn(t, cmds, c).Clientset)
	_, err := cmds.DebugStart(c.Context(testcluster.Viewer), debug.Request{Namespace: "team-a", Pod: pod.Name, Image: debug.DefaultImage})
	if err == nil || !strings.Contains(err.Error(), "patch pods/ephemeralcontainers") {
		t.Errorf("viewer debug: %v", err)
	}
	_, err = cmds.NodeShellStart(c.Context(testcluster.Developer), debug.NodeShellRequest{Node: "kwok-node-1"})
	if err == nil || !strings.Contains(err.Error(), "RBAC forbids this in kube-system") {
		t.Errorf("developer node shell in kube-system: %v", err)
	}
	// The developer (ClusterRole edit in team-a, which has no
	// pods/ephemeralcontainers) is told to debug a copy, and may.
	dev := c.Context(testcluster.Developer)
	_, err = cmds.DebugStart(dev, debug.Request{Namespace: "team-a", Pod: pod.Name, Image: debug.DefaultImage})
	if err == nil || !strings.Contains(err.Error(), "Debugging a copy of the pod needs only create pods") {
		t.Errorf("developer debug container: %v", err)
	}
	sess, err := cmds.DebugStart(dev, debug.Request{Namespace: "team-a", Pod: pod.Name, Copy: true, Image: debug.DefaultImage, DeleteCopy: true})
	if err != nil {
		t.Fatalf("developer debug copy in team-a: %v", err)
	}
	_, _ = cmds.TerminalClose(sess.ID)
	podGone(t, c, "team-a", sess.Debug.Pod)
	// PodSecurity admission: a namespace enforcing baseline refuses node shells.
	admin := adminConn(t, cmds, c).Clientset
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "baseline-" + strconv.Itoa(os.Getpid()),
		Labels: map[string]string{"pod-security.kubernetes.io/enforce": "baseline"}}}
	if _, err := admin.CoreV1().Namespaces().Create(context.Background(), ns, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = admin.CoreV1().Namespaces().Delete(context.Background(), ns.Name, metav1.DeleteOptions{}) })
	_, err = cmds.NodeShellStart(c.Context(testcluster.Admin), debug.NodeShellRequest{Node: "kwok-node-1", Namespace: ns.Name})
	var ex *debug.Explained
	if !errors.As(err, &ex) || !strings.Contains(err.Error(), `enforces the Pod Security level "baseline"`) {
		t.Errorf("PodSecurity refusal: %v", err)
	}
	if left, _ := cmds.DebugPods(c.Context(testcluster.Admin)); len(left) != 0 {
		t.Errorf("a refused node shell stayed in the ledger: %v", left)
	}
}

func TestAttachReachesTheMainProcess(t *testing.T) {
	c := testcluster.Get(t)
	cmds := debugFixture(t, c, "")
	ctx := c.Context(testcluster.Admin)
	// shop/toolbox's container has stdin and a TTY (like kubectl run -it).
	sess, err := cmds.TerminalStart(ctx, terminal.Request{Namespace: "shop", Pod: "toolbox", Container: "shell", Attach: true, Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	if sess.NoInput {
		t.Fatal("toolbox's shell reads input, the session says it does not")
	}
	s, _ := cmds.s.Terminals().Get(sess.ID)
	marker := "attach-" + strconv.Itoa(os.Getpid())
	if _, err := cmds.TerminalInput(sess.ID, "echo $((1+1))-"+marker+"\n"); err != nil {
		t.Fatal(err)
	}
	readTerminal(t, s, "2-"+marker)
	_, _ = cmds.TerminalClose(sess.ID)
	// A container without stdin: output only, and typing is refused.
	pod := targetPod(t, adminConn(t, cmds, c).Clientset)
	quiet, err := cmds.TerminalStart(ctx, terminal.Request{Namespace: "team-a", Pod: pod.Name, Container: "nginx", Attach: true})
	if err != nil {
		t.Fatal(err)
	}
	if !quiet.NoInput {
		t.Error("nginx has no stdin, the session says it reads input")
	}
	if _, err := cmds.TerminalInput(quiet.ID, "x"); err == nil || !strings.Contains(err.Error(), "does not read input") {
		t.Errorf("input to a container without stdin: %v", err)
	}
	_, _ = cmds.TerminalClose(quiet.ID)
	if _, err := cmds.TerminalStart(ctx, terminal.Request{Namespace: "shop", Pod: "toolbox", Container: "nope", Attach: true}); err == nil {
		t.Error("attach to a container the pod does not have")
	}
}
