// Package desktop is the thin Wails adapter of the desktop shell: the window,
// its menu, the bound commands, and the API handler mounted as AssetServer
// middleware (so bulk data never travels through bindings or events, and no
// network port is opened). It is the only package that imports Wails.
//
// # Session
//
// The app has one session.Session (Options.Session): the API handler
// serves every request for it, and its commands are bound to the page
// through one commands.Gate (Call(key, method, args)).
//
// # App key
//
// Plugins run in sandboxed frames of the same webview: WebKit gives every
// frame the Wails message channel, and the frames share the page's URL
// scheme. So the shell makes a random key at each launch (appkey.go), puts
// it into index.html only, and requires it on every /api/ request
// (X-Kubedeck-Key) and every Gate call. /plugin-frame/<token>/ needs the
// token only (app/api/frame.go).
//
// # Desktop citizenship
//
// One instance (a second launch brings the running window to the front),
// the window's size, place and zoom remembered across restarts, files saved
// through the native dialog (the webview ignores <a download>), the menu's
// edit commands, and a clean shutdown (Options.Shutdown) after the window
// closes.
package desktop
