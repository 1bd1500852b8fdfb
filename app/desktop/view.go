package desktop

import (
	"encoding/json"
	"strconv"
)

// The theme's one source of truth is the frontend's store (frontend/src/theme.ts,
// persisted in localStorage). The View > Theme menu asks it to change with
// ThemeEvent ("system", "light" or "dark"); it reports every change, and its
// preference at start, with ThemeChangedEvent, and the menu shows that.
const (
	ThemeEvent        = "kubedeck:theme"
	ThemeChangedEvent = "kubedeck:theme-changed"
)

// zoomJS sets the page zoom. CSS zoom on the root element scales the whole
// UI the way a browser's Ctrl+= does, on WebKitGTK, WebView2 and WKWebView.
func zoomJS(z float64) string {
	return "document.documentElement.style.zoom=" + strconv.Quote(strconv.FormatFloat(clampZoom(z), 'f', -1, 64)) + ";"
}

// editJS runs an editing command ("cut", "copy", "selectAll") on whatever
// has focus in the page. It is the fallback where nativeEdit is missing.
func editJS(command string) string {
	c, _ := json.Marshal(command)
	return "document.execCommand(" + string(c) + ");"
}

// insertTextJS types text into whatever has focus in the page, as a paste
// would (firing input events, so React sees it).
func insertTextJS(text string) string {
	t, _ := json.Marshal(text)
	return "document.execCommand('insertText', false, " + string(t) + ");"
}
