package helm

import (
	"fmt"
	"slices"
	"time"

	"helm.sh/helm/v4/pkg/action"
	release "helm.sh/helm/v4/pkg/release/v1"
	"sigs.k8s.io/yaml"
)

// Details is a release's newest revision as `helm status`, `helm get
// values [-a]`, `helm get manifest` and `helm history` show it.
type Details struct {
	Release       Release   `json:"release"`
	FirstDeployed time.Time `json:"firstDeployed"`
	Notes         string    `json:"notes"`
	// Values are the user-supplied values (YAML), AllValues the computed
	// ones: the chart's defaults with the user's on top.
	Values    string `json:"values"`
	AllValues string `json:"allValues"`
	Manifest  string `json:"manifest"`
	// Objects are what the manifest declares, in its order.
	Objects []Object `json:"objects"`
	Hooks   []Hook   `json:"hooks"`
	// History is every revision Helm keeps, newest first.
	History []HistoryEntry `json:"history"`
	// HasSchema is true when the chart ships values.schema.json (an
	// upgrade's values are checked against it).
	HasSchema bool `json:"hasSchema"`
	// ChartValues are the stored chart's default values (YAML).
	ChartValues string `json:"chartValues"`
}

// HistoryEntry is one revision in `helm history`.
type HistoryEntry struct {
	Revision     int       `json:"revision"`
	Status       string    `json:"status"`
	Chart        string    `json:"chart"`
	ChartVersion string    `json:"chartVersion"`
	AppVersion   string    `json:"appVersion"`
	Updated      time.Time `json:"updated"`
	Description  string    `json:"description"`
}

// Hook is a chart hook of the release and how its last run went.
type Hook struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	Events []string `json:"events"`
	Phase  string   `json:"phase"`
}

// RevisionContent is what one revision applied: for diffs between two.
type RevisionContent struct {
	Revision  int    `json:"revision"`
	Values    string `json:"values"`
	AllValues string `json:"allValues"`
	Manifest  string `json:"manifest"`
	Notes     string `json:"notes"`
}

// Details reads ref's newest revision and its history.
func (c *Client) Details(ref Ref) (Details, error) {
	ac, err := c.action(ref)
	if err != nil {
		return Details{}, err
	}
	rel, err := get(ac, ref.Name, 0)
	if err != nil {
		return Details{}, err
	}
	content, err := contentOf(rel)
	if err != nil {
		return Details{}, err
	}
	objects, err := parseManifest(rel.Manifest, ref.Namespace)
	if err != nil {
		return Details{}, err
	}
	history, err := historyOf(ac, ref.Name)
	if err != nil {
		return Details{}, err
	}
	d := Details{
		Release: rowOf(rel, ref.Driver, len(history)), Notes: content.Notes,
		Values: content.Values, AllValues: content.AllValues, Manifest: rel.Manifest,
		Objects: objects, Hooks: hooksOf(rel), History: history,
	}
	if rel.Info != nil {
		d.FirstDeployed = rel.Info.FirstDeployed
	}
	if rel.Chart != nil {
		d.HasSchema = len(rel.Chart.Schema) > 0
		if d.ChartValues, err = toYAML(rel.Chart.Values); err != nil {
			return Details{}, err
		}
	}
	return d, nil
}

// Revision reads what revision rev of ref applied.
func (c *Client) Revision(ref Ref, rev int) (RevisionContent, error) {
	ac, err := c.action(ref)
	if err != nil {
		return RevisionContent{}, err
	}
	rel, err := get(ac, ref.Name, rev)
	if err != nil {
		return RevisionContent{}, err
	}
	return contentOf(rel)
}

func get(ac *action.Configuration, name string, rev int) (*release.Release, error) {
	g := action.NewGet(ac)
	g.Version = rev
	r, err := g.Run(name)
	if err != nil {
		if rev > 0 {
			return nil, fmt.Errorf("read revision %d of release %s: %w", rev, name, err)
		}
		return nil, fmt.Errorf("read release %s: %w", name, err)
	}
	return v1(r)
}

// contentOf is a revision's values (as `helm get values [-a]`), manifest
// and notes.
func contentOf(rel *release.Release) (RevisionContent, error) {
	out := RevisionContent{Revision: rel.Version, Manifest: rel.Manifest}
	if rel.Info != nil {
		out.Notes = rel.Info.Notes
	}
	var err error
	if out.Values, err = toYAML(rel.Config); err != nil {
		return RevisionContent{}, err
	}
	all, err := computedValues(rel)
	if err != nil {
		return RevisionContent{}, err
	}
	if out.AllValues, err = toYAML(all); err != nil {
		return RevisionContent{}, err
	}
	return out, nil
}

func historyOf(ac *action.Configuration, name string) ([]HistoryEntry, error) {
	revs, err := action.NewHistory(ac).Run(name)
	if err != nil {
		return nil, fmt.Errorf("read the history of release %s: %w", name, err)
	}
	out := make([]HistoryEntry, 0, len(revs))
	for _, r := range revs {
		rel, err := v1(r)
		if err != nil {
			return nil, err
		}
		row := rowOf(rel, "", 0)
		out = append(out, HistoryEntry{Revision: row.Revision, Status: row.Status, Chart: row.Chart,
			ChartVersion: row.ChartVersion, AppVersion: row.AppVersion, Updated: row.Updated, Description: row.Description})
	}
	slices.SortFunc(out, func(a, b HistoryEntry) int { return b.Revision - a.Revision })
	return out, nil
}

// rowOf is the list row of a decoded release.
func rowOf(rel *release.Release, driver string, revisions int) Release {
	if driver == "" {
		driver = DriverSecret
	}
	r := Release{Name: rel.Name, Namespace: rel.Namespace, Revision: rel.Version, Driver: driver, Revisions: revisions}
	if rel.Info != nil {
		r.Status, r.Updated, r.Description = string(rel.Info.Status), rel.Info.LastDeployed, rel.Info.Description
	}
	if rel.Chart != nil && rel.Chart.Metadata != nil {
		r.Chart, r.ChartVersion, r.AppVersion = rel.Chart.Metadata.Name, rel.Chart.Metadata.Version, rel.Chart.Metadata.AppVersion
	}
	return r
}

func hooksOf(rel *release.Release) []Hook {
	out := make([]Hook, 0, len(rel.Hooks))
	for _, h := range rel.Hooks {
		hook := Hook{Name: h.Name, Kind: h.Kind, Phase: string(h.LastRun.Phase)}
		for _, e := range h.Events {
			hook.Events = append(hook.Events, string(e))
		}
		out = append(out, hook)
	}
	return out
}

// toYAML prints values as `helm get values -o yaml` does ("{}" for none).
func toYAML(v map[string]any) (string, error) {
	if len(v) == 0 {
		return "{}\n", nil
	}
	b, err := yaml.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("print values: %w", err)
	}
	return string(b), nil
}
