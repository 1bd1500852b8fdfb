package helm

import (
	"bytes"
	"errors"
	"fmt"

	chartv2 "helm.sh/helm/v4/pkg/chart/v2"
	loaderv2 "helm.sh/helm/v4/pkg/chart/v2/loader"
)

// ChartInfo describes a chart picked for installing.
type ChartInfo struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	AppVersion  string `json:"appVersion"`
	Description string `json:"description"`
	// Values are the chart's default values (YAML), the start of an
	// install's values.
	Values    string `json:"values"`
	HasSchema bool   `json:"hasSchema"`
	// Path is where the chart is on this machine ("" for an upload).
	Path string `json:"path"`
}

// ReadChart describes the chart at path (a folder or .tgz) or in archive.
func ReadChart(path string, archive []byte) (ChartInfo, error) {
	var ch *chartv2.Chart
	var err error
	switch {
	case len(archive) > MaxChartArchive:
		return ChartInfo{}, fmt.Errorf("the chart archive is over %d MiB", MaxChartArchive>>20)
	case len(archive) > 0:
		ch, err = loaderv2.LoadArchive(bytes.NewReader(archive))
	case path != "":
		ch, err = loaderv2.Load(path)
	default:
		return ChartInfo{}, errors.New("pick a chart folder or a .tgz archive")
	}
	if err != nil {
		return ChartInfo{}, fmt.Errorf("read the chart: %w", err)
	}
	if ch.Metadata == nil {
		return ChartInfo{}, errors.New("read the chart: it has no Chart.yaml")
	}
	values, err := toYAML(ch.Values)
	if err != nil {
		return ChartInfo{}, err
	}
	return ChartInfo{Name: ch.Metadata.Name, Version: ch.Metadata.Version, AppVersion: ch.Metadata.AppVersion,
		Description: ch.Metadata.Description, Values: values, HasSchema: len(ch.Schema) > 0, Path: path}, nil
}
