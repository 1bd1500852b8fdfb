package commands

import (
	"errors"
	"github.com/kubedeck/kubedeck/app/share"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/access"
	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/debug"
	"github.com/kubedeck/kubedeck/app/forward"
	"github.com/kubedeck/kubedeck/app/helm"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/settings"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// writes are every command that changes a cluster, called on context ctx.
// Plugins write through Apply and Delete (their cluster client calls the
// same commands), drains through Session.DrainConn.
var writes = map[string]func(c *Commands, ctx string) error{
	"Apply": func(c *Commands, ctx string) error {
		_, err := c.Apply(ctx, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ro}\n", "default", false)
		return err
	},
	"Update": func(c *Commands, ctx string) error {
		_, err := c.Update(ctx, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ro, namespace: default, resourceVersion: '1'}\n", false)
		return err
	},
	"Delete": func(c *Commands, ctx string) error {
		_, err := c.Delete(ctx, []actions.Ref{{Version: "v1", Resource: "configmaps", Namespace: "default", Name: "ro"}}, "background")
		return err
	},
	"Scale": func(c *Commands, ctx string) error {
		_, err := c.Scale(ctx, actions.Ref{Group: "apps", Version: "v1", Resource: "deployments", Namespace: "default", Name: "ro"}, 2)
		return err
	},
	"Restart": func(c *Commands, ctx string) error {
		_, err := c.Restart(ctx, actions.Ref{Group: "apps", Version: "v1", Resource: "deployments", Namespace: "default", Name: "ro"})
		return err
	},
	"RolloutUndo": func(c *Commands, ctx string) error {
		_, err := c.RolloutUndo(ctx, "default", "ro", 0)
		return err
	},
	"SuspendCronJob": func(c *Commands, ctx string) error {
		_, err := c.SuspendCronJob(ctx, "default", "ro", true)
		return err
	},
	"RunCronJob": func(c *Commands, ctx string) error {
		_, err := c.RunCronJob(ctx, "default", "ro")
		return err
	},
	"ShareCreate": func(c *Commands, ctx string) error {
		_, err := c.ShareCreate(ctx, share.Request{Recipient: "ro", Namespace: "default", RoleKind: "ClusterRole", RoleName: "view"})
		return err
	},
	"ShareRevoke": func(c *Commands, ctx string) error {
		_, err := c.ShareRevoke(ctx, "default", "share-ro-bcdfg")
		return err
	},
	"Cordon": func(c *Commands, ctx string) error {
		_, err := c.Cordon(ctx, "node-1", true)
		return err
	},
	"DebugStart": func(c *Commands, ctx string) error {
		_, err := c.DebugStart(ctx, debug.Request{Namespace: "default", Pod: "ro", Image: "busybox"})
		return err
	},
	"NodeShellStart": func(c *Commands, ctx string) error {
		_, err := c.NodeShellStart(ctx, debug.NodeShellRequest{Node: "ro"})
		return err
	},
	"DebugPodDelete": func(c *Commands, ctx string) error {
		_, err := c.DebugPodDelete(ctx, "default", "ro")
		return err
	},
	"TerminalStart": func(c *Commands, ctx string) error {
		_, err := c.TerminalStart(ctx, terminal.Request{Namespace: "default", Pod: "ro", Command: []string{"sh"}, Cols: 80, Rows: 24})
		return err
	},
	"HelmRollback": func(c *Commands, ctx string) error {
		_, err := c.HelmRollback(ctx, helm.Ref{Namespace: "default", Name: "ro"}, 1)
		return err
	},
	"HelmUninstall": func(c *Commands, ctx string) error {
		_, err := c.HelmUninstall(ctx, helm.Ref{Namespace: "default", Name: "ro"}, false)
		return err
	},
	"HelmUpgrade": func(c *Commands, ctx string) error {
		_, err := c.HelmUpgrade(ctx, helm.Ref{Namespace: "default", Name: "ro"}, helm.UpgradeRequest{Values: "a: 1"})
		return err
	},
	"HelmInstall": func(c *Commands, ctx string) error {
		_, err := c.HelmInstall(ctx, helm.InstallRequest{Namespace: "default", Name: "ro", Archive: []byte("x")})
		return err
	},
	"DrainConn": func(c *Commands, ctx string) error {
		_, err := c.s.DrainConn(ctx)
		return err
	},
}

// notClusterWrites are the commands that change no cluster: reads, dry runs
// and local state (settings, kubeconfig, terminals already started,
// port-forwards, which read-only contexts keep).
var notClusterWrites = []string{
	"Access", "APIResources", "ClusterInfo", "ClusterStatus", "Contexts", "ManagedFields", "Namespaces",
	"RevealSecret", "RolloutHistory", "Version", "Preferences", "RememberLocation", "AddNamespace",
	"SetReadOnly", "ReviewKubeconfig", "AddKubeconfig", "AddServer", "RemoveCluster", "SignIn", "SignOut",
	"Plugins", "ApprovePlugin", "SetPluginEnabled",
	"TerminalInput", "TerminalResize", "TerminalClose",
	"PortForwardStart", "PortForwards", "PortForwardStop",
	"SubjectAccess", "MyAccess", "ShareRoles", "SharePreview", "Shares",
	"DebugPods", "SetNodeShell",
	"HelmRelease", "HelmRevision", "HelmObjects", "HelmDrift", "HelmRollbackPreview", "HelmPickChart", "HelmReadChart",
}

// A new command must be sorted into one of the two lists, so no write path
// can skip the read-only check unnoticed.
func TestEveryCommandIsClassifiedAsWriteOrNot(t *testing.T) {
	typ := reflect.TypeFor[*Commands]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		if _, ok := writes[name]; !ok && !slices.Contains(notClusterWrites, name) {
			t.Errorf("command %s is in neither writes nor notClusterWrites: does it change the cluster?", name)
		}
	}
}

// withSettings returns commands over kubeconfig and a settings file holding
// content.
func withSettings(t *testing.T, kubeconfigPath, content string) (*Commands, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := cluster.NewManager(kubeconfig.NewStore([]string{kubeconfigPath}), credentials.NewMemory(), "test", log)
	return New(Deps{Version: "test", Clusters: m, Settings: settings.New(path), Log: log}), path
}

const nowhereConfig = `apiVersion: v1
kind: Config
clusters:
- name: nowhere
  cluster: {server: "https://127.0.0.1:1"}
users:
- name: u
  user: {token: t}
contexts:
- name: prod
  context: {cluster: nowhere, user: u}
`

// Every write is refused before anything is sent: on a context switched to
// read-only, and on every context when the settings file is damaged (fail
// closed). A refused write never reaches the (unreachable) server, so the
// error is the read-only one, not a connection error.
func TestEveryWriteIsRefusedOnReadOnlyAndWithDamagedSettings(t *testing.T) {
	kc := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(kc, []byte(nowhereConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"read-only context": `{"contexts":{"prod":{"readOnly":true}}}`,
		"damaged settings":  `{"contexts":{"prod":{"readOnly":tr`,
		"settings not JSON": "\x00\x01garbage",
	}
	for name, content := range cases {
		c, path := withSettings(t, kc, content)
		for cmd, write := range writes {
			err := write(c, "prod")
			if !errors.Is(err, ErrReadOnly) {
				t.Errorf("%s: %s = %v, want it refused as read-only", name, cmd, err)
				continue
			}
			if name != "read-only context" && (!strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "damaged")) {
				t.Errorf("%s: %s = %q, want it to name the damaged settings file", name, cmd, err)
			}
		}
	}
}

// Reads, dry runs and port-forwards still work on a read-only context and
// with a damaged settings file.
func TestReadsStillWorkWhenReadOnly(t *testing.T) {
	cl := testcluster.Get(t)
	admin := cl.Context(testcluster.Admin)
	for name, content := range map[string]string{
		"read-only context": `{"contexts":{"` + admin + `":{"readOnly":true}}}`,
		"damaged settings":  `{"contexts":`,
	} {
		c, _ := withSettings(t, cl.Kubeconfig, content)
		if _, err := c.Namespaces(admin); err != nil {
			t.Errorf("%s: Namespaces: %v", name, err)
		}
		if d, err := c.Access(admin, []access.Check{{Verb: "list", Resource: "pods", Namespace: "team-a"}}); err != nil || !d[0].Allowed {
			t.Errorf("%s: Access = %v, %v", name, d, err)
		}
		if _, err := c.RolloutHistory(admin, "team-a", "web"); err != nil {
			t.Errorf("%s: RolloutHistory: %v", name, err)
		}
		res, err := c.Apply(admin, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ro-dry-run}\n", "team-a", true)
		if err != nil || len(res) != 1 || res[0].Error != "" {
			t.Errorf("%s: a dry run = %+v, %v", name, res, err)
		}
		f, err := c.PortForwardStart(forward.Request{Context: admin, Namespace: "team-a", Kind: "service", Name: "web", Port: "http"})
		if err != nil {
			t.Errorf("%s: PortForwardStart: %v", name, err)
		} else if _, err := c.PortForwardStop(f.ID); err != nil {
			t.Errorf("%s: PortForwardStop: %v", name, err)
		}
		Close(c)
	}
}
