package share

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// objects are what one share is made of, in creation order.
type objects struct {
	sa          *corev1.ServiceAccount
	role        *rbacv1.Role
	clusterRole *rbacv1.ClusterRole
	rb          *rbacv1.RoleBinding
	crb         *rbacv1.ClusterRoleBinding
}

// clusterName is the name of a share's cluster-scoped objects: unique
// across namespaces.
func clusterName(namespace, name string) string { return "kubedeck-" + namespace + "-" + name }

func build(req Request, name, sharedBy string, now time.Time) objects {
	labels := map[string]string{LabelManagedBy: ManagedBy, LabelShare: name}
	clusterLabels := map[string]string{LabelManagedBy: ManagedBy, LabelShare: name, LabelShareNamespace: req.Namespace}
	notes := map[string]string{
		AnnotationRecipient: req.Recipient,
		AnnotationRole:      req.roleLabel(),
		AnnotationExpires:   now.Add(req.duration()).UTC().Format(time.RFC3339),
	}
	if sharedBy != "" {
		notes[AnnotationSharedBy] = sharedBy
	}
	meta := func(n, ns string, l map[string]string) metav1.ObjectMeta {
		return metav1.ObjectMeta{Name: n, Namespace: ns, Labels: l, Annotations: map[string]string{AnnotationRecipient: req.Recipient}}
	}
	var o objects
	o.sa = &corev1.ServiceAccount{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: req.Namespace, Labels: labels, Annotations: notes},
		// No Secret token is ever mounted or made for it.
		AutomountServiceAccountToken: new(bool),
	}
	ref := rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: req.RoleKind, Name: req.RoleName}
	if req.custom() {
		rules := make([]rbacv1.PolicyRule, len(req.Rules))
		for i, r := range req.Rules {
			rules[i] = rbacv1.PolicyRule{APIGroups: r.APIGroups, Resources: r.Resources, Verbs: r.Verbs}
		}
		if req.ClusterWide {
			o.clusterRole = &rbacv1.ClusterRole{TypeMeta: metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRole"},
				ObjectMeta: meta(clusterName(req.Namespace, name), "", clusterLabels), Rules: rules}
			ref.Kind, ref.Name = "ClusterRole", o.clusterRole.Name
		} else {
			o.role = &rbacv1.Role{TypeMeta: metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "Role"},
				ObjectMeta: meta(name, req.Namespace, labels), Rules: rules}
			ref.Kind, ref.Name = "Role", name
		}
	}
	subjects := []rbacv1.Subject{{Kind: rbacv1.ServiceAccountKind, Name: name, Namespace: req.Namespace}}
	if req.ClusterWide {
		o.crb = &rbacv1.ClusterRoleBinding{TypeMeta: metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRoleBinding"},
			ObjectMeta: meta(clusterName(req.Namespace, name), "", clusterLabels), RoleRef: ref, Subjects: subjects}
	} else {
		o.rb = &rbacv1.RoleBinding{TypeMeta: metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "RoleBinding"},
			ObjectMeta: meta(name, req.Namespace, labels), RoleRef: ref, Subjects: subjects}
	}
	return o
}
