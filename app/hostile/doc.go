// Package hostile holds no code: its tests send hostile input through the
// real HTTP API of both shells (the browser shell behind its login, and the
// API handler as the desktop mounts it) against the local cluster, and
// inject faults between Kubedeck and the API server (connections cut
// mid-page, 429 storms, hanging exec credential plugins, kubeconfigs
// rewritten in use). Each checks that the answer is a clear error, never a
// 5xx or a crash, and that no Secret value or token leaks into an answer or
// a log line.
package hostile
