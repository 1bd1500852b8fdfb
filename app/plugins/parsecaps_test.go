package plugins

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The capabilities of package.json: what is well formed is read as it is,
// everything else makes the plugin invalid with a message naming the key.
func TestParseCapabilities(t *testing.T) {
	for _, tc := range []struct {
		name, caps string
		want       Capabilities
		err        string // a fragment of the error; "" for none
	}{
		{name: "absent", caps: ``},
		{name: "null", caps: `null`},
		{name: "empty", caps: `{}`},
		{name: "everything", caps: `{"read":["pods","apps/deployments","secrets"],"write":{"configmaps":["apply","delete"]},
			"secretValues":true,"exec":true,"portForward":true,"logs":true,"network":["https://api.example.com","http://127.0.0.1:8080","https://[::1]:443"],"settings":true}`,
			want: Capabilities{Read: []string{"pods", "apps/deployments", "secrets"}, Write: map[string][]string{"configmaps": {"apply", "delete"}},
				SecretValues: true, Exec: true, PortForward: true, Logs: true, Network: []string{"https://api.example.com", "http://127.0.0.1:8080", "https://[::1]:443"}, Settings: true}},
		{name: "star read", caps: `{"read":["*"]}`, want: Capabilities{Read: []string{"*"}}},
		{name: "dotted group", caps: `{"read":["networking.k8s.io/ingresses"]}`, want: Capabilities{Read: []string{"networking.k8s.io/ingresses"}}},
		{name: "false booleans", caps: `{"exec":false,"settings":false}`},
		{name: "not an object", caps: `["pods"]`, err: "kubedeck.capabilities must be an object"},
		{name: "unknown key", caps: `{"read":["pods"],"admin":true}`, err: "kubedeck.capabilities.admin is not a capability"},
		{name: "read not a list", caps: `{"read":"pods"}`, err: "kubedeck.capabilities.read must be a list of strings"},
		{name: "read null", caps: `{"read":null}`, err: "kubedeck.capabilities.read must be a list of strings"},
		{name: "read a number", caps: `{"read":[1]}`, err: "kubedeck.capabilities.read must be a list of strings"},
		{name: "upper case", caps: `{"read":["Pods"]}`, err: `kubedeck.capabilities.read: "Pods" is not a kind`},
		{name: "three parts", caps: `{"read":["apps/v1/deployments"]}`, err: `"apps/v1/deployments" is not a kind`},
		{name: "bad group", caps: `{"read":["Apps/deployments"]}`, err: `its group "Apps" is not a lower-case DNS name`},
		{name: "empty group", caps: `{"read":["/pods"]}`, err: `its group "" is not`},
		{name: "dot dot", caps: `{"read":[".."]}`, err: `".." is not a kind`},
		{name: "empty kind", caps: `{"read":[""]}`, err: `"" is not a kind`},
		{name: "wildcard group", caps: `{"read":["apps/*"]}`, err: `"apps/*" is not a kind`},
		{name: "twice", caps: `{"read":["pods","pods"]}`, err: `kubedeck.capabilities.read lists "pods" twice`},
		{name: "star in write", caps: `{"write":{"*":["apply"]}}`, err: `kubedeck.capabilities.write: "*" is not a kind`},
		{name: "write a list", caps: `{"write":["configmaps"]}`, err: "kubedeck.capabilities.write must be an object"},
		{name: "write bad verb", caps: `{"write":{"configmaps":["patch"]}}`, err: `kubedeck.capabilities.write.configmaps: "patch" is not a verb`},
		{name: "write no verbs", caps: `{"write":{"configmaps":[]}}`, err: "kubedeck.capabilities.write.configmaps lists no verbs"},
		{name: "write verbs not a list", caps: `{"write":{"configmaps":"apply"}}`, err: "kubedeck.capabilities.write.configmaps must be a list"},
		{name: "bool as string", caps: `{"exec":"true"}`, err: "kubedeck.capabilities.exec must be true or false"},
		{name: "bool null", caps: `{"logs":null}`, err: "kubedeck.capabilities.logs must be true or false"},
		{name: "secret values without secrets", caps: `{"read":["*"],"secretValues":true}`, err: `kubedeck.capabilities.secretValues needs "secrets"`},
		{name: "origin with path", caps: `{"network":["https://api.example.com/v1"]}`, err: `kubedeck.capabilities.network: "https://api.example.com/v1" is not an origin`},
		{name: "origin with slash", caps: `{"network":["https://api.example.com/"]}`, err: "not even a final /"},
		{name: "origin with query", caps: `{"network":["https://api.example.com?x=1"]}`, err: "is not an origin"},
		{name: "origin with fragment", caps: `{"network":["https://api.example.com#x"]}`, err: "is not an origin"},
		{name: "origin with user", caps: `{"network":["https://me@api.example.com"]}`, err: "only a host"},
		{name: "origin ws", caps: `{"network":["wss://api.example.com"]}`, err: "the scheme must be http or https"},
		{name: "origin wildcard", caps: `{"network":["https://*.example.com"]}`, err: "is not an origin"},
		{name: "origin star", caps: `{"network":["*"]}`, err: "is not an origin"},
		{name: "origin upper case", caps: `{"network":["https://API.example.com"]}`, err: "is not an origin"},
		{name: "origin no host", caps: `{"network":["https://"]}`, err: "is not an origin"},
		{name: "origin bad port", caps: `{"network":["https://api.example.com:99999"]}`, err: "the port must be"},
		{name: "origin empty port", caps: `{"network":["https://api.example.com:"]}`, err: "the port must be"},
		{name: "origin leading zero port", caps: `{"network":["https://api.example.com:0443"]}`, err: "the port must be"},
		{name: "origin opaque", caps: `{"network":["https:api.example.com"]}`, err: "is not an origin"},
		{name: "origin bad ipv6", caps: `{"network":["https://[::g]"]}`, err: "is not an origin"},
		{name: "origin bare", caps: `{"network":["api.example.com"]}`, err: "the scheme must be http or https"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCapabilities([]byte(tc.caps))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("error = %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("capabilities = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// A plugin whose capabilities are malformed is listed, invalid, with the
// reason; one whose capabilities are fine carries them as Requested.
func TestScanReadsCapabilities(t *testing.T) {
	inst := t.TempDir()
	write(t, filepath.Join(inst, "good", "package.json"), `{"name":"good","kubedeck":{"apiVersion":1,"capabilities":{"read":["pods"],"settings":true}}}`)
	write(t, filepath.Join(inst, "bad", "package.json"), `{"name":"bad","kubedeck":{"apiVersion":1,"capabilities":{"read":["pods"],"everything":true}}}`)
	list := NewCatalog(Dirs{Installed: inst}).Scan()
	if len(list) != 2 {
		t.Fatalf("plugins = %+v", list)
	}
	bad, good := list[0], list[1]
	if !strings.Contains(bad.Error, "kubedeck.capabilities.everything") || !reflect.DeepEqual(bad.Requested, Capabilities{}) {
		t.Errorf("bad = %q, %+v", bad.Error, bad.Requested)
	}
	if good.Error != "" || !reflect.DeepEqual(good.Requested, Capabilities{Read: []string{"pods"}, Settings: true}) {
		t.Errorf("good = %q, %+v", good.Error, good.Requested)
	}
}

// The example plugins of the repository ask for what their code reads, and
// nothing more.
func TestExamplePluginsRequestWhatTheyRead(t *testing.T) {
	want := map[string]Capabilities{
		"pod-restarts":    {Read: []string{"pods"}},
		"workload-images": {Read: []string{"pods", "apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets", "batch/jobs", "batch/cronjobs"}},
		"node-taints":     {Read: []string{"nodes"}},
	}
	for id, caps := range want {
		snap, err := ReadSnapshot(filepath.Join("..", "..", "plugins", id))
		if err != nil {
			t.Fatal(err)
		}
		p := describe(filepath.Join("..", "..", "plugins", id), id, false, snap, nil)
		if p.Error != "" || !reflect.DeepEqual(p.Requested, caps) {
			t.Errorf("%s: error %q, requests %+v, want %+v", id, p.Error, p.Requested, caps)
		}
	}
}
