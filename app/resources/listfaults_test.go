package resources

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// faultProxy is an HTTP reverse proxy in front of the real API server (it
// signs in upstream as the admin; clients talk plain HTTP to it without
// credentials). fault sees every request first and answers it itself when it
// returns true.
type faultProxy struct {
	srv   *httptest.Server
	fault func(w http.ResponseWriter, r *http.Request) bool

	mu       sync.Mutex
	requests []url.Values // the query of every list (not watch) request
}

func newFaultProxy(t *testing.T, fault func(p *faultProxy, w http.ResponseWriter, r *http.Request) bool) *faultProxy {
	t.Helper()
	cfg := adminConfig(t)
	upstream, err := url.Parse(cfg.Host)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := rest.TransportFor(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(upstream)
	rp.Transport = rt
	rp.FlushInterval = -1 // watches stream
	p := &faultProxy{}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Authorization")
		if r.URL.Query().Get("watch") != "true" {
			p.mu.Lock()
			p.requests = append(p.requests, r.URL.Query())
			p.mu.Unlock()
		}
		if fault != nil && fault(p, w, r) {
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *faultProxy) rest(t *testing.T) rest.Interface {
	t.Helper()
	cs, err := kubernetes.NewForConfig(&rest.Config{Host: p.srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return cs.CoreV1().RESTClient()
}

func (p *faultProxy) listRequests() []url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.requests)
}

// isList tells a list request for path (not a watch).
func isList(r *http.Request, ns string) bool {
	return r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/namespaces/"+ns+"/pods") && r.URL.Query().Get("watch") != "true"
}

// kubectlGet runs kubectl get against server (the real one or a proxy)
// and returns its header fields and the first field of every row.
func kubectlGet(t *testing.T, server string, args ...string) (header []string, names []string) {
	t.Helper()
	c := testcluster.Get(t)
	base := []string{"--kubeconfig", c.Kubeconfig, "--context", c.Context(testcluster.Admin)}
	if server != "" {
		empty := filepath.Join(t.TempDir(), "empty")
		if err := os.WriteFile(empty, []byte("apiVersion: v1\nkind: Config\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		base = []string{"--kubeconfig", empty, "--server", server}
	}
	out, err := exec.Command("kubectl", append(append(base, "get"), args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl get %v: %v\n%s", args, err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	header = strings.Fields(lines[0])
	for _, l := range lines[1:] {
		names = append(names, strings.Fields(l)[0])
	}
	return header, names
}

// rowNames are the recorder's row names, sorted.
func (r *recorder) rowNames() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, row := range r.rows {
		out = append(out, row.Name)
	}
	slices.Sort(out)
	return out
}

func (r *recorder) errors() []Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Message
	for _, m := range r.msgs {
		if m.Type == "error" {
			out = append(out, m)
		}
	}
	return out
}

func streamThrough(t *testing.T, p *faultProxy, l *Lister, ns string) (*recorder, <-chan error) {
	t.Helper()
	rec := &recorder{}
	l.REST = p.rest(t)
	if l.MaxBackoff == 0 {
		l.MaxBackoff = 300 * time.Millisecond
	}
	l.FlushInterval = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- l.Stream(ctx, Query{GVR: podsGVR, Namespace: ns}, rec.sink) }()
	return rec, done
}

func waitSynced(t *testing.T, rec *recorder, done <-chan error) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		rec.mu.Lock()
		synced := rec.synced
		rec.mu.Unlock()
		if synced > 0 {
			return
		}
		select {
		case err := <-done:
			t.Fatalf("the stream ended before it synced: %v; messages %+v", err, rec.errors())
		case <-deadline:
			t.Fatalf("no sync; errors %+v", rec.errors())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func TestFirstListRetriesThrough429And503(t *testing.T) {
	cfg := adminConfig(t)
	cs, _ := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 4)

	var mu sync.Mutex
	failures := []int{http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusTooManyRequests}
	p := newFaultProxy(t, func(_ *faultProxy, w http.ResponseWriter, r *http.Request) bool {
		mu.Lock()
		defer mu.Unlock()
		if !isList(r, ns) || len(failures) == 0 {
			return false
		}
		code := failures[0]
		failures = failures[1:]
		http.Error(w, http.StatusText(code), code) // no Retry-After: client-go does not retry by itself
		return true
	})
	rec, done := streamThrough(t, p, &Lister{}, ns)
	waitSynced(t, rec, done)

	var statuses []int
	for _, m := range rec.errors() {
		if !m.Retrying {
			t.Errorf("error %+v is final; a 429/503 must be retried", m)
		}
		statuses = append(statuses, m.Status)
	}
	if !slices.Equal(statuses, []int{429, 503, 429}) {
		t.Errorf("retrying errors' statuses = %v, want 429, 503, 429 (the reason of each retry)", statuses)
	}
	_, want := kubectlGet(t, "", "pods", "-n", ns)
	if got := rec.rowNames(); !slices.Equal(got, want) {
		t.Errorf("rows %v, kubectl %v", got, want)
	}
}

// dropMidBody answers the request from upstream but cuts the connection
// halfway through the body.
func dropMidBody(t *testing.T, w http.ResponseWriter, r *http.Request) {
	cfg := adminConfig(t)
	rt, err := rest.TransportFor(cfg)
	if err != nil {
		t.Error(err)
		panic(http.ErrAbortHandler)
	}
	req := r.Clone(r.Context())
	req.RequestURI = ""
	u, _ := url.Parse(cfg.Host)
	req.URL.Scheme, req.URL.Host, req.Host = u.Scheme, u.Host, u.Host
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Error(err)
		panic(http.ErrAbortHandler)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(body[:len(body)/2])
	w.(http.Flusher).Flush()
	panic(http.ErrAbortHandler) // net/http closes the connection mid-body
}

func TestFirstListSurvivesADroppedConnectionMidPage(t *testing.T) {
	cfg := adminConfig(t)
	cs, _ := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 7)

	var once sync.Once
	p := newFaultProxy(t, func(_ *faultProxy, w http.ResponseWriter, r *http.Request) bool {
		dropped := false
		if isList(r, ns) && r.URL.Query().Get("continue") != "" {
			once.Do(func() { dropped = true; dropMidBody(t, w, r) })
		}
		return dropped
	})
	rec, done := streamThrough(t, p, &Lister{FirstPage: 3, PageSize: 3}, ns)
	waitSynced(t, rec, done)

	errs := rec.errors()
	if len(errs) != 1 || !errs[0].Retrying {
		t.Errorf("errors = %+v, want one retrying error for the dropped page", errs)
	}
	_, want := kubectlGet(t, "", "pods", "-n", ns)
	if got := rec.rowNames(); !slices.Equal(got, want) {
		t.Errorf("rows %v, kubectl %v", got, want)
	}
	rec.mu.Lock()
	columns := 0
	for _, m := range rec.msgs {
		if m.Type == "columns" {
			columns++
		}
	}
	rec.mu.Unlock()
	if columns != 1 || rec.dupes != 0 {
		t.Errorf("columns sent %d times, %d duplicate rows: a retried first list must send only what changed", columns, rec.dupes)
	}
}

func TestListRelistsWhenTheContinueTokenExpires(t *testing.T) {
	cfg := adminConfig(t)
	cs, _ := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 7)

	var once sync.Once
	p := newFaultProxy(t, func(_ *faultProxy, w http.ResponseWriter, r *http.Request) bool {
		expired := false
		if isList(r, ns) && r.URL.Query().Get("continue") != "" {
			once.Do(func() {
				expired = true
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusGone)
				_, _ = io.WriteString(w, `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",`+
					`"message":"The provided continue parameter is too old to display a consistent list result.",`+
					`"reason":"Expired","code":410}`)
			})
		}
		return expired
	})
	rec, done := streamThrough(t, p, &Lister{FirstPage: 3, PageSize: 3}, ns)
	waitSynced(t, rec, done)

	if errs := rec.errors(); len(errs) != 0 {
		t.Errorf("errors = %+v; an expired continue token is relisted at once, as client-go's pager does", errs)
	}
	reqs := p.listRequests()
	if len(reqs) != 3 || reqs[2].Get("continue") != "" || reqs[2].Get("limit") != "0" {
		t.Errorf("list requests = %v, want the first page, the expired continue, then one full list", reqs)
	}
	_, want := kubectlGet(t, "", "pods", "-n", ns)
	if got := rec.rowNames(); !slices.Equal(got, want) || rec.dupes != 0 {
		t.Errorf("rows %v (dupes %d), kubectl %v", got, rec.dupes, want)
	}
}

func TestListWithoutTableSupportShowsKubectlsDefaultColumns(t *testing.T) {
	cfg := adminConfig(t)
	cs, _ := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 3)

	// A server that ignores as=Table (some aggregated APIs) answers plain JSON.
	p := newFaultProxy(t, func(_ *faultProxy, _ http.ResponseWriter, r *http.Request) bool {
		r.Header.Set("Accept", "application/json")
		return false
	})
	rec, done := streamThrough(t, p, &Lister{}, ns)
	waitSynced(t, rec, done)
	if errs := rec.errors(); len(errs) != 0 {
		t.Fatalf("errors = %+v", errs)
	}

	header, want := kubectlGet(t, p.srv.URL, "pods", "-n", ns)
	rec.mu.Lock()
	var cols []string
	for _, c := range rec.columns {
		cols = append(cols, strings.ToUpper(c.Name))
	}
	row := rec.rows[ns+"/p-000"]
	rec.mu.Unlock()
	if !slices.Equal(cols, header) {
		t.Errorf("columns %v, kubectl through the same server prints %v", cols, header)
	}
	if got := rec.rowNames(); !slices.Equal(got, want) {
		t.Errorf("rows %v, kubectl %v", got, want)
	}
	if len(row.Cells) != 2 || string(row.Cells[0]) != `"p-000"` || row.Created == "" || string(row.Cells[1]) != fmt.Sprintf("%q", row.Created) {
		t.Errorf("row = %+v, want cells name and creation time", row)
	}

	// The watch's plain objects become rows too.
	if _, err := cs.CoreV1().Pods(ns).Create(context.Background(), pod("late"), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the created pod in the stream", 5*time.Second, func() bool { return rec.has(ns + "/late") })
	rec.mu.Lock()
	late := rec.rows[ns+"/late"]
	rec.mu.Unlock()
	if len(late.Cells) != 2 || string(late.Cells[0]) != `"late"` {
		t.Errorf("watched row = %+v", late)
	}
}
