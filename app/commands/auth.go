package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	authnv1 "k8s.io/api/authentication/v1"
	authnv1beta1 "k8s.io/api/authentication/v1beta1"
	authzv1 "k8s.io/api/authorization/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
)

// StatusTimeout bounds the reachability check: a cluster that accepts
// connections and never answers is reported unreachable after it.
const StatusTimeout = 5 * time.Second

// ClusterState is how a cluster connection is: ready to use, signed out,
// unreachable, or misconfigured (its kubeconfig entry cannot be used).
type ClusterState string

// Cluster states reported by ClusterStatus.
const (
	StateReady         ClusterState = "ready"
	StateSignedOut     ClusterState = "signed-out"
	StateUnreachable   ClusterState = "unreachable"
	StateMisconfigured ClusterState = "misconfigured"
)

// AuthSource is where a connection's credentials come from: the
// kubeconfig's own, or a token entered in Kubedeck.
type AuthSource string

// Where credentials come from.
const (
	AuthKubeconfig AuthSource = "kubeconfig"
	AuthToken      AuthSource = "token"
)

// ClusterStatus is what the UI needs to know about one cluster connection.
type ClusterStatus struct {
	Context    string       `json:"context"`
	State      ClusterState `json:"state"`
	Message    string       `json:"message,omitempty"`
	Server     string       `json:"server"`
	GitVersion string       `json:"gitVersion,omitempty"`
	User       string       `json:"user,omitempty"`
	Groups     []string     `json:"groups"`
	// Auth is "kubeconfig" or "token" (a token the user entered).
	Auth AuthSource `json:"auth"`
	// TokenStorage is where entered tokens are kept: keyring or memory.
	TokenStorage credentials.Storage `json:"tokenStorage"`
}

// ClusterStatus checks a cluster within StatusTimeout and says who the user
// is there. It never fails for cluster trouble: that is in State.
func (c *Commands) ClusterStatus(contextName string) (ClusterStatus, error) {
	return guard(c, "ClusterStatus", func() (ClusterStatus, error) {
		out := ClusterStatus{Context: contextName, Groups: []string{}, Auth: AuthKubeconfig,
			TokenStorage: c.s.Clusters().Tokens().Storage()}
		conn, err := c.s.Clusters().Get(contextName)
		if errors.Is(err, cluster.ErrUnknownContext) {
			return out, err
		}
		if err != nil {
			out.State, out.Message = StateMisconfigured, err.Error()
			return out, nil
		}
		out.Server = conn.Config.Host
		if conn.EnteredToken {
			out.Auth = AuthToken
		}
		if conn.NeedsSignIn {
			out.State, out.Message = StateSignedOut, "This cluster's kubeconfig entry has no credentials: sign in with a token."
			return out, nil
		}
		ctx, cancel := context.WithTimeout(context.Background(), StatusTimeout)
		defer cancel()
		who, err := whoAmI(ctx, conn.Clientset)
		if err != nil {
			out.State, out.Message = classify(conn, err)
			return out, nil
		}
		out.State, out.User, out.Groups, out.Message = StateReady, who.Username, append(out.Groups, who.Groups...), who.unknown
		out.GitVersion = serverVersion(ctx, conn.Clientset)
		return out, nil
	})
}

// identity is who the cluster says the user is; unknown says why it
// cannot tell, when it cannot.
type identity struct {
	authnv1.UserInfo
	unknown string
}

// whoAmI asks the cluster who the credentials belong to: SelfSubjectReview
// (v1 since Kubernetes 1.28, v1beta1 in 1.27). A cluster that serves
// neither, or forbids it, still checks the credentials: a
// SelfSubjectAccessReview answers 401 for rejected ones, and then the user
// is unknown but the cluster reachable.
func whoAmI(ctx context.Context, cs kubernetes.Interface) (identity, error) {
	r, err := cs.AuthenticationV1().SelfSubjectReviews().Create(ctx, &authnv1.SelfSubjectReview{}, metav1.CreateOptions{})
	if err == nil {
		return identity{UserInfo: r.Status.UserInfo}, nil
	}
	if !apierrors.IsNotFound(err) && !apierrors.IsForbidden(err) {
		return identity{}, err
	}
	if b, berr := cs.AuthenticationV1beta1().SelfSubjectReviews().Create(ctx, &authnv1beta1.SelfSubjectReview{}, metav1.CreateOptions{}); berr == nil {
		return identity{UserInfo: authnv1.UserInfo(b.Status.UserInfo)}, nil
	}
	why := "it does not serve SelfSubjectReviews (Kubernetes before 1.28)"
	if apierrors.IsForbidden(err) {
		why = "you may not create SelfSubjectReviews"
	}
	review := &authzv1.SelfSubjectAccessReview{Spec: authzv1.SelfSubjectAccessReviewSpec{
		ResourceAttributes: &authzv1.ResourceAttributes{Verb: "get", Resource: "namespaces"}}}
	if _, err := cs.AuthorizationV1().SelfSubjectAccessReviews().Create(ctx, review, metav1.CreateOptions{}); err != nil && !apierrors.IsForbidden(err) {
		return identity{}, err // 403 too means the credentials were accepted
	}
	return identity{unknown: "The cluster answers, but cannot tell who you are: " + why + "."}, nil
}

// serverVersion is the cluster's git version, "" when it does not say.
func serverVersion(ctx context.Context, cs kubernetes.Interface) string {
	v, err := discovery.ToServerVersionInterfaceWithContext(cs.Discovery()).ServerVersionWithContext(ctx)
	if err != nil {
		return ""
	}
	return v.GitVersion
}

// classify maps a failed request to a state and a message a user can act on.
func classify(conn *cluster.Conn, err error) (ClusterState, string) {
	msg := err.Error()
	switch {
	case apierrors.IsUnauthorized(err):
		return StateSignedOut, "The cluster did not accept your credentials (they may have expired): sign in again."
	case strings.Contains(msg, "getting credentials") || strings.Contains(msg, "exec plugin"):
		return StateSignedOut, "The kubeconfig's credential plugin failed: " + msg
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "deadline exceeded") || strings.Contains(msg, "Client.Timeout"):
		return StateUnreachable, fmt.Sprintf("%s did not answer within %s.", conn.Config.Host, StatusTimeout)
	}
	return StateUnreachable, fmt.Sprintf("Cannot reach %s: %s", conn.Config.Host, msg)
}

// SignInResult says who the token belongs to.
type SignInResult struct {
	User    string              `json:"user"`
	Groups  []string            `json:"groups"`
	Storage credentials.Storage `json:"storage"`
}

// SignIn checks a bearer token against the cluster of a context at once
// (SelfSubjectReview) and, if it is accepted, uses it for every request to
// that cluster from now on. The token is never returned or logged.
func (c *Commands) SignIn(contextName, token string) (SignInResult, error) {
	return guard(c, "SignIn", func() (SignInResult, error) {
		token = strings.TrimSpace(token)
		if token == "" {
			return SignInResult{}, errors.New("paste a token first")
		}
		snap, _ := c.s.Clusters().Store().Snapshot()
		kctx, ok := snap.Context(contextName)
		if !ok {
			return SignInResult{}, fmt.Errorf("context %q: %w", contextName, cluster.ErrUnknownContext)
		}
		rc, err := cluster.RESTConfig(snap.Config, contextName, token)
		if err != nil {
			return SignInResult{}, err
		}
		rc.Timeout = StatusTimeout
		cs, err := kubernetes.NewForConfig(rc)
		if err != nil {
			return SignInResult{}, fmt.Errorf("sign in: %w", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), StatusTimeout)
		defer cancel()
		who, err := whoAmI(ctx, cs)
		if apierrors.IsUnauthorized(err) {
			return SignInResult{}, errors.New("the cluster rejected this token (401): check it has not expired and belongs to this cluster")
		}
		if err != nil {
			return SignInResult{}, fmt.Errorf("could not check the token: %w", err)
		}
		tokens := c.s.Clusters().Tokens()
		if err := tokens.Set(credentials.Key(contextName, kctx.Server), token); err != nil {
			return SignInResult{}, err
		}
		c.s.Clusters().Forget(contextName)
		c.s.Log().Info("signed in with a token", "context", contextName, "user", who.Username)
		return SignInResult{User: who.Username, Groups: append([]string{}, who.Groups...), Storage: tokens.Storage()}, nil
	})
}

// SignOut forgets the token entered for a context.
func (c *Commands) SignOut(contextName string) (ClusterStatus, error) {
	return guard(c, "SignOut", func() (ClusterStatus, error) {
		snap, _ := c.s.Clusters().Store().Snapshot()
		if kctx, ok := snap.Context(contextName); ok {
			if err := c.s.Clusters().Tokens().Delete(credentials.Key(contextName, kctx.Server)); err != nil {
				return ClusterStatus{}, err
			}
		}
		c.s.Clusters().Forget(contextName)
		return c.ClusterStatus(contextName)
	})
}
