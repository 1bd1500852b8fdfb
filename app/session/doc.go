// Package session owns what one user of Kubedeck works with: the cluster
// connections (with that user's credentials), the terminal sessions and
// port-forwards started from them, and the process-wide settings and plugin
// catalog they see. In the browser shell each login has a Session, in the
// desktop the app has one; app/api serves a request for its Session and
// app/commands operates over one.
//
// # Connections
//
// Conn returns the connection to a context's cluster; Writable and
// DrainConn the same for a change, refused (ErrReadOnly) when the user
// made the context read-only or the settings cannot be read.
//
// # Terminals and forwards
//
// Terminals and Forwards are created with the Session and end with it
// (Close: at logout, session expiry and app exit).
//
// # Plugins
//
// StateOf decides a plugin's state from the user's approval (pinned to its
// hash) and switch; EnabledPlugin returns a plugin whose files may be
// served; PluginDirs are the folders the plugin stream watches.
package session
