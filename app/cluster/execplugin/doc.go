// Package execplugin runs kubeconfig exec credential plugins through a small
// wrapper: the Kubedeck binary itself, started by client-go in place of the
// plugin. client-go sends a plugin's stderr to the app's own stderr (where a
// desktop app's user never sees hints like "run aws sso login") and waits
// for it without a limit. The wrapper starts the real plugin with the same
// arguments, environment and stdin, passes its stdout through (the
// ExecCredential client-go reads), keeps the last StderrLimit bytes of its
// stderr, stops it after a timeout, and leaves a Report in a file the app
// reads when the plugin failed. client-go keeps doing everything else
// (caching, expiry, certificates, refresh on 401).
//
// A binary opts in by calling Serve first thing in main (and a test binary in
// TestMain): only then does Available report the wrapper, so a binary that
// cannot act as the wrapper is never started as one.
package execplugin
