package plugins

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/runtime/schema"
)

func TestAllows(t *testing.T) {
	grant := Capabilities{
		Read:  []string{"pods", "apps/deployments"},
		Write: map[string][]string{"configmaps": {"apply"}},
		Logs:  true,
	}
	star := Capabilities{Read: []string{"*"}}
	secrets := Capabilities{Read: []string{"secrets"}}
	gr := func(group, resource string) schema.GroupResource {
		return schema.GroupResource{Group: group, Resource: resource}
	}
	for _, tc := range []struct {
		name  string
		grant Capabilities
		verb  Verb
		res   schema.GroupResource
		err   string // "" when allowed
	}{
		{"list a granted kind", grant, List, gr("", "pods"), ""},
		{"watch a granted kind", grant, Watch, gr("", "pods"), ""},
		{"get a grouped kind", grant, Get, gr("apps", "deployments"), ""},
		{"same resource, other group", grant, List, gr("extensions", "deployments"), "pod-restarts may not read extensions/deployments: not granted"},
		{"a kind not granted", grant, List, gr("", "nodes"), "pod-restarts may not read nodes: not granted"},
		{"apply a granted kind", grant, Apply, gr("", "configmaps"), ""},
		{"delete with apply only", grant, Delete, gr("", "configmaps"), "pod-restarts may not delete configmaps: not granted"},
		{"write a kind it reads", grant, Apply, gr("", "pods"), "pod-restarts may not write pods: not granted"},
		{"read a kind it writes", grant, Get, gr("", "configmaps"), "pod-restarts may not read configmaps: not granted"},
		{"logs granted", grant, Logs, gr("", "pods"), ""},
		{"exec not granted", grant, Exec, gr("", "pods"), "pod-restarts may not run commands in pods: not granted"},
		{"port-forward not granted", grant, PortForward, gr("", "pods"), "pod-restarts may not forward ports of pods: not granted"},
		{"star reads any kind", star, List, gr("apps", "daemonsets"), ""},
		{"star reads no secrets", star, Get, gr("", "secrets"), "pod-restarts may not read secrets: not granted (reading every kind does not include secrets"},
		{"star writes nothing", star, Apply, gr("", "pods"), "pod-restarts may not write pods: not granted"},
		{"secrets by name", secrets, Watch, gr("", "secrets"), ""},
		{"a secrets CRD is not core secrets", star, List, gr("example.com", "secrets"), ""},
		{"nothing granted", Capabilities{}, List, gr("", "pods"), "pod-restarts may not read pods: not granted"},
		{"an unknown verb", grant, Verb("patch"), gr("", "pods"), "no such request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Allows(tc.grant, Request{Plugin: "pod-restarts", Verb: tc.verb, Resource: tc.res})
			if tc.err == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrNotGranted) {
				t.Fatalf("error = %v, want %q (and ErrNotGranted)", err, tc.err)
			}
		})
	}
}

func TestSubset(t *testing.T) {
	requested := Capabilities{
		Read:         []string{"pods", "secrets", "apps/deployments"},
		Write:        map[string][]string{"configmaps": {"apply", "delete"}},
		SecretValues: true,
		Logs:         true,
		Network:      []string{"https://api.example.com"},
		Settings:     true,
	}
	star := Capabilities{Read: []string{"*"}}
	for _, tc := range []struct {
		name               string
		granted, requested Capabilities
		err                string
	}{
		{"all of it", requested, requested, ""},
		{"nothing", Capabilities{}, requested, ""},
		{"part of it", Capabilities{Read: []string{"pods"}, Write: map[string][]string{"configmaps": {"delete"}}, Settings: true}, requested, ""},
		{"a kind more", Capabilities{Read: []string{"nodes"}}, requested, "wider than what the plugin asks for: read nodes"},
		{"a verb more", Capabilities{Write: map[string][]string{"configmaps": {"apply"}, "secrets": {"delete"}}}, requested, "delete secrets"},
		{"star when kinds were asked", star, requested, "read *"},
		{"a kind of a star request", Capabilities{Read: []string{"nodes"}}, star, ""},
		{"secrets of a star request", Capabilities{Read: []string{"secrets"}}, star, "read secrets"},
		{"star of a star request", star, star, ""},
		{"a bad kind of a star request", Capabilities{Read: []string{"Nodes/../x"}}, star, "not a kind"},
		{"an origin more", Capabilities{Network: []string{"https://evil.example.com"}}, requested, "connect to https://evil.example.com"},
		{"exec not asked", Capabilities{Exec: true}, requested, "run commands in pods"},
		{"port-forward not asked", Capabilities{PortForward: true}, requested, "forward ports of pods"},
		{"settings not asked", Capabilities{Settings: true}, Capabilities{}, "keep settings"},
		{"logs not asked", Capabilities{Logs: true}, Capabilities{}, "read the logs of pods"},
		{"secret values not asked", Capabilities{Read: []string{"secrets"}, SecretValues: true}, Capabilities{Read: []string{"secrets"}}, "read secret values"},
		{"secret values without secrets", Capabilities{Read: []string{"pods"}, SecretValues: true}, requested, `only with "read secrets"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Subset(tc.granted, tc.requested)
			if tc.err == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error = %v, want %q", err, tc.err)
			}
		})
	}
}

// Narrow keeps what is still asked for, and its result is always a valid
// grant of the request.
func TestNarrow(t *testing.T) {
	granted := Capabilities{
		Read: []string{"pods", "secrets", "*"}, Write: map[string][]string{"configmaps": {"apply", "delete"}},
		SecretValues: true, Exec: true, Logs: true, Network: []string{"https://a.example", "https://b.example"}, Settings: true,
	}
	for _, tc := range []struct {
		name      string
		requested Capabilities
		want      string
	}{
		{"all still asked", granted, "{Read:[pods secrets *] Write:map[configmaps:[apply delete]] SecretValues:true Exec:true PortForward:false Logs:true Network:[https://a.example https://b.example] Settings:true}"},
		{"nothing asked", Capabilities{}, "{Read:[] Write:map[] SecretValues:false Exec:false PortForward:false Logs:false Network:[] Settings:false}"},
		{"less asked", Capabilities{Read: []string{"*"}, Write: map[string][]string{"configmaps": {"delete"}}, Network: []string{"https://b.example"}, Logs: true},
			"{Read:[pods *] Write:map[configmaps:[delete]] SecretValues:false Exec:false PortForward:false Logs:true Network:[https://b.example] Settings:false}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Narrow(granted, tc.requested)
			if s := fmtCaps(got); s != tc.want {
				t.Errorf("Narrow = %s\nwant     %s", s, tc.want)
			}
			if err := Subset(got, tc.requested); err != nil {
				t.Errorf("the narrowed grant is not within the request: %v", err)
			}
		})
	}
}

func fmtCaps(c Capabilities) string {
	if c.Read == nil {
		c.Read = []string{}
	}
	if c.Write == nil {
		c.Write = map[string][]string{}
	}
	if c.Network == nil {
		c.Network = []string{}
	}
	return strings.ReplaceAll(fmt.Sprintf("%+v", c), "  ", " ")
}
