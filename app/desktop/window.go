package desktop

import (
	"context"
	"fmt"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// window is what the shell asks of the running window. Every Wails runtime
// call lives behind it (in wailsWindow): those calls log.Fatal with a context
// Wails did not make, so tests use a fake instead.
type window interface {
	Size() (w, h int)
	Position() (x, y int)
	SetPosition(x, y int)
	IsMaximised() bool
	IsMinimised() bool
	IsFullscreen() bool
	ToggleFullscreen()
	Screens() ([]screen, error)
	Focus() // unminimise and raise
	ExecJS(js string)
	Emit(event string, data any)
	// On calls fn with the data of every event of that name from the page.
	On(event string, fn func(data ...any))
	// UpdateMenu shows changes made to the application menu's items.
	UpdateMenu()
	Reload()
	OpenURL(url string)
	ClipboardText() (string, error)
	About(title, message string) error
	// SaveDialog asks where to save a file; "" when the user cancelled.
	SaveDialog(title, defaultName string) (string, error)
	// OpenDialog asks for a file (or a folder); "" when cancelled.
	OpenDialog(title string, folder bool) (string, error)
	Quit()
}

// wailsWindow is the window through the Wails runtime.
type wailsWindow struct{ ctx context.Context }

func (w wailsWindow) Size() (int, int)     { return runtime.WindowGetSize(w.ctx) }
func (w wailsWindow) Position() (int, int) { return runtime.WindowGetPosition(w.ctx) }
func (w wailsWindow) SetPosition(x, y int) { runtime.WindowSetPosition(w.ctx, x, y) }
func (w wailsWindow) IsMaximised() bool    { return runtime.WindowIsMaximised(w.ctx) }
func (w wailsWindow) IsMinimised() bool    { return runtime.WindowIsMinimised(w.ctx) }
func (w wailsWindow) IsFullscreen() bool   { return runtime.WindowIsFullscreen(w.ctx) }
func (w wailsWindow) ExecJS(js string)     { runtime.WindowExecJS(w.ctx, js) }
func (w wailsWindow) Emit(e string, d any) { runtime.EventsEmit(w.ctx, e, d) }
func (w wailsWindow) Reload()              { runtime.WindowReloadApp(w.ctx) }
func (w wailsWindow) UpdateMenu()          { runtime.MenuUpdateApplicationMenu(w.ctx) }
func (w wailsWindow) On(e string, fn func(...any)) {
	runtime.EventsOn(w.ctx, e, fn)
}
func (w wailsWindow) OpenURL(url string) { runtime.BrowserOpenURL(w.ctx, url) }
func (w wailsWindow) Quit()              { runtime.Quit(w.ctx) }

func (w wailsWindow) SaveDialog(title, defaultName string) (string, error) {
	path, err := runtime.SaveFileDialog(w.ctx, runtime.SaveDialogOptions{
		Title: title, DefaultFilename: defaultName, CanCreateDirectories: true,
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	return path, nil
}

func (w wailsWindow) ClipboardText() (string, error) {
	text, err := runtime.ClipboardGetText(w.ctx)
	if err != nil {
		return "", fmt.Errorf("read clipboard: %w", err)
	}
	return text, nil
}

func (w wailsWindow) ToggleFullscreen() {
	if runtime.WindowIsFullscreen(w.ctx) {
		runtime.WindowUnfullscreen(w.ctx)
	} else {
		runtime.WindowFullscreen(w.ctx)
	}
}

func (w wailsWindow) Focus() {
	runtime.WindowUnminimise(w.ctx)
	runtime.WindowShow(w.ctx)
}

func (w wailsWindow) Screens() ([]screen, error) {
	all, err := runtime.ScreenGetAll(w.ctx)
	if err != nil {
		return nil, fmt.Errorf("screens: %w", err)
	}
	out := make([]screen, 0, len(all))
	for _, s := range all {
		out = append(out, screen{Width: s.Size.Width, Height: s.Size.Height})
	}
	return out, nil
}

func (w wailsWindow) About(title, message string) error {
	_, err := runtime.MessageDialog(w.ctx, runtime.MessageDialogOptions{
		Type:    runtime.InfoDialog,
		Title:   title,
		Message: message,
	})
	if err != nil {
		return fmt.Errorf("about dialog: %w", err)
	}
	return nil
}

// captureGeometry records the window's size and place into st. A maximised
// or full-screen window keeps the normal geometry st already had (so
// un-maximising after a restart goes back to it), and a minimised one is not
// measured at all (Windows reports it at -32000,-32000).
func captureGeometry(w window, st windowState) windowState {
	if w.IsMinimised() {
		return st
	}
	if w.IsMaximised() || w.IsFullscreen() {
		st.Maximised = true
		return st
	}
	st.Maximised = false
	st.Width, st.Height = w.Size()
	x, y := w.Position()
	st.Position = &point{X: x, Y: y}
	return st
}
