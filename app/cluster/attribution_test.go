package cluster

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPluginUserAgent(t *testing.T) {
	for _, c := range []struct{ agent, id, want string }{
		{"kubedeck/1.2.0", "pod-restarts", "kubedeck/1.2.0 plugin/pod-restarts"},
		{"kubedeck/1.2.0", "my plugin\r\nX-Evil: 1", "kubedeck/1.2.0 plugin/my_plugin__X-Evil__1"},
		{"kubedeck/1.2.0", "ünï.cödé_v2", "kubedeck/1.2.0 plugin/_n_.c_d__v2"},
		{"", "p", "plugin/p"},
	} {
		if got := PluginUserAgent(c.agent, c.id); got != c.want {
			t.Errorf("PluginUserAgent(%q, %q) = %q, want %q", c.agent, c.id, got, c.want)
		}
	}
}

// The agent of a request is the plugin's only when its context names one;
// the wrapped transport sees the header, and the caller's request is not
// changed.
func TestPluginAgentFollowsTheRequestContext(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = append(got, r.UserAgent()) }))
	defer srv.Close()
	rt := withPluginAgent(nil, "kubedeck/t")(http.DefaultTransport)
	for _, ctx := range []context.Context{context.Background(), WithAttributedPlugin(context.Background(), "p1")} {
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
		req.Header.Set("User-Agent", "kubedeck/t")
		resp, err := rt.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if req.Header.Get("User-Agent") != "kubedeck/t" {
			t.Error("the caller's request was changed")
		}
	}
	if len(got) != 2 || got[0] != "kubedeck/t" || got[1] != "kubedeck/t plugin/p1" {
		t.Errorf("agents = %q", got)
	}
}
