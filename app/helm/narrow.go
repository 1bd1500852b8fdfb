package helm

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// maxNarrowed bounds the namespaces probed one by one when the user may
// not list a driver's records cluster-wide.
const maxNarrowed = 256

// narrow replaces each refused cluster-wide source with the namespaces
// where the user may list that driver's records, when it may list the
// namespaces: a user bound to read Secrets in two namespaces sees their
// releases under "all namespaces". Otherwise the refusal stands.
func narrow(ctx context.Context, cs kubernetes.Interface, allowed []source, refused []Problem) ([]source, []Problem) {
	var forbidden []Problem
	var others []Problem
	for _, p := range refused {
		if p.Status == http.StatusForbidden && p.Namespace == "" {
			forbidden = append(forbidden, p)
		} else {
			others = append(others, p)
		}
	}
	if len(forbidden) == 0 {
		return allowed, refused
	}
	list, err := cs.CoreV1().Namespaces().List(ctx, metav1.ListOptions{})
	if err != nil || len(list.Items) > maxNarrowed {
		return allowed, refused
	}
	for _, p := range forbidden {
		var candidates []source
		for _, ns := range list.Items {
			candidates = append(candidates, source{namespace: ns.Name, driver: p.Driver})
		}
		ok, _ := probe(ctx, cs, candidates)
		allowed = append(allowed, ok...)
		p.Partial = true
		for _, src := range ok {
			p.Readable = append(p.Readable, src.namespace)
		}
		p.Message = partialMessage(p)
		others = append(others, p)
	}
	return allowed, others
}

func partialMessage(p Problem) string {
	kind := "secrets"
	if p.Driver == DriverConfigMap {
		kind = "configmaps"
	}
	if len(p.Readable) == 0 {
		return fmt.Sprintf("Helm keeps its releases in %s: needs list %s cluster-wide, or in a namespace", kind, kind)
	}
	return fmt.Sprintf("You may not list %s cluster-wide: showing the releases in %s, where you may", kind, strings.Join(p.Readable, ", "))
}
