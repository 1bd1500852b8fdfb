// Package serve is the browser shell: it serves the same UI and API as the
// desktop window over net/http, behind a launch token that is exchanged for
// an HttpOnly, SameSite=Strict session cookie.
//
// # Listening
//
// It binds to loopback unless told otherwise (and then wants TLS or an
// explicit --insecure-http behind a TLS-terminating proxy), and checks the
// Host and Origin of every request.
//
// # Sessions
//
// Each login gets its own session.Session (Options.NewSession): its own
// tokens, terminals and forwards. Sessions end when idle, too old, signed
// out or over the cap (the longest idle makes room), and what they started
// is closed with them.
//
// # Plugin frames
//
// /plugin-frame/<token>/ GETs are the one thing served without the cookie
// and from "Origin: null" (a sandboxed plugin frame, frames.go): the token
// is their credential and opens only that frame's files. Every other
// request from such a frame is refused by the Origin check, and has no
// session anyway.
package serve
