// Package access answers "may this user do that?" with
// SelfSubjectAccessReviews, asked in parallel and cached per connection (a
// connection carries one identity; signing in or out makes a new one, so the
// cache is dropped with it). The cache is bounded (MaxEntries, least recently
// used evicted first) and answers expire after TTL, so RBAC changes show up.
// The UI uses it to disable forbidden actions with the missing permission named, and to mark kinds the user cannot list.
package access
