package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/rbac"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/share"
)

// lockedBuffer is a log sink the handlers may write from any goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func accessServer(t *testing.T) (*httptest.Server, *testcluster.Cluster, *lockedBuffer) {
	t.Helper()
	c := testcluster.Get(t)
	logs := &lockedBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	sess := session.New(session.Deps{Clusters: cluster.NewManager(kubeconfig.NewStore([]string{c.Kubeconfig}), credentials.NewMemory(), "t", log), Log: log})
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	t.Cleanup(srv.Close)
	return srv, c, logs
}

func TestStreamAccessSendsTheMatrix(t *testing.T) {
	srv, c, _ := accessServer(t)
	for _, role := range []string{testcluster.Admin, testcluster.Viewer} {
		resp, err := http.Get(srv.URL + "/api/stream/access?namespace=team-a&context=" + url.QueryEscape(c.Context(role)))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var line AccessMatrixLine
		for sc.Scan() {
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Fatal(err)
			}
			if line.Type != "heartbeat" {
				break
			}
		}
		resp.Body.Close()
		if line.Type != "matrix" || line.Matrix.Namespace != "team-a" || len(line.Matrix.Rows) == 0 || len(line.Matrix.Missing) != 0 {
			t.Errorf("%s: first line %s with %d rows, missing %v", role, line.Type, len(line.Matrix.Rows), line.Matrix.Missing)
		}
	}
	resp, err := http.Get(srv.URL + "/api/stream/access?namespace=../x&context=" + url.QueryEscape(c.Context(testcluster.Admin)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad namespace: %d, want 400", resp.StatusCode)
	}
}

func call(t *testing.T, srv *httptest.Server, method string, args ...any) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(args)
	resp, err := http.Post(srv.URL+"/api/call/"+method, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	return resp.StatusCode, buf.Bytes()
}

// The token is in the answer to ShareCreate and nowhere else: not in any
// log line of the handlers, commands or cluster layers, at debug level.
func TestShareTokenIsNeverLogged(t *testing.T) {
	srv, c, logs := accessServer(t)
	admin := c.Context(testcluster.Admin)
	req := share.Request{Recipient: "logs-check", Namespace: "team-a", RoleKind: "ClusterRole", RoleName: "view", DurationSeconds: 600}
	status, body := call(t, srv, "ShareCreate", admin, req)
	if status != http.StatusOK {
		t.Fatalf("ShareCreate: %d %s", status, body)
	}
	var made share.Created
	if err := json.Unmarshal(body, &made); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { call(t, srv, "ShareRevoke", admin, "team-a", made.Share.Name) })
	if len(made.Token) < 100 || !strings.Contains(made.Kubeconfig, made.Token) {
		t.Fatalf("token %d bytes; kubeconfig has it: %v", len(made.Token), strings.Contains(made.Kubeconfig, made.Token))
	}
	status, body = call(t, srv, "Shares", admin, "team-a")
	if status != http.StatusOK || strings.Contains(string(body), made.Token) || !strings.Contains(string(body), made.Share.Name) {
		t.Errorf("Shares: %d, lists the share %v, holds the token %v", status, strings.Contains(string(body), made.Share.Name), strings.Contains(string(body), made.Token))
	}
	status, body = call(t, srv, "ShareRevoke", admin, "team-a", made.Share.Name)
	if status != http.StatusOK {
		t.Errorf("ShareRevoke: %d %s", status, body)
	}
	if !strings.Contains(logs.String(), "share") {
		t.Fatalf("nothing was logged about the share: %q", logs.String())
	}
	for _, secret := range []string{made.Token, strings.Split(made.Token, ".")[2]} {
		if strings.Contains(logs.String(), secret) {
			t.Fatal("the token is in the log")
		}
	}
	// SubjectAccess of the share's ServiceAccount goes through the same dispatcher.
	status, body = call(t, srv, "SubjectAccess", admin, "team-a", rbac.Subject{Kind: rbac.ServiceAccount, Namespace: "team-a", Name: "ci-bot"})
	if status != http.StatusOK || !strings.Contains(string(body), `"source":"server"`) {
		t.Errorf("SubjectAccess: %d %.300s", status, body)
	}
}
