package desktop

import (
	"errors"
	"fmt"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Files is the native file dialogs for the app's Session (its
// session.FilePicker): made before the window, it answers once the window
// runs (Run attaches it).
type Files struct {
	mu  sync.Mutex
	win func() window
}

// NewFiles returns the dialogs, not yet attached to a window.
func NewFiles() *Files { return &Files{} }

var errNoWindow = errors.New("the window is not ready")

func (f *Files) attach(win func() window) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.win = win
}

func (f *Files) window() (window, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.win == nil {
		return nil, errNoWindow
	}
	if w := f.win(); w != nil {
		return w, nil
	}
	return nil, errNoWindow
}

// SaveFile asks where to save a file ("" when cancelled).
func (f *Files) SaveFile(title, defaultName string) (string, error) {
	w, err := f.window()
	if err != nil {
		return "", err
	}
	return w.SaveDialog(title, defaultName)
}

// OpenFile asks for a file to read ("" when cancelled).
func (f *Files) OpenFile(title string) (string, error) {
	w, err := f.window()
	if err != nil {
		return "", err
	}
	return w.OpenDialog(title, false)
}

// OpenFolder asks for a folder ("" when cancelled).
func (f *Files) OpenFolder(title string) (string, error) {
	w, err := f.window()
	if err != nil {
		return "", err
	}
	return w.OpenDialog(title, true)
}

func (w wailsWindow) OpenDialog(title string, folder bool) (string, error) {
	opts := runtime.OpenDialogOptions{Title: title, CanCreateDirectories: folder}
	var (
		path string
		err  error
	)
	if folder {
		path, err = runtime.OpenDirectoryDialog(w.ctx, opts)
	} else {
		path, err = runtime.OpenFileDialog(w.ctx, opts)
	}
	if err != nil {
		return "", fmt.Errorf("open dialog: %w", err)
	}
	return path, nil
}
