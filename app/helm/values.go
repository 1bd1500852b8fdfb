package helm

import (
	"fmt"

	chartutil "helm.sh/helm/v4/pkg/chart/common/util"
	release "helm.sh/helm/v4/pkg/release/v1"
)

// computedValues are a revision's values as `helm get values -a` prints
// them: the stored chart's defaults coalesced with the user's.
func computedValues(rel *release.Release) (map[string]any, error) {
	if rel.Chart == nil {
		return rel.Config, nil
	}
	all, err := chartutil.CoalesceValues(rel.Chart, rel.Config)
	if err != nil {
		return nil, fmt.Errorf("compute the values of %s revision %d: %w", rel.Name, rel.Version, err)
	}
	return all, nil
}
