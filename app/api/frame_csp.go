package api

import (
	"net/url"
	"strings"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
)

// grantedNetwork is the network origins the user granted plugin p, which
// its frame may connect to (CSP connect-src). Without a grant (or when the
// settings cannot be read) it is none: the frame connects nowhere.
func grantedNetwork(s *session.Session, p plugins.Plugin) []string {
	_, g, err := s.PluginGrant(p.ID)
	if err != nil {
		return nil
	}
	return g.Network
}

// frameCSP is the policy of a frame document whose files live under prefix
// (the absolute URL <scheme>://<host>/plugin-frame/<token>/): scripts,
// styles, images and fonts from there only, connections to the granted
// origins only, and no frames, workers, forms or plugins. The header form
// adds the sandbox directive, which a <meta> may not carry.
func frameCSP(prefix string, network []string) string {
	connect := strings.Join(cspOrigins(network), " ")
	if connect == "" {
		connect = "'none'"
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src " + prefix,
		"style-src " + prefix + " 'unsafe-inline'",
		"img-src " + prefix + " data:",
		"font-src " + prefix,
		"connect-src " + connect,
		"frame-src 'none'",
		"child-src 'none'",
		"worker-src 'none'",
		"form-action 'none'",
		"base-uri 'none'",
		"object-src 'none'",
	}, "; ")
}

// frameCSPHeader is frameCSP with the sandbox directive (a frame loaded
// outside its sandboxed <iframe> is sandboxed all the same).
func frameCSPHeader(prefix string, network []string) string {
	return frameCSP(prefix, network) + "; sandbox allow-scripts"
}

// cspOrigins keeps the entries that are plain origins (http or https,
// a host, an optional port, nothing else), normalised by url.URL: a
// malformed grant must not widen or break the policy (a space, a ';' or a
// quote would add source expressions or directives).
func cspOrigins(list []string) []string {
	var out []string
	for _, s := range list {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" ||
			strings.ContainsAny(s, " \t\r\n;,'\"*") {
			continue
		}
		out = append(out, u.Scheme+"://"+u.Host)
	}
	return out
}
