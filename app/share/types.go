package share

import (
	"time"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// Labels and annotations a share's objects carry.
const (
	// LabelShare marks every object of a share; its value is the share's
	// name (the ServiceAccount's).
	LabelShare = "kubedeck.io/share"
	// LabelManagedBy is app.kubernetes.io/managed-by: kubedeck.
	LabelManagedBy = "app.kubernetes.io/managed-by"
	ManagedBy      = "kubedeck"
	// AnnotationExpires is when the share's token expires (RFC 3339).
	AnnotationExpires = "kubedeck.io/expires-at"
	// AnnotationSharedBy is the user who shared.
	AnnotationSharedBy = "kubedeck.io/shared-by"
	// AnnotationRecipient is who the share is for, as typed.
	AnnotationRecipient = "kubedeck.io/recipient"
	// AnnotationRole is what it grants, e.g. "ClusterRole/edit".
	AnnotationRole = "kubedeck.io/role"
	// LabelShareNamespace is on a share's cluster-scoped objects: the
	// namespace of its ServiceAccount.
	LabelShareNamespace = "kubedeck.io/share-namespace"
)

// Durations a token may have: the API server refuses less than 10 minutes
// and may cap it lower than asked (--service-account-max-token-expiration).
const (
	MinDuration     = 10 * time.Minute
	DefaultDuration = 8 * time.Hour
	MaxDuration     = 7 * 24 * time.Hour
)

// Rule is one rule of a custom role, as the form builds it.
type Rule struct {
	APIGroups []string `json:"apiGroups"`
	Resources []string `json:"resources"`
	Verbs     []string `json:"verbs"`
}

// Request is what the Share form asks for.
type Request struct {
	// Recipient is who the access is for (a person's name or e-mail); the
	// ServiceAccount is named after it.
	Recipient string `json:"recipient"`
	// Namespace holds the ServiceAccount and scopes the RoleBinding.
	Namespace string `json:"namespace"`
	// ClusterWide binds with a ClusterRoleBinding instead (every namespace).
	ClusterWide bool `json:"clusterWide"`
	// RoleKind is ClusterRole or Role (an existing one, by RoleName), or
	// "" for the custom Rules.
	RoleKind string `json:"roleKind"`
	RoleName string `json:"roleName"`
	Rules    []Rule `json:"rules"`
	// DurationSeconds is the token's lifetime (default 8 h).
	DurationSeconds int64 `json:"durationSeconds"`
	// Name is the share's name from its Preview, so Create makes exactly
	// what was previewed ("" makes a new one).
	Name string `json:"name,omitempty"`
}

// Object is one object a share creates: its identity and its YAML (as the
// server's dry-run returned it, in a preview).
type Object struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	YAML      string `json:"yaml"`
}

// Preview is what a share would create, dry-run on the server.
type Preview struct {
	Name    string   `json:"name"`
	Objects []Object `json:"objects"`
	// Warnings are for the person sharing (a cluster-wide binding, a wide
	// role).
	Warnings []string `json:"warnings"`
	Expires  string   `json:"expires"`
	// Grants is what the recipient may do with it, as kubectl auth can-i
	// --list prints rules (the role's rules, aggregation included).
	Grants []rbac.RuleRow `json:"grants"`
}

// Created is a share made: its objects, the token (shown once) and a
// kubeconfig for the recipient. ExpiresAt is what the API server granted,
// which may be sooner than asked.
type Created struct {
	Share      Share  `json:"share"`
	Token      string `json:"token"`
	Kubeconfig string `json:"kubeconfig"`
	// Capped says the API server granted a shorter lifetime than asked.
	Capped bool `json:"capped"`
}

// Share is one share found by its label.
type Share struct {
	Name        string   `json:"name"`
	Namespace   string   `json:"namespace"`
	Recipient   string   `json:"recipient"`
	Role        string   `json:"role"`
	ClusterWide bool     `json:"clusterWide"`
	SharedBy    string   `json:"sharedBy,omitempty"`
	Created     string   `json:"created"`
	ExpiresAt   string   `json:"expiresAt"`
	Expired     bool     `json:"expired"`
	Objects     []Object `json:"objects"`
}

// Revoked is what Revoke deleted.
type Revoked struct {
	Deleted []Object `json:"deleted"`
}
