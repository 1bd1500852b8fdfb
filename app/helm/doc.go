// Package helm reads and changes Helm releases under the user's own
// credentials: it owns Kubedeck's view of Helm's release store.
//
// # Releases list
//
// Watch follows the storage objects Helm writes (Secrets of type
// helm.sh/release.v1, and ConfigMaps for the older driver, both labelled
// owner=helm) with client-go informers and sends the releases they make up:
// the whole list once synced, then coalesced changes. Only what the list
// shows is decoded (gzip, base64, JSON), and only for revisions that can be
// a release's newest; superseded revisions keep their labels alone, so
// memory grows with the releases, not with their history. A namespace the
// user may not list is reported once, with the permission it needs, and
// not retried.
//
// # Details and history
//
// Details, Revision and History use Helm's Go SDK (helm.sh/helm/v4
// pkg/action) exactly as `helm status`, `helm get values [-a]`, `helm get
// manifest` and `helm history` do. Objects lists what a release's manifest
// owns and whether each exists; Drift compares one object's rendered form
// with the fields of its live form that the manifest sets.
//
// # Actions
//
// Rollback, Uninstall, Upgrade (with edited values, from the chart stored
// in the release) and Install (from a local chart folder or archive) run
// Helm's actions, each with a dry run first where Helm has one. Helm's
// kube client gets a RESTClientGetter over the connection's rest.Config: no
// kubeconfig is read and nothing is written under $HOME.
package helm
