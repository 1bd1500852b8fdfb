// Package rbac answers "who can do what" from the RBAC objects themselves:
// Roles, ClusterRoles (aggregation included) and their bindings, as the
// API server's RBAC authorizer reads them. It is pure: it is handed a
// Snapshot and computes, with no client.
//
// # Matrix
//
// Build turns a Snapshot into a Matrix for one namespace (or the cluster):
// a row per subject found in the bindings (users, groups, service
// accounts), a column per resource, and in each cell the verbs the subject
// has there with the grants (binding → role) behind each verb. A user or
// service account row includes what its implied groups are granted
// (system:authenticated, system:serviceaccounts[:ns]), as the API server
// does for an authenticated request; other group memberships are unknown
// to the cluster and are shown on the group's own row.
//
// # Rules
//
// RulesFor lists everything one subject may do in the shape of
// `kubectl auth can-i --list` (resources, non-resource URLs, resource
// names, verbs), merged the same way.
//
// # Dangers
//
// Every row carries the wide or dangerous grants it holds: wildcard verbs
// or resources, escalate/bind/impersonate, Secrets readable cluster-wide,
// cluster-admin, and bindings to system:authenticated or
// system:unauthenticated.
package rbac
