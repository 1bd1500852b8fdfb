// Package resources lists and watches any Kubernetes resource as server-side
// Table rows (the columns `kubectl get` prints) and streams them to a Sink:
// the first page quickly, the rest after it, then coalesced watch updates,
// relisting on 410 Gone and reconnecting with backoff when the watch drops.
//
// # Lists
//
// Lister.Stream sends Messages: columns, rows (page by page), synced (the
// list is complete), then events (upserts and deletes gathered for
// FlushInterval), heartbeat, and error (Retrying when it recovers by
// itself). CheckSegments validates what a query names before it becomes a
// URL path.
//
// # Objects
//
// StreamObject sends one object (ObjectMessage: its JSON and YAML) now and
// after each change, or that it was deleted. Secret values are redacted
// and managedFields dropped before anything leaves the package;
// RevealSecretValue reads one value on request.
package resources
