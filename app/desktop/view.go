package desktop

import (
	"encoding/json"
	"strconv"
)

// ThemeEvent is the Wails event the View > Theme menu emits, with "system",
// "light" or "dark". The same value is put in localStorage under
// themeStorageKey, where the frontend keeps its theme preference.
const (
	ThemeEvent      = "kubedeck:theme"
	themeStorageKey = "kubedeck.theme"
)

// zoomJS sets the page zoom. CSS zoom on the root element scales the whole
// UI the way a browser's Ctrl+= does, on WebKitGTK, WebView2 and WKWebView.
func zoomJS(z float64) string {
	return "document.documentElement.style.zoom=" + strconv.Quote(strconv.FormatFloat(clampZoom(z), 'f', -1, 64)) + ";"
}

// themeJS stores the theme where the frontend reads it and applies it at
// once (data-theme and color-scheme on <html>, as the frontend itself does),
// so the choice shows even before the frontend handles ThemeEvent.
func themeJS(theme string) string {
	t, _ := json.Marshal(theme)
	k, _ := json.Marshal(themeStorageKey)
	return `(() => { const t = ` + string(t) + `;
  try { localStorage.setItem(` + string(k) + `, t); } catch (e) {}
  const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  const eff = t === 'system' ? (dark ? 'dark' : 'light') : t;
  document.documentElement.dataset.theme = eff;
  document.documentElement.style.colorScheme = eff;
})();`
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
