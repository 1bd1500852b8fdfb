package plugins

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/runtime/schema"
)

// The one place a grant is checked: Subset when the user approves (a grant
// is never wider than the request), Allows on every request a plugin makes.

// Verb is what a plugin request does.
type Verb string

// Request verbs.
const (
	List        Verb = "list"
	Get         Verb = "get"
	Watch       Verb = "watch"
	Apply       Verb = "apply"
	Delete      Verb = "delete"
	Logs        Verb = "logs"
	Exec        Verb = "exec"
	PortForward Verb = "portforward"
)

// Request is one thing a plugin asks to do to a kind.
type Request struct {
	// Plugin names the plugin in the refusal ("pod-restarts may not ...").
	Plugin   string
	Verb     Verb
	Resource schema.GroupResource
}

// ErrNotGranted is what every refusal of Allows wraps.
var ErrNotGranted = errors.New("not granted")

// KindOf is how a kind is written in capabilities: "pods", "apps/deployments".
func KindOf(gr schema.GroupResource) string {
	if gr.Group == "" {
		return gr.Resource
	}
	return gr.Group + "/" + gr.Resource
}

// isSecrets: core Secrets, which "*" never covers.
func isSecrets(kind string) bool { return kind == "secrets" }

// Reads tells whether c lets a plugin read kind (named, or "*" for any kind
// but Secrets).
func (c Capabilities) Reads(kind string) bool {
	return slices.Contains(c.Read, kind) || (!isSecrets(kind) && slices.Contains(c.Read, AllKinds))
}

// Writes tells whether c lets a plugin use verb (apply, delete) on kind.
func (c Capabilities) Writes(kind, verb string) bool {
	return slices.Contains(c.Write[kind], verb)
}

// Allows says whether granted lets the plugin do r; the refusal is in plain
// words a user reads ("pod-restarts may not write configmaps: not granted").
func Allows(granted Capabilities, r Request) error {
	kind := KindOf(r.Resource)
	ok := false
	switch r.Verb {
	case List, Get, Watch:
		ok = granted.Reads(kind)
	case Apply, Delete:
		ok = granted.Writes(kind, string(r.Verb))
	case Logs:
		ok = granted.Logs
	case Exec:
		ok = granted.Exec
	case PortForward:
		ok = granted.PortForward
	default:
		return fmt.Errorf("%s may not %s %s: %w (no such request)", pluginName(r.Plugin), r.Verb, kind, ErrNotGranted)
	}
	if ok {
		return nil
	}
	what := action(r.Verb, kind)
	if isSecrets(kind) && slices.Contains(granted.Read, AllKinds) && (r.Verb == List || r.Verb == Get || r.Verb == Watch) {
		return fmt.Errorf("%s may not %s: %w (reading every kind does not include secrets: they are granted by name)", pluginName(r.Plugin), what, ErrNotGranted)
	}
	return fmt.Errorf("%s may not %s: %w", pluginName(r.Plugin), what, ErrNotGranted)
}

func pluginName(id string) string {
	if id == "" {
		return "the plugin"
	}
	return id
}

// action is a request in words: "read pods", "write configmaps".
func action(v Verb, kind string) string {
	switch v {
	case List, Get, Watch:
		return "read " + kind
	case Apply:
		return "write " + kind
	case Delete:
		return "delete " + kind
	case Logs:
		return "read the logs of " + kind
	case Exec:
		return "run commands in " + kind
	case PortForward:
		return "forward ports of " + kind
	}
	return string(v) + " " + kind
}

// Subset checks that granted asks for nothing requested does not: the user
// may grant all of a request or part of it, never more. Secret values need
// Secrets granted in read as well.
func Subset(granted, requested Capabilities) error {
	var wider []string
	for _, k := range granted.Read {
		if k != AllKinds {
			if err := CheckKind(k); err != nil {
				return fmt.Errorf("the grant is not valid: %w", err)
			}
		}
		if !slices.Contains(requested.Read, k) && (k == AllKinds || !requested.Reads(k)) {
			wider = append(wider, "read "+k)
		}
	}
	for _, k := range sortedKeys(granted.Write) {
		for _, verb := range granted.Write[k] {
			if !requested.Writes(k, verb) {
				wider = append(wider, action(Verb(verb), k))
			}
		}
	}
	for _, o := range granted.Network {
		if !slices.Contains(requested.Network, o) {
			wider = append(wider, "connect to "+o)
		}
	}
	for _, b := range []struct {
		name       string
		got, asked bool
	}{
		{"read secret values", granted.SecretValues, requested.SecretValues},
		{"run commands in pods", granted.Exec, requested.Exec},
		{"forward ports of pods", granted.PortForward, requested.PortForward},
		{"read the logs of pods", granted.Logs, requested.Logs},
		{"keep settings", granted.Settings, requested.Settings},
	} {
		if b.got && !b.asked {
			wider = append(wider, b.name)
		}
	}
	if len(wider) > 0 {
		return fmt.Errorf("the grant is wider than what the plugin asks for: %s", strings.Join(wider, ", "))
	}
	if granted.SecretValues && !slices.Contains(granted.Read, "secrets") {
		return errors.New(`secret values can be granted only with "read secrets"`)
	}
	return nil
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Narrow is the part of granted that requested still asks for (a
// development plugin that asks for less after a save holds only that).
func Narrow(granted, requested Capabilities) Capabilities {
	var out Capabilities
	for _, k := range granted.Read {
		if slices.Contains(requested.Read, k) || (k != AllKinds && requested.Reads(k)) {
			out.Read = append(out.Read, k)
		}
	}
	for _, k := range sortedKeys(granted.Write) {
		for _, verb := range granted.Write[k] {
			if requested.Writes(k, verb) {
				if out.Write == nil {
					out.Write = map[string][]string{}
				}
				out.Write[k] = append(out.Write[k], verb)
			}
		}
	}
	for _, o := range granted.Network {
		if slices.Contains(requested.Network, o) {
			out.Network = append(out.Network, o)
		}
	}
	out.SecretValues = granted.SecretValues && requested.SecretValues && slices.Contains(out.Read, "secrets")
	out.Exec = granted.Exec && requested.Exec
	out.PortForward = granted.PortForward && requested.PortForward
	out.Logs = granted.Logs && requested.Logs
	out.Settings = granted.Settings && requested.Settings
	return out
}
