package rbaclive

import (
	"context"
	"errors"

	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// Client reads access through one connection.
type Client struct {
	cs   kubernetes.Interface
	disc discovery.DiscoveryInterface
}

// ClientOf returns a Client over a connection's clientset and discovery.
func ClientOf(cs kubernetes.Interface, disc discovery.DiscoveryInterface) *Client {
	return &Client{cs: cs, disc: disc}
}

var errTodo = errors.New("not built yet")

// SubjectAccess is everything subject may do in namespace.
func (c *Client) SubjectAccess(ctx context.Context, namespace string, subject rbac.Subject) (rbac.SubjectAccess, error) {
	return rbac.SubjectAccess{}, errTodo
}

// MyAccess is what the user may do in namespace (SelfSubjectRulesReview).
func (c *Client) MyAccess(ctx context.Context, namespace string) (rbac.RulesReview, error) {
	return rbac.RulesReview{}, errTodo
}

// Watch sends the matrix of namespace ("" for cluster-wide grants) to
// send once the RBAC objects are listed and again after each change
// (changes within Settle coalesced), until ctx ends or send fails. Errors
// that client-go recovers from (a dropped watch) go to problem.
func (c *Client) Watch(ctx context.Context, namespace string, send func(rbac.Matrix) error, problem func(error)) error {
	return errTodo
}
