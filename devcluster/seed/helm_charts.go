package seed

import (
	"embed"
	"fmt"
	"io/fs"
	"path"

	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
)

// charts holds the seeded Helm charts: shop (team-a/shop), agent
// (platform/metrics-agent, team-a/legacy-cron) and bench (one ConfigMap).
//
//go:embed charts
var charts embed.FS

// loadChart loads charts/<name> with Helm's loader, from memory. Each call
// returns a new chart: the actions may change the one they get.
func loadChart(name string) (*chart.Chart, error) {
	root := path.Join("charts", name)
	var files []*archive.BufferedFile
	err := fs.WalkDir(charts, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := charts.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, &archive.BufferedFile{Name: p[len(root)+1:], Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read chart %s: %w", name, err)
	}
	ch, err := loader.LoadFiles(files)
	if err != nil {
		return nil, fmt.Errorf("load chart %s: %w", name, err)
	}
	return ch, nil
}
