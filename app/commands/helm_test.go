package commands

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/helm"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// Without the desktop's file dialogs (the browser shell), no command reads
// a local path the page names: charts come as uploaded archives.
func TestBrowserSessionsInstallUploadedChartsOnly(t *testing.T) {
	c := testcluster.Get(t)
	cmds := debugFixture(t, c, filepath.Join(t.TempDir(), "ledger.json"))
	if _, err := cmds.HelmPickChart(true); err == nil || !strings.Contains(err.Error(), "upload") {
		t.Errorf("HelmPickChart in the browser: %v", err)
	}
	chart, err := filepath.Abs("../helm/testdata/charts/probe")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(chart); err != nil {
		t.Fatal(err)
	}
	_, err = cmds.HelmInstall(c.Context(testcluster.Admin), helm.InstallRequest{Namespace: "team-a", Name: "by-path", ChartPath: chart, DryRun: true})
	if err == nil || !strings.Contains(err.Error(), "uploaded chart archives only") {
		t.Errorf("HelmInstall by path in the browser: %v", err)
	}
	if _, err := cmds.HelmReadChart([]byte("not a tgz")); err == nil || !strings.Contains(err.Error(), "read the chart") {
		t.Errorf("HelmReadChart of junk: %v", err)
	}
}
