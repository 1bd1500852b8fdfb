package rbac

import rbacv1 "k8s.io/api/rbac/v1"

var secretsColumn = Column{Group: "", Resource: "secrets"}

// dangersOf are the dangerous things grant i gives sub.
func dangersOf(sub Subject, i int, g granted) []Danger {
	var out []Danger
	add := func(k DangerKind) {
		for _, d := range out {
			if d.Kind == k {
				return
			}
		}
		out = append(out, Danger{Kind: k, Grant: i, Default: g.isDefault})
	}
	if g.Via == nil && sub.Kind == Group {
		switch sub.Name {
		case groupAuthenticated:
			add(Authenticated)
		case groupUnauthenticated:
			add(Unauthenticated)
		}
	}
	if g.Role.Kind == "ClusterRole" && g.Role.Name == "cluster-admin" {
		add(ClusterAdmin)
	}
	for _, r := range g.rules {
		if len(r.Resources) == 0 {
			continue
		}
		for _, v := range r.Verbs {
			switch v {
			case rbacv1.VerbAll:
				add(WildcardVerbs)
			case "escalate":
				add(Escalate)
			case "bind":
				add(Bind)
			case "impersonate":
				add(Impersonate)
			}
		}
		for _, res := range r.Resources {
			if res == rbacv1.ResourceAll {
				add(WildcardResources)
			}
		}
		if g.clusterWide {
			for _, verb := range []string{"get", "list", "watch"} {
				if ok, named := allows(r, verb, secretsColumn); ok && !named {
					add(SecretsCluster)
				}
			}
		}
	}
	return out
}
