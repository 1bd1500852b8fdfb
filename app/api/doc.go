// Package api is the HTTP surface shared by both shells: commands as
// POST /api/call/{Method} (JSON in, JSON out) and bulk data as
// newline-delimited JSON streams under /api/stream/. The desktop shell mounts
// it as Wails AssetServer middleware; the browser shell behind its login.
//
// # Sessions
//
// Every request runs for one session.Session, found by the shell's
// Resolver (the desktop has one; the browser shell one per login). A
// request without one is answered 401, a context the session does not know
// 404 (session and connOf in scope.go: every handler starts with them).
//
// # Commands
//
// POST /api/call/{Method} calls a method of commands.For(session) through
// commands.Dispatcher (dispatch.go; the desktop's commands.Gate uses the
// same one): the arguments are a JSON array, the answer the
// method's result, or {"error": ...} with 400 (bad arguments), 404 (no such
// command) or 422 (the command failed).
//
// # Streams
//
// Each /api/stream/ endpoint writes NDJSON lines with package ndjson: list
// and lists (table rows, app/resources), object and objects (whole
// objects), logs, terminal, drain, contexts, apiresources and plugins.
// Every line has a "type"; the lines this package writes itself are the
// structs of lines.go. Idle streams send a heartbeat every keepAlive. A
// client may name its stream (StreamHeader) and stop it with
// POST /api/stream/cancel (the desktop's webview never cancels a request).
// The TypeScript types of every command and line are generated from these
// Go types by app/contract.
//
// # One connection for all streams
//
// A browser opens at most six HTTP/1.1 connections to a host, and a live
// stream holds one, so the page runs its GET streams over one
// GET /api/stream/mux (mux.go): POST /api/stream/mux/open?mux= starts a
// stream on it, served by the same handler as a request of its own (same
// session, same checks, same cancel), its answer framed as MuxStart,
// MuxData (the bytes follow) and MuxEnd. The mux's end ends its streams.
//
// # Plugin frames
//
// WithFrames adds /plugin-frame/<token>/ (frame.go): the sandboxed
// document of a plugin's frame (the built frame.html with a strict CSP, as
// a header and as a <meta>), the built assets/ and the plugin's approved
// files under plugin/. GET and HEAD only; the token (session.FrameToken)
// is the only credential, found by the shell's FrameSessions; anything
// else under the prefix is a 404, /api/ included.
//
// # Failure
//
// Every route runs under one recover: a panic is logged with its stack and
// answered with a 500, or an error line once a stream has started.
package api
