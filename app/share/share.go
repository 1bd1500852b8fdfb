package share

import (
	"context"
	"errors"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// Sharer shares access to one cluster.
type Sharer struct {
	cs          kubernetes.Interface
	config      *rest.Config
	clusterName string
}

// New returns a Sharer acting through cs; config and clusterName are what
// the recipient's kubeconfig points at.
func New(cs kubernetes.Interface, config *rest.Config, clusterName string) *Sharer {
	return &Sharer{cs: cs, config: config, clusterName: clusterName}
}

var errTodo = errors.New("not built yet")

// Roles are the roles a share in namespace may grant.
func (s *Sharer) Roles(ctx context.Context, namespace string) ([]rbac.RoleRef, error) {
	return nil, errTodo
}

// Preview dry-runs req.
func (s *Sharer) Preview(ctx context.Context, req Request) (Preview, error) { return Preview{}, errTodo }

// Create creates req's share and mints its token.
func (s *Sharer) Create(ctx context.Context, req Request) (Created, error) { return Created{}, errTodo }

// List finds the shares in namespace ("" for all).
func (s *Sharer) List(ctx context.Context, namespace string) ([]Share, error) { return nil, errTodo }

// Revoke deletes the share name in namespace.
func (s *Sharer) Revoke(ctx context.Context, namespace, name string) (Revoked, error) {
	return Revoked{}, errTodo
}
