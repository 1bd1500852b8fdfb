// Package rbaclive reads a cluster's access for the rbac package: the RBAC
// objects, once or live (client-go informers: listed, then watched,
// relisted and reconnected by client-go), the resource columns from
// discovery, and the API server's own answers (SubjectAccessReview for a
// subject when the user may ask it, SelfSubjectRulesReview for the user).
package rbaclive
