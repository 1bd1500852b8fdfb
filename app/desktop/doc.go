// Package desktop is the thin Wails adapter of the desktop shell: the window,
// its menu, the bound commands, and the API handler mounted as AssetServer
// middleware (so bulk data never travels through bindings or events, and no
// network port is opened). It is the only package that imports Wails.
//
// # Session
//
// The app has one session.Session (Options.Session): commands.For(it) is
// bound to the page, and the API handler serves every request for it.
//
// # Desktop citizenship
//
// One instance (a second launch brings the running window to the front),
// the window's size, place and zoom remembered across restarts, files saved
// through the native dialog (the webview ignores <a download>), the menu's
// edit commands, and a clean shutdown (Options.Shutdown) after the window
// closes.
package desktop
