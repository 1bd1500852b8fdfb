package cluster

import (
	"context"
	"net/http"
	"strings"
)

// A request the app makes for a Kubedeck plugin (a JS plugin the user
// approved, not a kubeconfig credential plugin) reaches the API server with
// User-Agent "<app's agent> plugin/<id>", so the cluster's audit log names
// the plugin. The plugin is carried by the request's context: the API
// handler puts it there after checking who asks, never on the plugin's word.

type attributedPlugin struct{}

// WithAttributedPlugin returns ctx carrying plugin id: every Kubernetes
// request made with it names the plugin in its User-Agent.
func WithAttributedPlugin(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, attributedPlugin{}, id)
}

// AttributedPlugin is the plugin ctx carries ("" for the app's own requests).
func AttributedPlugin(ctx context.Context) string {
	id, _ := ctx.Value(attributedPlugin{}).(string)
	return id
}

// PluginUserAgent is the User-Agent of a request made for plugin id: the
// app's agent, then "plugin/<id>" (characters a product token may not hold
// become "_").
func PluginUserAgent(agent, id string) string {
	safe := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("._-", r):
			return r
		}
		return '_'
	}, id)
	return strings.TrimSpace(agent + " plugin/" + safe)
}

// withPluginAgent is a rest.Config WrapTransport: it runs inside client-go's
// user-agent wrapper, so the agent it sets replaces the connection's.
func withPluginAgent(prev func(http.RoundTripper) http.RoundTripper, agent string) func(http.RoundTripper) http.RoundTripper {
	return func(rt http.RoundTripper) http.RoundTripper {
		if prev != nil {
			rt = prev(rt)
		}
		return &pluginAgent{next: rt, agent: agent}
	}
}

type pluginAgent struct {
	next  http.RoundTripper
	agent string
}

func (t *pluginAgent) RoundTrip(req *http.Request) (*http.Response, error) {
	id := AttributedPlugin(req.Context())
	if id == "" {
		return t.next.RoundTrip(req)
	}
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", PluginUserAgent(t.agent, id))
	return t.next.RoundTrip(req)
}

// WrappedRoundTripper lets client-go's connection tracking see through.
func (t *pluginAgent) WrappedRoundTripper() http.RoundTripper { return t.next }
