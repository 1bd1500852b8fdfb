package rbac

import rbacv1 "k8s.io/api/rbac/v1"

// SubjectKind is the kind of a binding's subject.
type SubjectKind string

// The subject kinds RBAC knows.
const (
	User           SubjectKind = "User"
	Group          SubjectKind = "Group"
	ServiceAccount SubjectKind = "ServiceAccount"
)

// Subject is who a binding grants to. Namespace is set for service
// accounts only.
type Subject struct {
	Kind      SubjectKind `json:"kind"`
	Name      string      `json:"name"`
	Namespace string      `json:"namespace,omitempty"`
}

// Snapshot is the RBAC objects a Matrix is built from. Missing names the
// kinds the user may not list ("needs: list rolebindings in team-a"); what
// they would grant is not in the matrix.
type Snapshot struct {
	ClusterRoles        []rbacv1.ClusterRole
	ClusterRoleBindings []rbacv1.ClusterRoleBinding
	Roles               []rbacv1.Role
	RoleBindings        []rbacv1.RoleBinding
	Missing             []string
}

// Column is one resource of the matrix: group/resource[/subresource], with
// the verbs discovery says it supports.
type Column struct {
	Group       string   `json:"group"`
	Resource    string   `json:"resource"`
	Subresource string   `json:"subresource,omitempty"`
	Namespaced  bool     `json:"namespaced"`
	Verbs       []string `json:"verbs"`
}

// RoleRef names a Role or ClusterRole.
type RoleRef struct {
	// Kind is Role or ClusterRole.
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
}

// Grant is one binding that grants a row something: which binding, which
// role, and through which subject (the row itself, or a group it is
// implied to be in).
type Grant struct {
	// BindingKind is RoleBinding or ClusterRoleBinding.
	BindingKind      string  `json:"bindingKind"`
	BindingName      string  `json:"bindingName"`
	BindingNamespace string  `json:"bindingNamespace,omitempty"`
	Role             RoleRef `json:"role"`
	// Via is the subject the binding names, when it is not the row's own
	// (e.g. the group system:authenticated for a user).
	Via *Subject `json:"via,omitempty"`
	// Missing says the role could not be read (not found, or not listed):
	// the binding is known, what it grants is not.
	Missing bool `json:"missing,omitempty"`
}

// Cell is what a row may do on one column: for each verb, the indexes
// (into the row's Grants) of the grants allowing it. Verbs allowed only
// for some object names are in Named, with those names.
type Cell struct {
	Verbs map[string][]int    `json:"verbs,omitempty"`
	Named map[string][]string `json:"named,omitempty"`
}

// DangerKind names a wide or dangerous grant.
type DangerKind string

// The dangers a row is flagged with.
const (
	WildcardVerbs     DangerKind = "wildcard-verbs"
	WildcardResources DangerKind = "wildcard-resources"
	Escalate          DangerKind = "escalate"
	Bind              DangerKind = "bind"
	Impersonate       DangerKind = "impersonate"
	SecretsCluster    DangerKind = "secrets-cluster-wide"
	ClusterAdmin      DangerKind = "cluster-admin"
	Authenticated     DangerKind = "all-authenticated"
	Unauthenticated   DangerKind = "unauthenticated"
)

// Danger is one dangerous grant of a row: what, and the grant (an index
// into the row's Grants) it comes from.
type Danger struct {
	Kind  DangerKind `json:"kind"`
	Grant int        `json:"grant"`
	// Default marks a grant Kubernetes makes itself (a binding labelled
	// kubernetes.io/bootstrapping: rbac-defaults), e.g. the discovery
	// roles every authenticated user has.
	Default bool `json:"default,omitempty"`
}

// Row is one subject of the matrix. Cells line up with Matrix.Columns
// (null where it may do nothing).
type Row struct {
	Subject Subject  `json:"subject"`
	System  bool     `json:"system"`
	Grants  []Grant  `json:"grants"`
	Cells   []*Cell  `json:"cells"`
	Dangers []Danger `json:"dangers"`
}

// Matrix is who can do what in a namespace ("" for cluster-wide grants
// only).
type Matrix struct {
	Namespace string   `json:"namespace"`
	Columns   []Column `json:"columns"`
	Rows      []Row    `json:"rows"`
	// Missing names what the user may not list, so the matrix lacks it.
	Missing []string `json:"missing"`
}

// RuleRow is one line of `kubectl auth can-i --list`.
type RuleRow struct {
	Resources       []string `json:"resources"`
	NonResourceURLs []string `json:"nonResourceURLs"`
	ResourceNames   []string `json:"resourceNames"`
	Verbs           []string `json:"verbs"`
}

// Source says where an answer comes from.
type Source string

// The sources of a subject's access.
const (
	// FromServer: the API server answered (SubjectAccessReview,
	// SelfSubjectRulesReview), every authorizer included.
	FromServer Source = "server"
	// FromRBAC: computed here from the RBAC objects the user may read.
	FromRBAC Source = "rbac"
)

// Allowed is one column's verbs for a subject, and where they come from.
type Allowed struct {
	Column Column   `json:"column"`
	Verbs  []string `json:"verbs"`
	Source Source   `json:"source"`
}

// SubjectAccess is everything one subject may do in a namespace: its
// rules (as kubectl auth can-i --list) and, per column, the verbs allowed,
// with where the cells come from (Source: the server when it answered the
// main columns, each cell saying which it is).
type SubjectAccess struct {
	Subject   Subject   `json:"subject"`
	Namespace string    `json:"namespace"`
	Rules     []RuleRow `json:"rules"`
	Cells     []Allowed `json:"cells"`
	Source    Source    `json:"source"`
	// Note explains the source, e.g. why the server was not asked.
	Note    string   `json:"note,omitempty"`
	Missing []string `json:"missing"`
}

// RulesReview is what the signed-in user may do in a namespace, from
// SelfSubjectRulesReview.
type RulesReview struct {
	Namespace string    `json:"namespace"`
	Rules     []RuleRow `json:"rules"`
	// Incomplete: an authorizer could not list its rules (the user may
	// still be allowed more).
	Incomplete      bool   `json:"incomplete"`
	EvaluationError string `json:"evaluationError,omitempty"`
}
