// Package terminal runs commands in containers (kubectl exec -it) through
// client-go's remotecommand: the WebSocket executor, falling back to SPDY.
// The webview has no WebSockets, so a Session's output is read as a stream
// (NDJSON over HTTP) while input and resizes arrive as small requests. Every
// session ends when its command exits, when it is closed, or when the
// Manager closes (app exit).
package terminal
