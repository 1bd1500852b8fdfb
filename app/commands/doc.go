// Package commands is the set of small request/response operations the
// frontend calls: through the one Wails binding Gate in the desktop shell
// and as POST /api/call/{Method} in both shells, both dispatched by name
// by Dispatcher.
//
// # Commands
//
// Every exported method of Commands returning (result, error) is such a
// command (Methods lists them; app/contract generates their TypeScript
// signatures). Each runs its body through guard, which turns a panic into
// an error, and returns plain JSON-safe DTOs, so a failing command can
// never take the app down. What only the Go side uses is a function, not a
// method (Close, For, New), so it is never dispatched.
//
// # Gate
//
// The desktop binds a Gate, not the Commands: WebKit lets every frame of
// the page post to Wails, plugin frames included, so Gate.Call answers
// only calls that carry the per-launch app key (ErrWrongKey otherwise).
//
// # State
//
// Commands hold no state of their own: they are the operations over one
// session.Session (its cluster connections, terminals, forwards, settings
// and plugins). For(s) is cheap; the shells make the Session.
//
// # Writes
//
// Every command that changes something goes through Session.Writable, so a
// context the user switched to read-only refuses it (ErrReadOnly), and
// fails closed when the settings cannot be read.
package commands
