//go:build !(linux && cgo && desktop)

package desktop

// nativeEdit is only implemented for WebKitGTK; elsewhere the shell falls
// back to editing commands run in the page.
func nativeEdit(string) bool { return false }
