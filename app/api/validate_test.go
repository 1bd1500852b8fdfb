package api

import (
	"bufio"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/session"
)

// clusterServer serves the API over the test cluster's kubeconfig.
func clusterServer(t *testing.T) (*httptest.Server, *testcluster.Cluster, kubernetes.Interface) {
	t.Helper()
	c := testcluster.Get(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{Clusters: cluster.NewManager(kubeconfig.NewStore([]string{c.Kubeconfig}), credentials.NewMemory(), "t", log), Log: log})
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	t.Cleanup(srv.Close)
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv, c, cs
}

// seedSecret creates a namespace with a Secret holding a random value (also
// in kubectl's last-applied annotation) and returns the namespace and the
// strings no answer may contain: the value and its base64.
func seedSecret(t *testing.T, cs kubernetes.Interface) (string, []string) {
	t.Helper()
	ctx := context.Background()
	ns := fmt.Sprintf("t-secret-path-%d", time.Now().UnixNano()%1000000)
	if _, err := cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cs.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{}) })
	value := fmt.Sprintf("canary-%d-do-not-leak", time.Now().UnixNano())
	b64 := base64.StdEncoding.EncodeToString([]byte(value))
	s := &corev1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: "canary", Annotations: map[string]string{
			"kubectl.kubernetes.io/last-applied-configuration": `{"data":{"password":"` + b64 + `"}}`,
		}},
		Data: map[string][]byte{"password": []byte(value)},
	}
	if _, err := cs.CoreV1().Secrets(ns).Create(ctx, s, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := cs.CoreV1().Secrets(ns).Get(ctx, "canary", metav1.GetOptions{})
	if err != nil || string(got.Data["password"]) != value {
		t.Fatalf("the seeded secret does not hold the canary: %v", err)
	}
	return ns, []string{value, b64}
}

// answer reads a stream's answer until its first data message, its error or
// EOF (every byte read is returned).
func answer(t *testing.T, rawURL string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var all strings.Builder
	br := bufio.NewReaderSize(resp.Body, 1<<20)
	for {
		line, err := br.ReadString('\n')
		all.WriteString(line)
		if err != nil || resp.StatusCode != http.StatusOK {
			break
		}
		if strings.Contains(line, `"type":"heartbeat"`) || strings.Contains(line, `"type":"columns"`) || strings.Contains(line, `"type":"rows"`) {
			continue // not yet the answer: read on
		}
		break
	}
	return resp.StatusCode, all.String()
}

func TestStreamsRefuseUncheckedPathsAndNeverSendSecretValues(t *testing.T) {
	srv, c, cs := clusterServer(t)
	ns, canaries := seedSecret(t, cs)
	ctxParam := "context=" + url.QueryEscape(c.Context(testcluster.Admin))
	type probe struct {
		path, query string
		status      int
		msg         string
	}
	probes := []probe{
		// The report: GET /api/v1/secrets, every Secret of the cluster.
		{"object", "version=v1&resource=.&name=secrets", 400, "resource"},
		{"object", "version=v1&resource=.&namespace=NS&name=secrets", 400, "may not be '.'"},
		{"object", "version=v1&resource=%2E&name=secrets", 400, "may not be '.'"},
		{"object", "version=v1&resource=..&name=secrets", 400, "may not be '..'"},
		{"object", "version=v1&resource=secrets%2F..&name=secrets", 400, "may not contain '/'"},
		{"object", "version=v1&resource=secrets%2Fx&namespace=NS&name=canary", 400, "may not contain '/'"},
		{"object", "version=v1&resource=secrets&name=..", 400, "may not be '..'"},
		{"object", "version=v1&resource=secrets&namespace=NS&name=.", 400, "may not be '.'"},
		{"object", "version=v1&resource=secrets&namespace=NS%2F..&name=canary", 400, "may not contain '/'"},
		{"object", "version=v1&resource=secrets&namespace=NS&name=canary%25", 400, "may not contain '%'"},
		{"object", "group=..&version=api&resource=v1&name=secrets", 400, "group"},
		{"object", "version=v1%2Fsecrets&resource=.&name=.", 400, "may not contain '/'"},
		{"object", "group=.&version=v1&resource=secrets&namespace=NS&name=canary", 400, "may not be '.'"},
		// Well-formed, but not what discovery serves.
		{"object", "version=v1&resource=nosuchthings&name=x", 404, "serves no resource"},
		{"object", "group=no.such.group&version=v1&resource=things&name=x", 404, "no API group version"},
		{"object", "version=v1&resource=secrets&name=canary", 400, "namespace is required"},
		{"object", "group=authentication.k8s.io&version=v1&resource=selfsubjectreviews&name=x", 400, "do not support get"},
		{"list", "version=v1&resource=.", 400, "may not be '.'"},
		{"list", "version=v1&resource=secrets%2Fcanary&namespace=NS", 400, "may not contain '/'"},
		{"list", "group=..&version=api&resource=v1", 400, "may not be '..'"},
		{"objects", "version=v1&resource=.&namespace=NS", 400, "may not be '.'"},
		{"objects", "group=..&version=api&resource=v1&namespace=NS", 400, "may not be '..'"},
		{"objects", "version=v1&resource=secrets&namespace=..", 400, "may not be '..'"},
		{"lists", "queries=" + url.QueryEscape(`[{"version":"v1","resource":"."}]`), 400, "query 0"},
		{"lists", "queries=" + url.QueryEscape(`[{"version":"v1","resource":"pods"},{"group":"..","version":"api","resource":"v1"}]`), 400, "query 1"},
	}
	for _, p := range probes {
		u := srv.URL + "/api/stream/" + p.path + "?" + ctxParam + "&" + strings.ReplaceAll(p.query, "NS", ns)
		code, body := answer(t, u)
		for _, v := range canaries {
			if strings.Contains(body, v) {
				t.Errorf("%s?%s sent a Secret value", p.path, p.query)
			}
		}
		if code != p.status || !strings.Contains(body, p.msg) {
			t.Errorf("%s?%s = %d %.300s; want %d with %q", p.path, p.query, code, body, p.status, p.msg)
		}
	}

	// The legitimate reads of the Secret answer, with its value hidden.
	for _, q := range []string{
		"object?version=v1&resource=secrets&namespace=" + ns + "&name=canary",
		"objects?version=v1&resource=secrets&namespace=" + ns,
		"list?version=v1&resource=secrets&namespace=" + ns,
	} {
		code, body := answer(t, srv.URL+"/api/stream/"+q+"&"+ctxParam)
		for _, v := range canaries {
			if strings.Contains(body, v) {
				t.Errorf("%s sent the Secret value", q)
			}
		}
		if code != 200 || !strings.Contains(body, "canary") {
			t.Errorf("%s = %d %.300s; want the secret, redacted", q, code, body)
		}
	}
}

func TestStreamListsFailsAnUnservedKindAlone(t *testing.T) {
	srv, c, _ := clusterServer(t)
	q := `[{"version":"v1","resource":"namespaces"},{"group":"no.such.group","version":"v1","resource":"things"}]`
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/stream/lists?context="+url.QueryEscape(c.Context(testcluster.Admin))+"&queries="+url.QueryEscape(q), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var synced0, refused1 bool
	for !(synced0 && refused1) && sc.Scan() {
		line := sc.Text()
		synced0 = synced0 || strings.Contains(line, `"stream":0,"type":"synced"`)
		refused1 = refused1 || strings.Contains(line, `"stream":1,"type":"error"`) && strings.Contains(line, `"status":404`) && strings.Contains(line, "no.such.group/v1")
	}
	if resp.StatusCode != 200 || !synced0 || !refused1 {
		t.Errorf("status %d, list 0 synced %v, list 1 refused with 404 %v", resp.StatusCode, synced0, refused1)
	}
}
