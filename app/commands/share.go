package commands

import (
	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/rbac"
	"github.com/kubedeck/kubedeck/app/share"
)

func sharer(conn *cluster.Conn) *share.Sharer {
	return share.New(conn.Clientset, conn.Config, conn.Context.Cluster)
}

// ShareRoles are the roles a share in namespace may grant: the built-in
// view, edit and admin first, then the other ClusterRoles (not system:
// ones) and the namespace's Roles, as far as the user may list them.
func (c *Commands) ShareRoles(contextName, namespace string) ([]rbac.RoleRef, error) {
	return guard(c, "ShareRoles", func() ([]rbac.RoleRef, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := sharer(conn).Roles(ctx, namespace)
		if err != nil {
			return nil, describe(conn, err)
		}
		return out, nil
	})
}

// SharePreview shows the exact objects a share would create, dry-run on
// the server (so a request RBAC would refuse fails here, before anything
// exists).
func (c *Commands) SharePreview(contextName string, req share.Request) (share.Preview, error) {
	return guard(c, "SharePreview", func() (share.Preview, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return share.Preview{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := sharer(conn).Preview(ctx, req)
		if err != nil {
			return share.Preview{}, describe(conn, err)
		}
		return out, nil
	})
}

// ShareCreate creates a share and returns its token, once: Kubedeck keeps
// no copy and logs none.
func (c *Commands) ShareCreate(contextName string, req share.Request) (share.Created, error) {
	return guard(c, "ShareCreate", func() (share.Created, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return share.Created{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		// Who shared goes on the share; a cluster that cannot say leaves it out.
		who, _ := whoAmI(ctx, conn.Clientset)
		out, err := sharer(conn).Create(ctx, req, who.Username)
		c.logChange("share", contextName, false, err)
		if err != nil {
			return share.Created{}, describe(conn, err)
		}
		return out, nil
	})
}

// Shares lists what was shared in namespace ("" for every namespace the
// user may list ServiceAccounts in), newest first.
func (c *Commands) Shares(contextName, namespace string) ([]share.Share, error) {
	return guard(c, "Shares", func() ([]share.Share, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := sharer(conn).List(ctx, namespace)
		if err != nil {
			return nil, describe(conn, err)
		}
		return out, nil
	})
}

// ShareRevoke deletes a share's bindings, Role and ServiceAccount, which
// invalidates every token minted for it.
func (c *Commands) ShareRevoke(contextName, namespace, name string) (share.Revoked, error) {
	return guard(c, "ShareRevoke", func() (share.Revoked, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return share.Revoked{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := sharer(conn).Revoke(ctx, namespace, name)
		c.logChange("revoke share", contextName, false, err)
		if err != nil {
			return share.Revoked{}, describe(conn, err)
		}
		return out, nil
	})
}
