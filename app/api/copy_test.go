package api

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/filecopy"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/session"
)

// picker stands in for the desktop's native dialogs: it answers path.
type picker struct{ path string }

func (p picker) SaveFile(string, string) (string, error) { return p.path, nil }
func (p picker) OpenFile(string) (string, error)         { return p.path, nil }
func (p picker) OpenFolder(string) (string, error)       { return p.path, nil }

// copyEnv is a server on the test cluster, a web pod of team-a and a
// folder of its "container": kwok runs exec commands on this machine, so
// the container's files are local files.
type copyEnv struct {
	srv  *httptest.Server
	c    *testcluster.Cluster
	pick *picker
	pod  string
	dir  string
}

func newCopyEnv(t *testing.T) *copyEnv {
	t.Helper()
	c := testcluster.Get(t)
	log := slog.New(slog.DiscardHandler)
	e := &copyEnv{c: c, pick: &picker{}}
	sess := session.New(session.Deps{Clusters: cluster.NewManager(kubeconfig.NewStore([]string{c.Kubeconfig}), credentials.NewMemory(), "t", log),
		Log: log, Files: pickerOf{e.pick}})
	e.srv = httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	t.Cleanup(e.srv.Close)
	conn, err := sess.Conn(c.Context(testcluster.Admin))
	if err != nil {
		t.Fatal(err)
	}
	pods, err := conn.Clientset.CoreV1().Pods("team-a").List(context.Background(), metav1.ListOptions{LabelSelector: "app=web"})
	if err != nil || len(pods.Items) == 0 {
		t.Fatalf("no web pod: %v", err)
	}
	e.pod = pods.Items[0].Name
	e.dir, err = os.MkdirTemp("", "kubedeck-copy-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(e.dir) })
	return e
}

// pickerOf reads the picker's current answer at each call.
type pickerOf struct{ p *picker }

func (p pickerOf) SaveFile(a, b string) (string, error) { return p.p.SaveFile(a, b) }
func (p pickerOf) OpenFile(a string) (string, error)    { return p.p.OpenFile(a) }
func (p pickerOf) OpenFolder(a string) (string, error)  { return p.p.OpenFolder(a) }

func (e *copyEnv) query(role, path string) string {
	return url.Values{"context": {e.c.Context(role)}, "namespace": {"team-a"}, "pod": {e.pod}, "container": {"nginx"}, "path": {path}}.Encode()
}

func shaOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func TestBrowserCopiesRoundTripByteIdentical(t *testing.T) {
	e := newCopyEnv(t)
	data := make([]byte, 3<<20+5)
	_, _ = rand.Read(data)
	remote := filepath.Join(e.dir, "up.bin")
	resp, err := http.Post(e.srv.URL+"/api/copy/upload?"+e.query(testcluster.Admin, remote), "application/octet-stream", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var res filecopy.Result
	_ = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if resp.StatusCode != 200 || res.SHA256 != shaOf(data) {
		t.Fatalf("upload: %d %+v", resp.StatusCode, res)
	}
	// kubectl cp is the oracle for what is in the container.
	viaKubectl := filepath.Join(t.TempDir(), "kubectl.bin")
	if out, err := exec.Command("kubectl", "--kubeconfig", e.c.Kubeconfig, "--context", e.c.Context(testcluster.Admin),
		"cp", "-c", "nginx", "team-a/"+e.pod+":"+remote, viaKubectl).CombinedOutput(); err != nil {
		t.Fatalf("kubectl cp: %v %s", err, out)
	}
	if b, _ := os.ReadFile(viaKubectl); shaOf(b) != shaOf(data) {
		t.Fatalf("kubectl cp reads %d bytes with another sha256", len(b))
	}
	resp, err = http.Get(e.srv.URL + "/api/copy/download?" + e.query(testcluster.Admin, remote))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || shaOf(got) != shaOf(data) || resp.Header.Get("X-Kubedeck-Size") != strconv.Itoa(len(data)) ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `filename=up.bin`) {
		t.Fatalf("download: %d, %d bytes, headers %v", resp.StatusCode, len(got), resp.Header)
	}
	// A folder comes as a tar.
	resp, err = http.Get(e.srv.URL + "/api/copy/download?" + e.query(testcluster.Admin, e.dir))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Type") != "application/x-tar" || !bytes.Contains(body, []byte(filepath.Base(e.dir)+"/up.bin")) {
		t.Errorf("folder download: %s, %d bytes", resp.Header.Get("Content-Type"), len(body))
	}
}

func TestCopiesAreRefusedWithAReason(t *testing.T) {
	e := newCopyEnv(t)
	resp, err := http.Get(e.srv.URL + "/api/copy/download?" + e.query(testcluster.Viewer, "/etc/hostname"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == 200 || !strings.Contains(string(b), "forbidden") {
		t.Errorf("viewer download: %d %s", resp.StatusCode, b)
	}
	resp, err = http.Get(e.srv.URL + "/api/copy/download?" + e.query(testcluster.Admin, filepath.Join(e.dir, "missing.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(string(b), "no such file") {
		t.Errorf("missing file: %d %s", resp.StatusCode, b)
	}
}

// copyLines posts a desktop copy and returns its lines.
func (e *copyEnv) copyLines(t *testing.T, direction, remote string) []map[string]any {
	t.Helper()
	body, _ := json.Marshal(CopyRequest{Context: e.c.Context(testcluster.Admin), Namespace: "team-a", Pod: e.pod, Container: "nginx", Direction: direction, Path: remote})
	resp, err := http.Post(e.srv.URL+"/api/stream/copy", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var lines []map[string]any
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if m["type"] != "heartbeat" {
			lines = append(lines, m)
		}
	}
	return lines
}

func TestDesktopCopiesAskWhereAndReportProgress(t *testing.T) {
	e := newCopyEnv(t)
	data := make([]byte, 8<<20)
	_, _ = rand.Read(data)
	local := filepath.Join(t.TempDir(), "local.bin")
	if err := os.WriteFile(local, data, 0o600); err != nil {
		t.Fatal(err)
	}
	remote := filepath.Join(e.dir, "desk.bin")
	e.pick.path = local
	lines := e.copyLines(t, "upload", remote)
	last := lines[len(lines)-1]
	if last["type"] != "done" || last["result"].(map[string]any)["sha256"] != shaOf(data) || lines[0]["type"] != "progress" {
		t.Fatalf("upload lines: first %v, last %v", lines[0], last)
	}
	if b, _ := os.ReadFile(remote); shaOf(b) != shaOf(data) {
		t.Fatal("the container's file differs")
	}
	saved := filepath.Join(t.TempDir(), "saved.bin")
	e.pick.path = saved
	lines = e.copyLines(t, "download", remote)
	if last := lines[len(lines)-1]; last["type"] != "done" || last["local"] != saved {
		t.Fatalf("download: last line %v", last)
	}
	if p := lines[len(lines)-2]; p["type"] != "progress" || p["bytes"] != float64(len(data)) || p["total"] != float64(len(data)) {
		t.Errorf("final progress %v", p)
	}
	if b, _ := os.ReadFile(saved); shaOf(b) != shaOf(data) {
		t.Fatal("the saved file differs")
	}
	e.pick.path = ""
	if lines := e.copyLines(t, "download", remote); len(lines) != 1 || lines[0]["type"] != "cancelled" {
		t.Errorf("a cancelled dialog: %v", lines)
	}
}
