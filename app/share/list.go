package share

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// List finds the shares in namespace ("" for every namespace), newest
// first: the ServiceAccounts labelled as shares, with the bindings and
// roles of each.
func (s *Sharer) List(ctx context.Context, namespace string) ([]Share, error) {
	if namespace != "" && len(validation.IsDNS1123Label(namespace)) > 0 {
		return nil, ErrNamespace
	}
	sel := metav1.ListOptions{LabelSelector: LabelShare}
	sas, err := s.cs.CoreV1().ServiceAccounts(namespace).List(ctx, sel)
	if err != nil {
		return nil, fmt.Errorf("list the shares: %w", err)
	}
	found, err := s.related(ctx, namespace, sel)
	if err != nil {
		return nil, err
	}
	out := make([]Share, 0, len(sas.Items))
	for _, sa := range sas.Items {
		out = append(out, s.shareOf(sa, found))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Created > out[j].Created })
	return out, nil
}

// get is one share.
func (s *Sharer) get(ctx context.Context, namespace, name string) (Share, error) {
	sa, err := s.cs.CoreV1().ServiceAccounts(namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return Share{}, fmt.Errorf("read the share: %w", err)
	}
	if sa.Labels[LabelShare] != name {
		return Share{}, fmt.Errorf("%s/%s: %w", namespace, name, ErrName)
	}
	found, err := s.related(ctx, namespace, metav1.ListOptions{LabelSelector: LabelShare + "=" + name})
	if err != nil {
		return Share{}, err
	}
	return s.shareOf(*sa, found), nil
}

// related are the bindings and roles of shares (keyed by namespace/name of
// their ServiceAccount). Kinds the user may not list are left out.
func (s *Sharer) related(ctx context.Context, namespace string, sel metav1.ListOptions) (map[string][]Object, error) {
	out := map[string][]Object{}
	r := s.cs.RbacV1()
	add := func(kind, name, ns string, l map[string]string) {
		home := ns
		if home == "" {
			home = l[LabelShareNamespace]
		}
		if namespace != "" && home != namespace {
			return
		}
		key := home + "/" + l[LabelShare]
		out[key] = append(out[key], Object{Kind: kind, Name: name, Namespace: ns})
	}
	skip := func(kind string, err error) error {
		if err == nil || apierrors.IsForbidden(err) {
			return nil
		}
		return fmt.Errorf("list the shares' %s: %w", kind, err)
	}
	if l, err := r.RoleBindings(namespace).List(ctx, sel); err == nil {
		for _, x := range l.Items {
			add("RoleBinding", x.Name, x.Namespace, x.Labels)
		}
	} else if err := skip("RoleBindings", err); err != nil {
		return nil, err
	}
	if l, err := r.Roles(namespace).List(ctx, sel); err == nil {
		for _, x := range l.Items {
			add("Role", x.Name, x.Namespace, x.Labels)
		}
	} else if err := skip("Roles", err); err != nil {
		return nil, err
	}
	if l, err := r.ClusterRoleBindings().List(ctx, sel); err == nil {
		for _, x := range l.Items {
			add("ClusterRoleBinding", x.Name, "", x.Labels)
		}
	} else if err := skip("ClusterRoleBindings", err); err != nil {
		return nil, err
	}
	if l, err := r.ClusterRoles().List(ctx, sel); err == nil {
		for _, x := range l.Items {
			add("ClusterRole", x.Name, "", x.Labels)
		}
	} else if err := skip("ClusterRoles", err); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Sharer) shareOf(sa corev1.ServiceAccount, related map[string][]Object) Share {
	a := sa.Annotations
	sh := Share{
		Name: sa.Name, Namespace: sa.Namespace, Recipient: a[AnnotationRecipient], Role: a[AnnotationRole],
		SharedBy: a[AnnotationSharedBy], Created: sa.CreationTimestamp.UTC().Format(time.RFC3339), ExpiresAt: a[AnnotationExpires],
		Objects: []Object{{Kind: "ServiceAccount", Name: sa.Name, Namespace: sa.Namespace}},
	}
	if t, err := time.Parse(time.RFC3339, sh.ExpiresAt); err == nil {
		sh.Expired = !s.now().Before(t)
	}
	for _, o := range related[sa.Namespace+"/"+sa.Name] {
		sh.Objects = append(sh.Objects, o)
		if o.Kind == "ClusterRoleBinding" {
			sh.ClusterWide = true
		}
	}
	return sh
}

// Revoke deletes the share name in namespace: its bindings and roles,
// then its ServiceAccount, which invalidates every token minted for it.
// It refuses a ServiceAccount that is not a share.
func (s *Sharer) Revoke(ctx context.Context, namespace, name string) (Revoked, error) {
	if len(validation.IsDNS1123Label(namespace)) > 0 {
		return Revoked{}, ErrNamespace
	}
	if !shareName.MatchString(name) {
		return Revoked{}, ErrName
	}
	sh, err := s.get(ctx, namespace, name)
	if err != nil {
		return Revoked{}, err
	}
	out := Revoked{Deleted: []Object{}}
	// Bindings first, the ServiceAccount last: a failure half-way leaves a
	// share that still shows up here, to revoke again.
	objs := append([]Object{}, sh.Objects[1:]...)
	sort.SliceStable(objs, func(i, j int) bool {
		return strings.HasSuffix(objs[i].Kind, "Binding") && !strings.HasSuffix(objs[j].Kind, "Binding")
	})
	objs = append(objs, sh.Objects[0])
	for _, o := range objs {
		if err := s.deleteObject(ctx, o); err != nil {
			return out, err
		}
		out.Deleted = append(out.Deleted, o)
	}
	return out, nil
}

func (s *Sharer) deleteObject(ctx context.Context, o Object) error {
	r, opts := s.cs.RbacV1(), metav1.DeleteOptions{}
	var err error
	switch o.Kind {
	case "ServiceAccount":
		err = s.cs.CoreV1().ServiceAccounts(o.Namespace).Delete(ctx, o.Name, opts)
	case "Role":
		err = r.Roles(o.Namespace).Delete(ctx, o.Name, opts)
	case "RoleBinding":
		err = r.RoleBindings(o.Namespace).Delete(ctx, o.Name, opts)
	case "ClusterRole":
		err = r.ClusterRoles().Delete(ctx, o.Name, opts)
	case "ClusterRoleBinding":
		err = r.ClusterRoleBindings().Delete(ctx, o.Name, opts)
	}
	if err != nil && !apierrors.IsNotFound(err) {
		return fmt.Errorf("delete %s %s: %w", o.Kind, o.Name, err)
	}
	return nil
}

// builtin are the user-facing ClusterRoles Kubernetes ships, offered first.
var builtin = []string{"view", "edit", "admin"}

// Roles are the roles a share in namespace may grant: view, edit and
// admin, then the other ClusterRoles that are not system: ones or a
// share's own, then the namespace's Roles (shares' own left out). Kinds the
// user may not list are left out.
func (s *Sharer) Roles(ctx context.Context, namespace string) ([]rbac.RoleRef, error) {
	out := make([]rbac.RoleRef, 0, 16)
	for _, n := range builtin {
		out = append(out, rbac.RoleRef{Kind: "ClusterRole", Name: n})
	}
	notShare, _ := labels.Parse("!" + LabelShare)
	opts := metav1.ListOptions{LabelSelector: notShare.String()}
	crs, err := s.cs.RbacV1().ClusterRoles().List(ctx, opts)
	if err != nil && !apierrors.IsForbidden(err) {
		return nil, fmt.Errorf("list the ClusterRoles: %w", err)
	}
	if err == nil {
		var names []string
		for _, cr := range crs.Items {
			if strings.HasPrefix(cr.Name, "system:") || cr.Name == "view" || cr.Name == "edit" || cr.Name == "admin" {
				continue
			}
			names = append(names, cr.Name)
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, rbac.RoleRef{Kind: "ClusterRole", Name: n})
		}
	}
	if namespace == "" {
		return out, nil
	}
	if len(validation.IsDNS1123Label(namespace)) > 0 {
		return nil, ErrNamespace
	}
	rs, err := s.cs.RbacV1().Roles(namespace).List(ctx, opts)
	if err != nil && !apierrors.IsForbidden(err) {
		return nil, fmt.Errorf("list the Roles in %s: %w", namespace, err)
	}
	if err == nil {
		for _, r := range rs.Items {
			out = append(out, rbac.RoleRef{Kind: "Role", Name: r.Name, Namespace: namespace})
		}
	}
	return out, nil
}
