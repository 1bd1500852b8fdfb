package hostile

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// row is one hostile request.
type row struct {
	name   string
	method string
	// target is the path and raw query.
	target string
	body   []byte
	// browserOnly rows test the browser shell's own guards.
	browserOnly bool
	// lenient rows may also get a well-formed answer without an error (an
	// odd but valid name the API server simply finds nothing under); all
	// other rows must get a clear error.
	lenient bool
	// prepare adjusts the request (headers, cookies, Host).
	prepare func(r *http.Request, sh *shell)
	// client replaces the shell's client (no cookie jar...).
	client func(sh *shell) *http.Client
}

// oddValues go into every query parameter of every stream.
var oddValues = []struct{ name, value string }{
	{"unicode", "ünïcödé-☸"},
	{"nul", "a\x00b"},
	{"300chars", strings.Repeat("a", 300)},
	{"dotdot", ".."},
	{"dot", "."},
	{"pct-dotdot", "%2e%2e"},
	{"pct-slash", "a%2Fb"},
	{"slash", "a/b"},
	{"spaces", " a b "},
}

// validPathName says whether an odd value is still a valid path segment
// (rest.IsValidPathSegmentName): the API server may simply find nothing
// under it, so a well-formed empty answer is fine there.
func validPathName(v string) bool {
	return v != "." && v != ".." && !strings.ContainsAny(v, "/%")
}

// validLabelKey: "a/b" is a valid label selector (the key b with prefix a,
// which nothing has): an empty selection, not an error.
func validLabelKey(param, odd string) bool {
	return param == "labelSelector" && odd == "slash"
}

type stream struct {
	path   string
	method string
	body   []byte
	// params are the valid values; each is replaced by each odd value in turn.
	params [][2]string
	// mayFindNothing are the params under which a valid odd value may give a
	// well-formed answer without an error (an empty list).
	mayFindNothing map[string]bool
}

func streams(admin, secret string) []stream {
	return []stream{
		{path: "/api/stream/list", params: [][2]string{{"context", admin}, {"group", ""}, {"version", "v1"}, {"resource", "pods"},
			{"namespace", "default"}, {"labelSelector", ""}, {"fieldSelector", ""}},
			mayFindNothing: map[string]bool{"namespace": true}},
		{path: "/api/stream/object", params: [][2]string{{"context", admin}, {"group", ""}, {"version", "v1"}, {"resource", "secrets"},
			{"namespace", "default"}, {"name", secret}}},
		{path: "/api/stream/objects", params: [][2]string{{"context", admin}, {"group", ""}, {"version", "v1"}, {"resource", "secrets"},
			{"namespace", "default"}, {"labelSelector", ""}, {"watch", "1"}},
			mayFindNothing: map[string]bool{"namespace": true, "watch": true}},
		{path: "/api/stream/logs", params: [][2]string{{"context", admin}, {"namespace", "default"}, {"pod", "no-such-pod"},
			{"container", ""}, {"tailLines", "10"}, {"sinceSeconds", "60"}}},
		{path: "/api/stream/terminal", params: [][2]string{{"id", "no-such-terminal"}}},
		{path: "/api/stream/drain", method: http.MethodPost, body: []byte(`{}`),
			params: [][2]string{{"context", admin}, {"node", "no-such-node"}}},
		{path: "/api/stream/apiresources", params: [][2]string{{"context", "no-such-context"}}},
	}
}

func query(params [][2]string, key, value string) string {
	q := url.Values{}
	for _, p := range params {
		v := p[1]
		if p[0] == key {
			v = value
		}
		if v != "" || p[0] == key {
			q.Set(p[0], v)
		}
	}
	return q.Encode()
}

func oddNameRows(admin, secret string) []row {
	var rows []row
	for _, s := range streams(admin, secret) {
		for _, p := range s.params {
			for _, odd := range oddValues {
				if p[0] == "labelSelector" && odd.name == "unicode" {
					continue // "ünïcödé-☸" is a label key nothing has: a valid, empty selection
				}
				rows = append(rows, row{
					name:    fmt.Sprintf("%s %s=%s", s.path, p[0], odd.name),
					method:  s.method,
					target:  s.path + "?" + query(s.params, p[0], odd.value),
					body:    s.body,
					lenient: s.mayFindNothing[p[0]] && (p[0] == "watch" || validPathName(odd.value)) || validLabelKey(p[0], odd.name),
				})
			}
		}
	}
	// The multiplexed lists: odd values inside the queries and as context.
	for _, field := range []string{"group", "version", "resource", "namespace", "labelSelector", "fieldSelector"} {
		for _, odd := range oddValues {
			q := map[string]string{"version": "v1", "resource": "pods", "namespace": "default"}
			q[field] = odd.value
			if field == "labelSelector" && odd.name == "unicode" {
				continue
			}
			rows = append(rows, row{
				name:    fmt.Sprintf("/api/stream/lists %s=%s", field, odd.name),
				target:  "/api/stream/lists?" + url.Values{"context": {admin}, "queries": {toJSON(q)}}.Encode(),
				lenient: field == "namespace" && validPathName(odd.value) || validLabelKey(field, odd.name),
			})
		}
	}
	for _, odd := range oddValues {
		rows = append(rows,
			row{name: "/api/stream/lists context=" + odd.name,
				target: "/api/stream/lists?" + url.Values{"context": {odd.value}, "queries": {`[{"version":"v1","resource":"pods"}]`}}.Encode()},
			row{name: "plugin file id=" + odd.name, target: "/api/plugins/" + url.PathEscape(odd.value) + "/main.js"},
			row{name: "plugin file path=" + odd.name, target: "/api/plugins/p/" + url.PathEscape(odd.value)},
		)
	}
	return rows
}

func toJSON(q map[string]string) string {
	var b strings.Builder
	b.WriteString("[{")
	first := true
	for k, v := range q {
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, "%q:%q", k, v)
	}
	b.WriteString("}]")
	return b.String()
}

func callRows(admin, secret string) []row {
	call := func(name, method, body string) row {
		return row{name: "call " + name, method: http.MethodPost, target: "/api/call/" + method, body: []byte(body)}
	}
	big := bytes.Repeat([]byte(" "), 9<<20)
	bigArg := append(append([]byte(`["`), bytes.Repeat([]byte("a"), 9<<20)...), `"]`...)
	return []row{
		// Malformed JSON.
		call("malformed open brace", "Version", "{"),
		call("malformed open bracket", "Version", "["),
		call("malformed trailing comma", "Namespaces", `["a",]`),
		call("malformed trailing bracket", "Version", "[]]"),
		call("malformed bare word", "Version", "nul"),
		call("malformed string", "Version", `"x"`),
		call("malformed object", "Namespaces", `{"contextName":"x"}`),
		call("malformed number", "Version", "1e999"),
		call("malformed binary", "Version", "\xff\xfe\x00"),
		call("malformed unterminated string", "Namespaces", `["abc`),
		// Oversized bodies.
		call("oversized spaces", "Version", string(big)),
		call("oversized argument", "Apply", string(bigArg)),
		{name: "oversized drain body", method: http.MethodPost, target: "/api/stream/drain?context=" + url.QueryEscape(admin) + "&node=no-such-node",
			body: append(append([]byte(`{"x":"`), bytes.Repeat([]byte("a"), 9<<20)...), `"}`...)},
		{name: "drain without a body", method: http.MethodPost, target: "/api/stream/drain?context=" + url.QueryEscape(admin) + "&node=no-such-node"},
		{name: "drain body of the wrong type", method: http.MethodPost, target: "/api/stream/drain?context=" + url.QueryEscape(admin) + "&node=no-such-node", body: []byte(`[1,2]`)},
		// Wrong types.
		call("wrong type number for string", "Namespaces", "[42]"),
		call("wrong type object for string", "Namespaces", `[{"a":1}]`),
		call("wrong type string for bool", "SetReadOnly", `["x","yes"]`),
		call("wrong type string for number", "Scale", `["x",{"version":"v1","resource":"deployments","name":"a"},"two"]`),
		call("wrong type int32 overflow", "Scale", `["x",{"version":"v1","resource":"deployments","name":"a"},2147483648]`),
		call("wrong type uint16 overflow", "TerminalResize", `["x",70000,24]`),
		call("wrong type negative uint16", "TerminalResize", `["x",-1,24]`),
		call("wrong type string for list", "Access", `["x","get pods"]`),
		call("wrong type object for refs", "Delete", `["x",{"name":"a"},"Background"]`),
		call("wrong type float for int64", "RolloutUndo", `["x","default","a",1.5]`),
		// Wrong arity.
		call("arity too many", "Version", "[1]"),
		call("arity too few", "Namespaces", "[]"),
		call("arity apply one of four", "Apply", `["x"]`),
		call("arity contexts with two", "Contexts", `[1,2]`),
		call("arity null body", "Namespaces", "null"),
		// Unknown commands.
		call("unknown NoSuch", "NoSuch", "[]"),
		call("unknown lowercase", "version", "[]"),
		call("unknown package function Close", "Close", "[]"),
		call("unknown unexported", "guard", "[]"),
		call("unknown unicode", url.PathEscape("Vërsion☸"), "[]"),
		call("unknown nul", "Version%00", "[]"),
		call("unknown 300 chars", strings.Repeat("V", 300), "[]"),
		call("unknown dotdot", "%2e%2e", "[]"),
		call("unknown slash", "Version%2FContexts", "[]"),
		{name: "call with GET", method: http.MethodGet, target: "/api/call/Version"},
		{name: "unknown endpoint", target: "/api/nope"},
		{name: "unknown stream", target: "/api/stream/nope?context=" + url.QueryEscape(admin)},
		// Commands with odd names, against the cluster (dry runs and reads only).
		call("namespaces of an odd context", "Namespaces", `["../.."]`),
		call("reveal an odd secret", "RevealSecret", `["`+admin+`","default","../`+secret+`","password"]`),
		call("reveal a secret through an odd namespace", "RevealSecret", `["`+admin+`","..","`+secret+`","password"]`),
		call("reveal a secret with a nul key", "RevealSecret", `["`+admin+`","default","`+secret+`","pass\u0000word"]`),
		call("managed fields of secrets as a list", "ManagedFields", `["`+admin+`",{"version":"v1","resource":".","name":"secrets"}]`),
		call("managed fields through version tricks", "ManagedFields", `["`+admin+`",{"version":"v1/../..","resource":"secrets","namespace":"default","name":"`+secret+`"}]`),
		call("apply a list of secrets, dry", "Apply", `["`+admin+`","apiVersion: v1\nkind: SecretList\nitems: []\nmetadata: {name: x}\n","default",true]`),
		call("apply not yaml, dry", "Apply", `["`+admin+`","{{{","default",true]`),
		call("update with hidden values, dry", "Update", `["`+admin+`","apiVersion: v1\nkind: Secret\nmetadata: {name: `+secret+`, namespace: default, resourceVersion: \"1\"}\ndata: {password: \"<hidden:48 bytes>\"}\n",true]`),
		call("scale an odd name", "Scale", `["`+admin+`",{"group":"apps","version":"v1","resource":"deployments","namespace":"default","name":"../x"},1]`),
		call("history of an odd name", "RolloutHistory", `["`+admin+`","default","%2e%2e"]`),
		// The API server decides (the admin may do anything): a well-formed answer.
		{name: "call access with an odd check", method: http.MethodPost, target: "/api/call/Access",
			body: []byte(`["` + admin + `",[{"verb":"\u0000","resource":"../secrets"}]]`), lenient: true},
		// A terminal starts at once and reports its failure on its stream.
		{name: "call terminal of an odd pod", method: http.MethodPost, target: "/api/call/TerminalStart",
			body: []byte(`["` + admin + `",{"namespace":"default","pod":"../x","container":"","command":["sh"]}]`), lenient: true},
		call("forward to an odd pod", "PortForwardStart", `[{"context":"`+admin+`","namespace":"default","pod":"../x","remotePort":80}]`),
		call("stop an odd forward", "PortForwardStop", `["../x"]`),
		{name: "call close an odd terminal", method: http.MethodPost, target: "/api/call/TerminalClose", body: []byte(`["../x"]`), lenient: true}, // false: nothing to close
		call("sign in with a token to an odd context", "SignIn", `["no-such-context","t"]`),
		call("add a kubeconfig in the browser", "AddKubeconfig", `["apiVersion: v1\nkind: Config\n"]`),
		// Path tricks.
		{name: "object resource=. name=secrets", target: "/api/stream/object?" + url.Values{"context": {admin}, "version": {"v1"}, "resource": {"."}, "name": {"secrets"}}.Encode()},
		{name: "object resource=. namespace=default name=secrets", target: "/api/stream/object?" + url.Values{"context": {admin}, "version": {"v1"}, "resource": {"."}, "namespace": {"default"}, "name": {"secrets"}}.Encode()},
		{name: "object version=v1/../..", target: "/api/stream/object?" + url.Values{"context": {admin}, "version": {"v1/../.."}, "resource": {"api"}, "name": {"v1"}}.Encode()},
		{name: "object group=.. version=v1", target: "/api/stream/object?" + url.Values{"context": {admin}, "group": {".."}, "version": {"v1"}, "resource": {"secrets"}, "namespace": {"default"}, "name": {secret}}.Encode()},
		{name: "object resource=secrets/name", target: "/api/stream/object?" + url.Values{"context": {admin}, "version": {"v1"}, "resource": {"namespaces"}, "name": {"default/secrets"}}.Encode()},
		{name: "list resource=.", target: "/api/stream/list?" + url.Values{"context": {admin}, "version": {"v1"}, "resource": {"."}}.Encode()},
		{name: "list resource=namespaces/default/secrets", target: "/api/stream/list?" + url.Values{"context": {admin}, "version": {"v1"}, "resource": {"namespaces/default/secrets"}}.Encode()},
		{name: "objects resource=.", target: "/api/stream/objects?" + url.Values{"context": {admin}, "version": {"v1"}, "resource": {"."}}.Encode()},
		{name: "objects version=v1/namespaces/default/secrets", target: "/api/stream/objects?" + url.Values{"context": {admin}, "version": {"v1/namespaces/default"}, "resource": {"secrets"}}.Encode()},
		{name: "objects raw %2e%2e", target: "/api/stream/objects?context=" + url.QueryEscape(admin) + "&version=v1&resource=%2e%2e"},
		{name: "lists resource=.", target: "/api/stream/lists?" + url.Values{"context": {admin}, "queries": {`[{"version":"v1","resource":"."}]`}}.Encode()},
		{name: "lists 17 queries", target: "/api/stream/lists?" + url.Values{"context": {admin}, "queries": {"[" + strings.TrimSuffix(strings.Repeat(`{"version":"v1","resource":"pods"},`, 17), ",") + "]"}}.Encode()},
		{name: "lists queries not JSON", target: "/api/stream/lists?context=" + url.QueryEscape(admin) + "&queries=%7B"},
		{name: "logs tailLines negative", target: "/api/stream/logs?context=" + url.QueryEscape(admin) + "&namespace=default&pod=a&tailLines=-1"},
		{name: "logs pod and selector", target: "/api/stream/logs?context=" + url.QueryEscape(admin) + "&namespace=default&pod=a&selector=app%3Dx"},
		{name: "plugin file dotdot raw", target: "/api/plugins/p/../../etc/passwd"},
		{name: "plugin file encoded dotdot", target: "/api/plugins/p/%2e%2e/%2e%2e/outside.txt"},
		{name: "plugin file encoded slashes", target: "/api/plugins/p/..%2F..%2Foutside.txt"},
		{name: "plugin file absolute", target: "/api/plugins/p/%2Fetc%2Fpasswd"},
		{name: "plugin file symlink out", target: "/api/plugins/q/link-out"},
		{name: "plugin file sub dotdot out", target: "/api/plugins/p/sub/%2e%2e/%2e%2e/outside.txt"},
		{name: "plugin file of a folder", target: "/api/plugins/p/sub"},
		{name: "plugin file missing", target: "/api/plugins/p/nope.js"},
	}
}

func guardRows() []row {
	noJar := func(sh *shell) *http.Client { return &http.Client{} }
	origin := func(o string) func(*http.Request, *shell) {
		return func(r *http.Request, _ *shell) { r.Header.Set("Origin", o) }
	}
	return []row{
		{name: "cross-origin POST", browserOnly: true, method: http.MethodPost, target: "/api/call/Version", body: []byte("[]"), prepare: origin("http://evil.example")},
		{name: "cross-origin POST from a sibling port", browserOnly: true, method: http.MethodPost, target: "/api/call/Version", body: []byte("[]"), prepare: origin("http://127.0.0.1:1")},
		{name: "POST with Origin null", browserOnly: true, method: http.MethodPost, target: "/api/call/Version", body: []byte("[]"), prepare: origin("null")},
		{name: "missing-Origin POST", browserOnly: true, method: http.MethodPost, target: "/api/call/Version", body: []byte("[]"),
			prepare: func(r *http.Request, _ *shell) { r.Header.Del("Origin") }},
		{name: "missing-Origin drain", browserOnly: true, method: http.MethodPost, target: "/api/stream/drain?node=no-such-node", body: []byte("{}"),
			prepare: func(r *http.Request, _ *shell) { r.Header.Del("Origin") }},
		{name: "wrong Host", browserOnly: true, target: "/api/stream/contexts", prepare: func(r *http.Request, _ *shell) { r.Host = "attacker.example" }},
		{name: "wrong Host with the server's port", browserOnly: true, target: "/api/call/Version", method: http.MethodPost, body: []byte("[]"),
			prepare: func(r *http.Request, sh *shell) {
				u, _ := url.Parse(sh.base)
				r.Host = "rebind.example:" + u.Port()
				r.Header.Set("Origin", "http://"+r.Host)
			}},
		{name: "no cookie stream", browserOnly: true, target: "/api/stream/contexts", client: noJar},
		{name: "no cookie call", browserOnly: true, method: http.MethodPost, target: "/api/call/Contexts", body: []byte("[]"), client: noJar},
		{name: "no cookie page", browserOnly: true, target: "/", client: noJar},
		{name: "bogus cookie", browserOnly: true, target: "/api/stream/contexts", client: noJar,
			prepare: func(r *http.Request, _ *shell) {
				r.AddCookie(&http.Cookie{Name: "kubedeck_session", Value: "0000"})
				r.AddCookie(&http.Cookie{Name: "__Host-kubedeck_session", Value: "0000"})
			}},
		{name: "bogus cookie with odd bytes", browserOnly: true, target: "/api/call/Version", method: http.MethodPost, body: []byte("[]"), client: noJar,
			prepare: func(r *http.Request, sh *shell) {
				r.Header.Set("Origin", sh.base)
				r.Header.Set("Cookie", "kubedeck_session=../..%00; __Host-kubedeck_session=\"x\"")
			}},
		{name: "wrong launch token", browserOnly: true, target: "/?token=wrong", client: noJar},
		{name: "empty launch token", browserOnly: true, target: "/?token=", client: noJar},
	}
}

// TestHostileInputsGetClearErrors sends every row through both shells.
func TestHostileInputsGetClearErrors(t *testing.T) {
	c := testcluster.Get(t)
	secret, value := seedSecret(t, c)
	admin := c.Context(testcluster.Admin)
	logs := &logBuffer{}
	log := logs.logger()
	x := pluginFixture(t, value)
	browser, _, served := startBrowserShell(t, c.Kubeconfig, log, x, nil)
	desktop := startDesktopShell(t, c.Kubeconfig, log, x)
	approvePlugins(t, browser)
	approvePlugins(t, desktop)

	rows := append(append(oddNameRows(admin, secret), callRows(admin, secret)...), guardRows()...)
	if len(rows) < 100 {
		t.Fatalf("only %d rows", len(rows))
	}
	secrets := append([]string{value}, clusterTokens(c)...)
	for _, sh := range []*shell{browser, desktop} {
		all := append(append([]string(nil), secrets...), sh.secrets...)
		all = append(all, browser.secrets...)
		runRows(t, sh, rows, all)
	}
	select {
	case err := <-served:
		t.Fatalf("the browser shell stopped serving: %v", err)
	default:
	}
	for _, sh := range []*shell{browser, desktop} {
		req, _ := http.NewRequest(http.MethodPost, sh.base+"/api/call/Version", strings.NewReader("[]"))
		req.Header.Set("Origin", sh.base)
		if a := do(context.Background(), sh.client, req); a.status != http.StatusOK {
			t.Errorf("%s shell after the table: Version = %d %v, want 200 (the process lives on)", sh.name, a.status, a.err)
		}
	}
	if l := leaks(logs.String(), append(secrets, browser.secrets...)); len(l) > 0 {
		t.Errorf("the log holds secrets %v", l)
	}
}

func runRows(t *testing.T, sh *shell, rows []row, secrets []string) {
	t.Helper()
	work := make(chan row)
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range work {
				checkRow(t, sh, r, secrets)
			}
		}()
	}
	n := 0
	for _, r := range rows {
		if r.browserOnly && !sh.browser {
			continue
		}
		n++
		work <- r
	}
	close(work)
	wg.Wait()
	t.Logf("%s shell: %d rows", sh.name, n)
}

func checkRow(t *testing.T, sh *shell, r row, secrets []string) {
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	var body *bytes.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	} else {
		body = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, sh.base+r.target, body)
	if err != nil {
		t.Errorf("%s / %s: build the request: %v", sh.name, r.name, err)
		return
	}
	if method == http.MethodPost {
		req.Header.Set("Origin", sh.base) // what the page sends; guard rows change it
		req.Header.Set("Content-Type", "application/json")
	}
	if r.prepare != nil {
		r.prepare(req, sh)
	}
	client := sh.client
	if r.client != nil {
		client = r.client(sh)
	}
	a := do(context.Background(), client, req)
	where := fmt.Sprintf("%s shell / %s", sh.name, r.name)
	if a.err != nil {
		t.Errorf("%s: the request failed: %v", where, a.err)
		return
	}
	if l := leaks(string(a.body)+headerText(a.header), secrets); len(l) > 0 {
		t.Errorf("%s: the answer holds secrets %v", where, l)
	}
	if a.status >= 500 {
		t.Errorf("%s: %d %q, want a 4xx or a stream error", where, a.status, clip(a.body))
		return
	}
	if a.badLine != "" {
		t.Errorf("%s: a stream line that is not JSON: %q", where, clip([]byte(a.badLine)))
	}
	msg := a.errorMessage()
	switch {
	case msg != "":
	case r.lenient && a.status == http.StatusOK && (len(a.lines) > 0 || json.Valid(a.body)):
	default:
		t.Errorf("%s: %d %q, want a clear error (a 4xx with a message or an NDJSON error line)", where, a.status, clip(a.body))
	}
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}
