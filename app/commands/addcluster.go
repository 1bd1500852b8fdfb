package commands

import (
	"errors"
	"fmt"

	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
)

var errNoManaged = errors.New("adding clusters is only available in the desktop app")

// ReviewKubeconfig lists what a pasted kubeconfig would run or read on this
// computer once added: per user, the exec plugin's command, arguments and
// environment, the auth provider, and every local file (tokenFile, client
// certificate and key, certificate authority), with relative paths resolved
// as they would be. Nothing is added, nothing runs.
func (c *Commands) ReviewKubeconfig(pasted string) (kubeconfig.Review, error) {
	return guard(c, "ReviewKubeconfig", func() (kubeconfig.Review, error) {
		if c.s.Managed() == nil {
			return kubeconfig.Review{}, errNoManaged
		}
		return kubeconfig.ReviewKubeconfig([]byte(pasted), c.s.Managed().Path())
	})
}

// AddKubeconfig adds every context of a pasted kubeconfig to the app's own
// kubeconfig file, and returns their names. A paste that would run a
// program or read a local file is refused unless consent is the Consent of
// its ReviewKubeconfig, i.e. the user allowed exactly that.
func (c *Commands) AddKubeconfig(pasted, consent string) ([]string, error) {
	return guard(c, "AddKubeconfig", func() ([]string, error) {
		if c.s.Managed() == nil {
			return nil, errNoManaged
		}
		review, err := kubeconfig.ReviewKubeconfig([]byte(pasted), c.s.Managed().Path())
		if err != nil {
			return nil, err
		}
		if err := review.CheckConsent(consent); err != nil {
			c.s.Log().Info("pasted kubeconfig refused: it runs or reads local things without consent", "contexts", review.Contexts)
			return nil, err
		}
		snap, _ := c.s.Clusters().Store().Snapshot()
		added, err := c.s.Managed().AddKubeconfig([]byte(pasted), func(name string) bool {
			_, ok := snap.Context(name)
			return ok
		})
		if err != nil {
			return nil, err
		}
		c.s.Log().Info("clusters added from a pasted kubeconfig", "contexts", added, "allowed", len(review.Items))
		return added, nil
	})
}

// AddServer adds a cluster by server URL, CA certificate (PEM, may be empty
// to use the system roots) and bearer token. The token is checked at once
// and kept like any entered token; the cluster is not added if it fails.
func (c *Commands) AddServer(name, server, caPEM, token string) (SignInResult, error) {
	return guard(c, "AddServer", func() (SignInResult, error) {
		if c.s.Managed() == nil {
			return SignInResult{}, errNoManaged
		}
		snap, _ := c.s.Clusters().Store().Snapshot()
		if _, ok := snap.Context(name); ok {
			return SignInResult{}, fmt.Errorf("a context named %q exists already", name)
		}
		if err := c.s.Managed().AddServer(name, server, caPEM, false); err != nil {
			return SignInResult{}, err
		}
		res, err := c.SignIn(name, token)
		if err != nil {
			_ = c.s.Managed().Remove(name)
			return SignInResult{}, err
		}
		return res, nil
	})
}

// RemoveCluster removes a context that was added in the app, and forgets
// its token.
func (c *Commands) RemoveCluster(name string) (ContextList, error) {
	return guard(c, "RemoveCluster", func() (ContextList, error) {
		if c.s.Managed() == nil {
			return ContextList{}, errNoManaged
		}
		snap, _ := c.s.Clusters().Store().Snapshot()
		if kctx, ok := snap.Context(name); ok {
			if kctx.Source != c.s.Managed().Path() {
				return ContextList{}, fmt.Errorf("%q comes from %s; Kubedeck never edits your own kubeconfig files", name, kctx.Source)
			}
			_ = c.s.Clusters().Tokens().Delete(credentials.Key(name, kctx.Server))
		}
		if err := c.s.Managed().Remove(name); err != nil {
			return ContextList{}, err
		}
		c.s.Clusters().Forget(name)
		return c.Contexts()
	})
}
