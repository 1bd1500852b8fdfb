//go:build !(linux && cgo && desktop)

package desktop

// resetSignalHandlers is only needed on Linux with the real webview.
func resetSignalHandlers() {}
