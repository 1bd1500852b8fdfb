// Package share hands out least-privilege, short-lived access: for a
// recipient it creates a ServiceAccount and a RoleBinding (namespace-scoped
// unless a ClusterRoleBinding is asked for), and a Role when the rules are
// custom, all labelled as Kubedeck's share, then mints one token with the
// TokenRequest API (no long-lived Secret token) and writes a kubeconfig
// for the recipient. Preview shows the exact objects after a server
// dry-run; List finds the shares by their label; Revoke deletes the
// binding, the Role and the ServiceAccount, which invalidates its tokens.
//
// # Tokens
//
// The token is returned once, to the caller, and never logged or kept:
// nothing in this package writes it anywhere else.
package share
