package share

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	authnv1 "k8s.io/api/authentication/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
	"sigs.k8s.io/yaml"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// Sharer shares access to one cluster.
type Sharer struct {
	cs          kubernetes.Interface
	config      *rest.Config
	clusterName string
	now         func() time.Time
}

// New returns a Sharer acting through cs; config and clusterName are what
// the recipient's kubeconfig points at.
func New(cs kubernetes.Interface, config *rest.Config, clusterName string) *Sharer {
	return &Sharer{cs: cs, config: config, clusterName: clusterName, now: time.Now}
}

// Preview dry-runs req on the server: the objects as they would be
// created, or the server's refusal (RBAC refuses to grant what the user
// does not hold).
func (s *Sharer) Preview(ctx context.Context, req Request) (Preview, error) {
	if err := req.validate(); err != nil {
		return Preview{}, err
	}
	name := req.Name
	if name == "" {
		name = newName(req.Recipient)
	}
	o := build(req, name, "", s.now())
	made, err := s.create(ctx, o, []string{metav1.DryRunAll})
	if err != nil {
		return Preview{}, err
	}
	grants, err := s.grants(ctx, req)
	if err != nil {
		return Preview{}, err
	}
	return Preview{Name: name, Objects: made, Warnings: warnings(req), Expires: o.sa.Annotations[AnnotationExpires], Grants: grants}, nil
}

// grants are the rules req's role holds (a ClusterRole's as the
// aggregation controller wrote them).
func (s *Sharer) grants(ctx context.Context, req Request) ([]rbac.RuleRow, error) {
	var rules []rbacv1.PolicyRule
	switch req.RoleKind {
	case "":
		for _, r := range req.Rules {
			rules = append(rules, rbacv1.PolicyRule{APIGroups: r.APIGroups, Resources: r.Resources, Verbs: r.Verbs})
		}
	case "ClusterRole":
		cr, err := s.cs.RbacV1().ClusterRoles().Get(ctx, req.RoleName, metav1.GetOptions{})
		if err != nil {
			return nil, fmt.Errorf("read the ClusterRole %s: %w", req.RoleName, err)
		}
		rules = cr.Rules
	case "Role":
		r, err := s.cs.RbacV1().Roles(req.Namespace).Get(ctx, req.RoleName, metav1.GetOptions{})
		if err != nil {
			return nil, fmt.Errorf("read the Role %s: %w", req.RoleName, err)
		}
		rules = r.Rules
	}
	return rbac.Compact(rules), nil
}

func warnings(req Request) []string {
	out := []string{}
	if req.ClusterWide {
		out = append(out, "A ClusterRoleBinding grants this in every namespace, today's and future ones, not only "+req.Namespace+".")
	}
	switch req.RoleName {
	case "cluster-admin":
		out = append(out, "cluster-admin may do anything, anywhere: the recipient could take over the cluster.")
	case "admin":
		out = append(out, "admin may read Secrets and grant others access within the namespace.")
	}
	return out
}

// create creates o's objects in order (dry-run when dryRun is set) and
// returns them as the server answered.
func (s *Sharer) create(ctx context.Context, o objects, dryRun []string) ([]Object, error) {
	opts := metav1.CreateOptions{DryRun: dryRun, FieldManager: "kubedeck"}
	core, r := s.cs.CoreV1(), s.cs.RbacV1()
	var out []Object
	add := func(kind string, obj runtime.Object, err error) error {
		if err != nil {
			return fmt.Errorf("create the %s: %w", kind, err)
		}
		out = append(out, objectOf(kind, obj))
		return nil
	}
	sa, err := core.ServiceAccounts(o.sa.Namespace).Create(ctx, o.sa, opts)
	if err := add("ServiceAccount", sa, err); err != nil {
		return out, err
	}
	if o.role != nil {
		x, err := r.Roles(o.role.Namespace).Create(ctx, o.role, opts)
		if err := add("Role", x, err); err != nil {
			return out, err
		}
	}
	if o.clusterRole != nil {
		x, err := r.ClusterRoles().Create(ctx, o.clusterRole, opts)
		if err := add("ClusterRole", x, err); err != nil {
			return out, err
		}
	}
	if o.rb != nil {
		x, err := r.RoleBindings(o.rb.Namespace).Create(ctx, o.rb, opts)
		if err := add("RoleBinding", x, err); err != nil {
			return out, err
		}
	}
	if o.crb != nil {
		x, err := r.ClusterRoleBindings().Create(ctx, o.crb, opts)
		if err := add("ClusterRoleBinding", x, err); err != nil {
			return out, err
		}
	}
	return out, nil
}

// objectOf describes a created object, its YAML without managedFields.
func objectOf(kind string, obj runtime.Object) Object {
	m, _ := metaOf(obj)
	out := Object{Kind: kind}
	if m != nil {
		out.Name, out.Namespace = m.GetName(), m.GetNamespace()
		m.SetManagedFields(nil)
	}
	if b, err := yaml.Marshal(obj); err == nil {
		out.YAML = "apiVersion: " + apiVersion(kind) + "\nkind: " + kind + "\n" + string(b)
	}
	return out
}

func metaOf(obj runtime.Object) (metav1.Object, bool) {
	m, ok := obj.(metav1.Object)
	return m, ok
}

func apiVersion(kind string) string {
	if kind == "ServiceAccount" {
		return "v1"
	}
	return "rbac.authorization.k8s.io/v1"
}

// Create makes req's share and mints its token. When any step fails, what
// was made is deleted again: no half share is left behind.
func (s *Sharer) Create(ctx context.Context, req Request, sharedBy string) (Created, error) {
	if err := req.validate(); err != nil {
		return Created{}, err
	}
	name := req.Name
	if name == "" {
		name = newName(req.Recipient)
	}
	o := build(req, name, sharedBy, s.now())
	made, err := s.create(ctx, o, nil)
	if err != nil {
		return Created{}, errors.Join(err, s.undo(made))
	}
	secs := int64(req.duration() / time.Second)
	tr, err := s.cs.CoreV1().ServiceAccounts(req.Namespace).CreateToken(ctx, name,
		&authnv1.TokenRequest{Spec: authnv1.TokenRequestSpec{ExpirationSeconds: &secs}}, metav1.CreateOptions{})
	if err != nil {
		return Created{}, errors.Join(fmt.Errorf("mint the token: %w", err), s.undo(made))
	}
	expires := tr.Status.ExpirationTimestamp.Time
	asked := s.now().Add(req.duration())
	out := Created{Token: tr.Status.Token, Capped: expires.Before(asked.Add(-time.Minute))}
	if err := s.noteExpiry(ctx, req.Namespace, name, expires); err != nil {
		return Created{}, errors.Join(err, s.undo(made))
	}
	out.Kubeconfig, err = s.kubeconfig(name, req.Namespace, tr.Status.Token)
	if err != nil {
		return Created{}, errors.Join(err, s.undo(made))
	}
	share, err := s.get(ctx, req.Namespace, name)
	if err != nil {
		return Created{}, err
	}
	out.Share = share
	return out, nil
}

// noteExpiry writes the token's real expiry on the ServiceAccount.
func (s *Sharer) noteExpiry(ctx context.Context, namespace, name string, t time.Time) error {
	patch := fmt.Sprintf(`{"metadata":{"annotations":{%q:%q}}}`, AnnotationExpires, t.UTC().Format(time.RFC3339))
	_, err := s.cs.CoreV1().ServiceAccounts(namespace).Patch(ctx, name, "application/merge-patch+json", []byte(patch), metav1.PatchOptions{FieldManager: "kubedeck"})
	if err != nil {
		return fmt.Errorf("note the expiry: %w", err)
	}
	return nil
}

// undo deletes objects made by a Create that failed.
func (s *Sharer) undo(made []Object) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var errs []error
	for i := len(made) - 1; i >= 0; i-- {
		if err := s.deleteObject(ctx, made[i]); err != nil {
			errs = append(errs, fmt.Errorf("undo: %w", err))
		}
	}
	return errors.Join(errs...)
}

// kubeconfig is a kubeconfig for the recipient: this cluster, the token,
// the namespace.
func (s *Sharer) kubeconfig(name, namespace, token string) (string, error) {
	cluster := clientcmdapi.NewCluster()
	cluster.Server = s.config.Host
	cluster.TLSServerName = s.config.ServerName
	cluster.InsecureSkipTLSVerify = s.config.Insecure
	cluster.CertificateAuthorityData = s.config.CAData
	if len(cluster.CertificateAuthorityData) == 0 && s.config.CAFile != "" {
		ca, err := os.ReadFile(s.config.CAFile)
		if err != nil {
			return "", fmt.Errorf("read the cluster's CA for the kubeconfig: %w", err)
		}
		cluster.CertificateAuthorityData = ca
	}
	user := clientcmdapi.NewAuthInfo()
	user.Token = token
	c := clientcmdapi.NewContext()
	c.Cluster, c.AuthInfo, c.Namespace = s.clusterName, name, namespace
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters[s.clusterName] = cluster
	cfg.AuthInfos[name] = user
	cfg.Contexts[name] = c
	cfg.CurrentContext = name
	b, err := clientcmd.Write(*cfg)
	if err != nil {
		return "", fmt.Errorf("write the kubeconfig: %w", err)
	}
	return string(b), nil
}
