package main

import (
	"reflect"
	"testing"
)

func TestExecEnv(t *testing.T) {
	got := execEnv([]string{"HOME=/h", "PATH=/usr/bin:/bin", "KUBECONFIG=/old"}, "/d/kubeconfig", "/d/cluster.json", "/c/helm-v4.3.2/helm")
	want := []string{"HOME=/h", "KUBECONFIG=/old", "PATH=/c/helm-v4.3.2:/usr/bin:/bin",
		"KUBECONFIG=/d/kubeconfig", "KUBEDECK_TEST_CLUSTER=/d/cluster.json", "KUBEDECK_HELM=/c/helm-v4.3.2/helm"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("execEnv:\n got %q\nwant %q", got, want)
	}
	if got := execEnv(nil, "k", "i", "/c/helm"); got[0] != "PATH=/c" {
		t.Errorf("without PATH: %q", got)
	}
}
