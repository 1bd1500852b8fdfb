package commands

import (
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// managedFields come on demand, as the server keeps them (kubectl's
// --show-managed-fields is the oracle's view of the same data), and only
// for whom may get the object.
func TestManagedFieldsOnDemand(t *testing.T) {
	cmds, c := fixture(t, "apiVersion: v1\nkind: Config\n")
	ref := actions.Ref{Group: "apps", Version: "v1", Resource: "deployments", Namespace: "team-a", Name: "web"}
	y, err := cmds.ManagedFields(c.Context(testcluster.Admin), ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"managedFields:", "manager: devcluster", "operation: Apply", "fieldsV1:"} {
		if !strings.Contains(y, want) {
			t.Errorf("managedFields YAML lacks %q:\n%s", want, y)
		}
	}
	ref.Namespace = "team-b"
	ref.Name = "api"
	if _, err := cmds.ManagedFields(c.Context(testcluster.Developer), ref); err == nil || !strings.Contains(err.Error(), "forbidden") {
		t.Errorf("developer reading team-b: err = %v, want forbidden", err)
	}
}
